import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') externalId!: string;
  @Column('char', { length: 2 }) countryOfResidence!: string;
  @Column('date', { nullable: true }) dateOfBirth!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
