import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ConsentKind } from '../../domain/consent-kind';

@Entity('consent')
export class ConsentEntity {
  @PrimaryColumn('uuid') personId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) activityId!: string | null;
  @Column('uuid', { nullable: true }) flowId!: string | null;
  @Column('text') kind!: ConsentKind;
  @Column('boolean') givenByGuardian!: boolean;
  @Column('timestamptz') givenAt!: Date;
  @Column('timestamptz', { nullable: true }) withdrawnAt!: Date | null;
}
