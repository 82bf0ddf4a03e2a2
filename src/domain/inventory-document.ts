import type { LegalBasis } from './legal-basis';
import type { ConsentKind } from './consent-kind';
import type { EvidenceKind } from './evidence-kind';
import type { RecipientRole } from './recipient-role';
import type { PiplExemption, Safeguard, TransferMechanism, SccModule } from './transfer-mechanism';
import type { PartyKind } from './party-kind';
import type { AutomatedDecisions } from '../modules/activity/automated-decisions';

/**
 * The data map as a document, keyed by stable human keys. These entry shapes are shared by the
 * inventory file, the GraphQL inputs and the services that write the registry, so that a file
 * import and an API call go through the same validation and writes.
 * Dates are 'YYYY-MM-DD' strings; timestamps are ISO 8601 strings.
 */

export interface EvidenceEntry {
  kind: EvidenceKind;
  datedOn: string;
  expiresOn?: string | null;
  reference?: string | null;
}

export interface SubjectCategoryEntry {
  key: string;
  name: string;
  description?: string | null;
}

export interface DataCategoryEntry {
  key: string;
  name: string;
  parent?: string | null;
  gdprSpecial?: boolean;
  piplSensitive?: boolean;
  description?: string | null;
}

/** A period in which a party held a country: both ends inclusive; a null start is "since before the record begins", a null end "still". */
export interface CountryPeriodEntry {
  country: string;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

export interface PartyEntry {
  key: string;
  name: string;
  kind: PartyKind;
  /** The countries it holds with no end in sight (those of the open periods). */
  countries: string[];
  /**
   * Every period of its countries. Left out or empty, the periods follow from `countries`: for a
   * new party, held with no start; for a stored one, a changed list closes and opens periods on
   * `countriesEffectiveFrom`.
   */
  countryHistory?: CountryPeriodEntry[];
  /** When a change of `countries` takes effect (default today); an instruction, never stored. */
  countriesEffectiveFrom?: string | null;
  engagedBy?: string | null;
  description?: string | null;
  evidence?: EvidenceEntry[];
}

export interface ActivityCategoryEntry {
  category: string;
  required: boolean;
}

export interface RetentionEntry {
  /** ISO 8601 duration, e.g. 'P30D'. */
  period?: string | null;
  /** An event that ends retention, e.g. 'account closed'. */
  event?: string | null;
}

export interface ActivityEntry {
  key: string;
  name: string;
  purpose: string;
  controller: string;
  legalBasis: LegalBasis;
  subjectCategories: string[];
  dataCategories: ActivityCategoryEntry[];
  retention?: RetentionEntry | null;
  securityMeasures?: string[];
  localisedIn?: string | null;
  localisedUnlessConsented?: boolean;
  targetsResidents?: boolean;
  /** Persons younger than this (in whole years) are not served: 18 for "adults only". */
  minimumAge?: number | null;
  /** Persons younger than this need a guardian's consent to the activity ("a parent's consent under 14"). */
  guardianConsentUnder?: number | null;
  /** It pushes information or markets to persons on an automated evaluation of them (PIPL Art. 24(2); GDPR Art. 21(2)). */
  personalisedAdvertising?: boolean;
  /** The person may refuse it: a non-personalised option or a convenient way to refuse; objection to direct marketing. */
  advertisingOptOut?: boolean;
  automatedDecisions?: AutomatedDecisions;
  /** The person may have a decision explained, obtain human intervention, contest it, refuse one made solely by automated means. */
  humanReview?: boolean;
  effectiveFrom: string;
  effectiveTo?: string | null;
  description?: string | null;
  evidence?: EvidenceEntry[];
}

/** One transfer mechanism a flow relies on, with what only it needs. */
export interface MechanismEntry {
  mechanism: TransferMechanism;
  /** For STANDARD_CONTRACTUAL_CLAUSES: the module signed (Decision (EU) 2021/914). */
  sccModule?: SccModule | null;
  /** For PIPL_EXEMPTION: the exemption of the 2024 Provisions claimed. */
  piplExemption?: PiplExemption | null;
  /** Evidence of this mechanism only (its TIA, its filing); the flow's own evidence counts for every mechanism. */
  evidence?: EvidenceEntry[];
}

export interface FlowEntry {
  key: string;
  activity: string;
  from: string;
  to: string;
  dataCategories: string[];
  legalBasis?: LegalBasis | null;
  consentRequired?: boolean;
  /** The mechanisms in the order the flow relies on them: the first that holds under a regime is the one relied on. */
  mechanisms?: MechanismEntry[];
  /** Shorthand for a single mechanism (`mechanisms: [{ mechanism, piplExemption }]`); never with `mechanisms`, never stored. */
  mechanism?: TransferMechanism | null;
  /** With the `mechanism` shorthand: the exemption claimed. */
  piplExemption?: PiplExemption | null;
  necessity?: string | null;
  /** The receiver's role on this flow; null or absent: its kind's default. */
  recipientRole?: RecipientRole | null;
  safeguards?: Safeguard[];
  countries?: string[];
  continuous?: boolean;
  annualSubjects?: number | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  description?: string | null;
  evidence?: EvidenceEntry[];
}

export interface ConsentEntry {
  /** Exactly one of activity and flow. */
  activity?: string | null;
  flow?: string | null;
  kind: ConsentKind;
  givenByGuardian?: boolean;
  givenAt: string;
  withdrawnAt?: string | null;
}

export interface PersonEntry {
  externalId: string;
  countryOfResidence: string;
  subjectCategories: string[];
  dateOfBirth?: string | null;
  consents?: ConsentEntry[];
}

/** Someone the record names with how to reach them: a DPO, a representative. */
export interface ContactPointEntry {
  name?: string | null;
  contact: string;
  /** For a representative: the country where it is established (ISO 3166-1 alpha-2). */
  country?: string | null;
}

export interface OrganisationEntry {
  name: string;
  /** How to reach the controller (GDPR Art. 30(1)(a)). */
  contact?: string | null;
  /** The data protection officer (GDPR Arts. 37-39; PIPL Art. 52's person in charge). */
  dpo?: ContactPointEntry | null;
  /** Representatives of a controller established elsewhere (GDPR Art. 27, PIPL Art. 53). */
  representatives?: ContactPointEntry[];
  policy?: {
    title?: string | null;
    url?: string | null;
    publishedOn?: string | null;
    effectiveFrom?: string | null;
  } | null;
}

export interface InventoryDocument {
  flowmap: 1;
  organisation?: OrganisationEntry | null;
  subjectCategories?: SubjectCategoryEntry[];
  dataCategories?: DataCategoryEntry[];
  parties?: PartyEntry[];
  activities?: ActivityEntry[];
  flows?: FlowEntry[];
  persons?: PersonEntry[];
}

/** The keyed lists of a document, in dependency order (what an entry refers to comes first). */
export const INVENTORY_SECTIONS = ['subjectCategories', 'dataCategories', 'parties', 'activities', 'flows', 'persons'] as const;

export type InventorySection = (typeof INVENTORY_SECTIONS)[number];

/** The entry of one section: persons are keyed by `externalId`, everything else by `key`. */
export type SectionEntry = NonNullable<InventoryDocument[InventorySection]>[number];

/** The stable key an entry is known by in its section. */
export function entryKey(entry: SectionEntry): string {
  return 'externalId' in entry ? entry.externalId : entry.key;
}
