import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegistryRow } from '../registry/registry-row';
import { LegalBasis } from '../../domain/legal-basis';
import type { AutomatedDecisions } from './automated-decisions';

@Entity('activity')
export class ActivityEntity extends RegistryRow {
  @Column('text') name!: string;
  @Column('text') purpose!: string;
  @Column('uuid') controllerId!: string;
  @Column('text') legalBasis!: LegalBasis;
  @Column('text', { nullable: true }) retentionPeriod!: string | null;
  @Column('text', { nullable: true }) retentionEvent!: string | null;
  @Column('text', { array: true }) securityMeasures!: string[];
  @Column('char', { length: 2, nullable: true }) localisedIn!: string | null;
  @Column('boolean') localisedUnlessConsented!: boolean;
  @Column('boolean') targetsResidents!: boolean;
  @Column('smallint', { nullable: true }) minimumAge!: number | null;
  @Column('smallint', { nullable: true }) guardianConsentUnder!: number | null;
  @Column('boolean') personalisedAdvertising!: boolean;
  @Column('boolean') advertisingOptOut!: boolean;
  @Column('text') automatedDecisions!: AutomatedDecisions;
  @Column('boolean') humanReview!: boolean;
  @Column('date') effectiveFrom!: string;
  @Column('date', { nullable: true }) effectiveTo!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
}

@Entity('activity_subject_category')
export class ActivitySubjectCategoryEntity {
  @PrimaryColumn('uuid') activityId!: string;
  @PrimaryColumn('uuid') subjectCategoryId!: string;
}

@Entity('activity_data_category')
export class ActivityDataCategoryEntity {
  @PrimaryColumn('uuid') activityId!: string;
  @PrimaryColumn('uuid') dataCategoryId!: string;
  @Column('boolean') required!: boolean;
}
