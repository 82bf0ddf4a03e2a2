import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegistryRow } from '../registry/registry-row';
import { LegalBasis } from '../../domain/legal-basis';
import { RecipientRole } from '../../domain/recipient-role';
import { Safeguard } from '../../domain/transfer-mechanism';

@Entity('flow')
export class FlowEntity extends RegistryRow {
  @Column('uuid') activityId!: string;
  @Column('uuid') fromPartyId!: string;
  @Column('uuid') toPartyId!: string;
  @Column('text', { nullable: true }) legalBasis!: LegalBasis | null;
  @Column('boolean') consentRequired!: boolean;
  @Column('text', { array: true }) safeguards!: Safeguard[];
  @Column('boolean') continuous!: boolean;
  @Column('integer', { nullable: true }) annualSubjects!: number | null;
  @Column('date') effectiveFrom!: string;
  @Column('date', { nullable: true }) effectiveTo!: string | null;
  @Column('text', { nullable: true }) necessity!: string | null;
  @Column('text', { nullable: true }) recipientRole!: RecipientRole | null;
  @Column('text', { nullable: true }) description!: string | null;
}

@Entity('flow_data_category')
export class FlowDataCategoryEntity {
  @PrimaryColumn('uuid') flowId!: string;
  @PrimaryColumn('uuid') dataCategoryId!: string;
}

@Entity('flow_country')
export class FlowCountryEntity {
  @PrimaryColumn('uuid') flowId!: string;
  @PrimaryColumn('char', { length: 2 }) countryCode!: string;
}
