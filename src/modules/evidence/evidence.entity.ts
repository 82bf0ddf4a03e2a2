import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceKind } from '../../domain/evidence-kind';

@Entity('evidence')
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) partyId!: string | null;
  @Column('uuid', { nullable: true }) activityId!: string | null;
  @Column('uuid', { nullable: true }) flowId!: string | null;
  @Column('text') kind!: EvidenceKind;
  @Column('date') datedOn!: string;
  @Column('date', { nullable: true }) expiresOn!: string | null;
  @Column('text', { nullable: true }) reference!: string | null;
}
