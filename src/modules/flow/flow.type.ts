import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { RegistryItem } from '../registry/registry.type';
import { LocalDate } from '../../common/scalars';
import { LegalBasis } from '../../domain/legal-basis';
import { RecipientRole } from '../../domain/recipient-role';
import { PiplExemption, Safeguard, TransferMechanism, SccModule } from '../../domain/transfer-mechanism';
import { Evidence } from '../evidence/evidence.type';

registerEnumType(TransferMechanism, {
  name: 'TransferMechanism',
  description: 'What makes a cross-border transfer lawful (GDPR Chapter V, PIPL Art. 38).',
  valuesConfig: {
    ADEQUACY_DECISION: { description: 'The destination has an adequacy decision (GDPR Art. 45).' },
    STANDARD_CONTRACTUAL_CLAUSES: { description: "The Commission's standard contractual clauses (GDPR Art. 46(2)(c))." },
    BINDING_CORPORATE_RULES: { description: 'Approved binding corporate rules of the group (GDPR Art. 47).' },
    CODE_OF_CONDUCT: { description: 'An approved code of conduct with binding commitments (GDPR Art. 46(2)(e)).' },
    GDPR_CERTIFICATION: { description: 'An approved certification mechanism (GDPR Art. 46(2)(f)).' },
    EXPLICIT_CONSENT_DEROGATION: { description: "The person's explicit consent, for occasional transfers (GDPR Art. 49(1)(a))." },
    CONTRACT_DEROGATION: { description: 'Necessary for a contract with or for the person, occasional transfers (GDPR Art. 49(1)(b)-(c)).' },
    PIPL_STANDARD_CONTRACT: { description: "The CAC's standard contract, filed with the provincial CAC (PIPL Art. 38(1)(3))." },
    CAC_SECURITY_ASSESSMENT: { description: 'A security assessment passed with the CAC (PIPL Arts. 38(1)(1), 40).' },
    PIPL_CERTIFICATION: { description: 'Personal information protection certification (PIPL Art. 38(1)(2)).' },
    PIPL_EXEMPTION: { description: 'Exempted by the 2024 Provisions on Promoting and Regulating Cross-Border Data Flows (Arts. 3-6).' },
  },
});
registerEnumType(RecipientRole, {
  name: 'RecipientRole',
  description: "What the receiver of a flow is for that flow: decides whether it is entrusted processing or a provision to another handler.",
  valuesConfig: {
    PROCESSOR: { description: 'Processes on our behalf only: entrusted processing (PIPL Art. 21, GDPR Art. 28), needing the agreement on record.' },
    INDEPENDENT_HANDLER: { description: 'Processes for its own purposes: a provision to another handler (PIPL Art. 23), needing separate consent and the notice.' },
  },
});
registerEnumType(PiplExemption, {
  name: 'PiplExemption',
  description: 'Which exemption of the 2024 Provisions on Promoting and Regulating Cross-Border Data Flows a PIPL_EXEMPTION flow claims.',
  valuesConfig: {
    NO_PERSONAL_INFORMATION: { description: 'Data of international trade, transport, academic cooperation, manufacturing or marketing containing no personal information (Art. 3): holds only for anonymised data.' },
    COLLECTED_ABROAD: { description: 'Personal information collected abroad, processed in China and sent back (Art. 4); any volume.' },
    CONTRACT_NECESSITY: { description: 'Necessary for a contract the person is party to: cross-border shopping, delivery, payment, booking, visas (Art. 5(1)); any volume.' },
    HR_MANAGEMENT: { description: 'Cross-border human resources management (Art. 5(2)); any volume.' },
    EMERGENCY: { description: "An emergency, to protect a person's life, health or property (Art. 5(3)); any volume." },
    UNDER_100000_PERSONS: { description: "Fewer than 100,000 persons' non-sensitive personal information since 1 January, counted per handler (Art. 5(4))." },
    FREE_TRADE_ZONE: { description: "Data outside a pilot free trade zone's negative list (Art. 6)." },
  },
});
registerEnumType(SccModule, {
  name: 'SccModule',
  description: 'The module of the standard contractual clauses signed (Commission Implementing Decision (EU) 2021/914, Annex).',
  valuesConfig: {
    CONTROLLER_TO_CONTROLLER: { description: 'Module One: the exporter and the importer are both controllers.' },
    CONTROLLER_TO_PROCESSOR: { description: 'Module Two: a controller transfers to its processor.' },
    PROCESSOR_TO_PROCESSOR: { description: 'Module Three: a processor transfers to its sub-processor.' },
    PROCESSOR_TO_CONTROLLER: { description: 'Module Four: a processor transfers back to the controller it processes for.' },
  },
});
registerEnumType(Safeguard, {
  name: 'Safeguard',
  description: 'Protection applied to the data on a flow.',
  valuesConfig: {
    DE_IDENTIFICATION: { description: 'Cannot identify a person without extra information; still personal information (PIPL Art. 73(3)).' },
    ANONYMISATION: { description: 'Cannot identify a person and cannot be restored: no longer personal data (GDPR Recital 26, PIPL Art. 4).' },
    PSEUDONYMISATION: { description: 'Identifiers replaced; still personal data (GDPR Art. 4(5)).' },
    ENCRYPTION: { description: 'Encrypted in transit and at rest.' },
  },
});

@ObjectType({ description: 'One transfer mechanism a flow relies on, with what only it needs.' })
export class FlowMechanism {
  @Field(() => TransferMechanism, { description: 'The mechanism.' })
  mechanism!: TransferMechanism;

  @Field(() => SccModule, { nullable: true, description: 'For STANDARD_CONTRACTUAL_CLAUSES: the module signed; null: not recorded.' })
  sccModule!: SccModule | null;

  @Field(() => PiplExemption, { nullable: true, description: 'For PIPL_EXEMPTION: the exemption claimed; null: not named.' })
  piplExemption!: PiplExemption | null;

  @Field(() => [Evidence], { description: "Evidence of this mechanism alone (its TIA, its filing); the flow's own evidence counts for every mechanism." })
  evidence!: Evidence[];
}

@ObjectType({ description: 'An edge of the data map: personal data going from one party to another for an activity.', implements: RegistryItem })
export class Flow extends RegistryItem {
  @Field(() => LegalBasis, { nullable: true, description: "Legal basis of this flow; null means the activity's." })
  legalBasis!: LegalBasis | null;

  @Field(() => Boolean, { description: "The flow happens only with the person's own consent to it." })
  consentRequired!: boolean;

  @Field(() => [Safeguard], { description: 'Safeguards applied (de-identification, encryption...).' })
  safeguards!: Safeguard[];

  @Field(() => Boolean, { description: 'Continuous (systematic) rather than occasional; GDPR Art. 49 derogations fit occasional transfers only.' })
  continuous!: boolean;

  @Field(() => Int, { nullable: true, description: 'Persons whose data the flow carries per calendar year, as declared (PIPL volume thresholds).' })
  annualSubjects!: number | null;

  @Field(() => LocalDate, { description: 'First day the flow is in force.' })
  effectiveFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the flow is in force; null while it lasts.' })
  effectiveTo!: string | null;

  @Field(() => String, { nullable: true, description: "Why providing the data without consent is necessary for the flow's basis (PIPL Art. 13(1)(2)-(7)); null: not recorded." })
  necessity!: string | null;

  @Field(() => RecipientRole, { nullable: true, description: "The receiver's role on this flow as recorded; null: its party kind's default (PROCESSOR and SUB_PROCESSOR are processors; THIRD_PARTY, JOINT_CONTROLLER, SDK_PROVIDER and AFFILIATE independent handlers)." })
  recipientRole!: RecipientRole | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

  activityId!: string;
  fromPartyId!: string;
  toPartyId!: string;
}

export const FlowConnection = connectionType(Flow, 'Flow');
