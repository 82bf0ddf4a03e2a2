import { Field, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceInput } from '../evidence/evidence.type';
import type { FlowEntry, MechanismEntry } from '../../domain/inventory-document';
import { RecipientRole } from '../../domain/recipient-role';
import { PiplExemption, SccModule, Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';

@InputType({ description: 'One transfer mechanism a flow relies on.' })
export class FlowMechanismInput implements MechanismEntry {
  @Field(() => TransferMechanism, { description: 'The mechanism.' })
  mechanism!: TransferMechanism;

  @Field(() => SccModule, { nullable: true, description: 'Only for STANDARD_CONTRACTUAL_CLAUSES: the module signed (Decision (EU) 2021/914).' })
  sccModule?: SccModule | null;

  @Field(() => PiplExemption, { nullable: true, description: 'Only for PIPL_EXEMPTION: the exemption of the 2024 Provisions claimed.' })
  piplExemption?: PiplExemption | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Evidence of this mechanism alone: TRANSFER_IMPACT_ASSESSMENT, PIPL_STANDARD_CONTRACT_FILING, CAC_ASSESSMENT_PASSED, PIPL_CERTIFICATE.' })
  evidence?: EvidenceInput[];
}

const MECHANISMS_DESCRIPTION = 'Transfer mechanisms in the order the flow relies on them (replaces the list): under each regime the first that holds is relied on. Not with `mechanism`.';
const SHORTHAND_DEPRECATION = 'Use `mechanisms`, which may name several in order of reliance.';

@InputType({ description: 'A new data flow.' })
export class CreateFlowInput implements FlowEntry {
  @Field(() => String, { description: 'Stable key.' })
  key!: string;

  @Field(() => String, { description: 'Key of the activity the flow serves.' })
  activity!: string;

  @Field(() => String, { description: 'Key of the sending party.' })
  from!: string;

  @Field(() => String, { description: 'Key of the receiving party.' })
  to!: string;

  @Field(() => [String], { description: 'Keys of the data categories carried; each covered by the activity.' })
  dataCategories!: string[];

  @Field(() => LegalBasis, { nullable: true, description: "Legal basis; default the activity's." })
  legalBasis?: LegalBasis | null;

  @Field(() => Boolean, { nullable: true, description: "Only with the person's own consent to this flow (default false)." })
  consentRequired?: boolean;

  @Field(() => [FlowMechanismInput], { nullable: true, description: MECHANISMS_DESCRIPTION })
  mechanisms?: FlowMechanismInput[];

  @Field(() => TransferMechanism, { nullable: true, description: 'A single transfer mechanism: the same as `mechanisms` with one entry.', deprecationReason: SHORTHAND_DEPRECATION })
  mechanism?: TransferMechanism | null;

  @Field(() => PiplExemption, { nullable: true, description: 'With `mechanism` PIPL_EXEMPTION: the exemption claimed.', deprecationReason: SHORTHAND_DEPRECATION })
  piplExemption?: PiplExemption | null;

  @Field(() => [Safeguard], { nullable: true, description: 'Safeguards applied.' })
  safeguards?: Safeguard[];

  @Field(() => [String], { nullable: true, description: "Countries reached, a subset of the receiver's; default all of them." })
  countries?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Continuous rather than occasional (default true).' })
  continuous?: boolean;

  @Field(() => Int, { nullable: true, description: 'Declared persons per calendar year.' })
  annualSubjects?: number | null;

  @Field(() => LocalDate, { description: 'First day in force.' })
  effectiveFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day in force.' })
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true, description: "Why providing the data without consent is necessary for the flow's basis (PIPL Art. 13(1)(2)-(7)); null: not recorded." })
  necessity?: string | null;

  @Field(() => RecipientRole, { nullable: true, description: "The receiver's role on this flow: PROCESSOR (entrusted, PIPL Art. 21 / GDPR Art. 28) or INDEPENDENT_HANDLER (provision, PIPL Art. 23); null: its party kind's default." })
  recipientRole?: RecipientRole | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Transfer impact assessment, PIPL filings (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Changes to a flow; omitted fields stay as they are.' })
export class UpdateFlowInput implements Partial<FlowEntry> {
  @Field(() => String, { nullable: true, description: 'A new key.' })
  key?: string;

  @Field(() => String, { nullable: true, description: 'Key of the activity.' })
  activity?: string;

  @Field(() => String, { nullable: true, description: 'Key of the sending party.' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Key of the receiving party.' })
  to?: string;

  @Field(() => [String], { nullable: true, description: 'Data categories carried (replaces the list).' })
  dataCategories?: string[];

  @Field(() => LegalBasis, { nullable: true, description: 'Legal basis.' })
  legalBasis?: LegalBasis | null;

  @Field(() => Boolean, { nullable: true, description: "Only with the person's consent." })
  consentRequired?: boolean;

  @Field(() => [FlowMechanismInput], { nullable: true, description: MECHANISMS_DESCRIPTION })
  mechanisms?: FlowMechanismInput[];

  @Field(() => TransferMechanism, { nullable: true, description: 'A single transfer mechanism, replacing the list; null: none.', deprecationReason: SHORTHAND_DEPRECATION })
  mechanism?: TransferMechanism | null;

  @Field(() => PiplExemption, { nullable: true, description: 'With `mechanism` PIPL_EXEMPTION: the exemption claimed.', deprecationReason: SHORTHAND_DEPRECATION })
  piplExemption?: PiplExemption | null;

  @Field(() => [Safeguard], { nullable: true, description: 'Safeguards (replaces the list).' })
  safeguards?: Safeguard[];

  @Field(() => [String], { nullable: true, description: 'Countries reached (replaces the list).' })
  countries?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Continuous rather than occasional.' })
  continuous?: boolean;

  @Field(() => Int, { nullable: true, description: 'Declared persons per calendar year.' })
  annualSubjects?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day in force.' })
  effectiveFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day in force.' })
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true, description: "Why providing the data without consent is necessary for the flow's basis (PIPL Art. 13(1)(2)-(7)); null: not recorded." })
  necessity?: string | null;

  @Field(() => RecipientRole, { nullable: true, description: "The receiver's role on this flow: PROCESSOR (entrusted, PIPL Art. 21 / GDPR Art. 28) or INDEPENDENT_HANDLER (provision, PIPL Art. 23); null: its party kind's default." })
  recipientRole?: RecipientRole | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Evidence on record (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Which flows to list; all conditions must hold.' })
export class FlowFilter {
  @Field(() => String, { nullable: true, description: 'Flows from or to this party (key).' })
  party?: string;

  @Field(() => String, { nullable: true, description: 'Flows from this party (key).' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Flows to this party (key).' })
  to?: string;

  @Field(() => String, { nullable: true, description: 'Flows carrying this data category or one below it (key).' })
  dataCategory?: string;

  @Field(() => String, { nullable: true, description: 'Flows of this activity (key).' })
  activity?: string;

  @Field(() => Boolean, { nullable: true, description: "Only flows reaching a country where the sender is not (true), or only flows that stay within the sender's countries (false)." })
  crossBorder?: boolean;

  @Field(() => [TransferMechanism], { nullable: true, description: 'Only flows naming one of these mechanisms, first or as a fallback.' })
  mechanisms?: TransferMechanism[];

  @Field(() => Boolean, { nullable: true, description: 'Only flows with no mechanism (true).' })
  withoutMechanism?: boolean;
}
