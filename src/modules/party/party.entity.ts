import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PartyKind } from './party-kind';

@Entity('party')
export class PartyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') key!: string;
  @Column('text') name!: string;
  @Column('text') kind!: PartyKind;
  @Column('uuid', { nullable: true }) engagedById!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('party_country')
export class PartyCountryEntity {
  @PrimaryColumn('uuid') partyId!: string;
  @PrimaryColumn('char', { length: 2 }) countryCode!: string;
}
