import type { LegalBasis } from '../../domain/legal-basis';
import type { ConsentKind } from '../../domain/consent-kind';
import type { EvidenceKind } from '../../domain/evidence-kind';
import type { PartyKind } from '../../domain/party-kind';
import type { RecipientRole } from '../../domain/recipient-role';
import type { PiplExemption, Safeguard, TransferMechanism, SccModule } from '../../domain/transfer-mechanism';
import type { AutomatedDecisions } from '../../modules/activity/automated-decisions';

/**
 * The whole data map as plain data, the input of the flow engine and the rules.
 * Dates are ISO calendar dates ('YYYY-MM-DD'), so they compare as strings.
 */

export interface EvidenceRecord {
  kind: EvidenceKind;
  /** When the document was signed, filed, passed or certified. */
  datedOn: string;
  /** When it stops being valid, if it does. */
  expiresOn: string | null;
  reference: string | null;
}

export interface SnapshotParty {
  id: string;
  key: string;
  name: string;
  kind: PartyKind;
  /** Countries where the party stores or accesses data (ISO 3166-1 alpha-2); in an index from indexOn, those held on its date. */
  countries: string[];
  /** The periods it held each country (inclusive; null start: always before, null end: still); absent, `countries` hold at every date. */
  countryPeriods?: readonly { country: string; effectiveFrom: string | null; effectiveTo: string | null }[];
  /** For a SUB_PROCESSOR: the processor that engaged it. */
  engagedById: string | null;
  evidence: EvidenceRecord[];
}

export interface SnapshotCategory {
  id: string;
  key: string;
  name: string;
  parentId: string | null;
  /** GDPR Art. 9 special category. */
  gdprSpecial: boolean;
  /** PIPL Art. 28 sensitive personal information. */
  piplSensitive: boolean;
}

export interface SnapshotSubjectCategory {
  id: string;
  key: string;
  name: string;
}

export interface SnapshotActivityCategory {
  categoryId: string;
  required: boolean;
}

export interface SnapshotActivity {
  id: string;
  key: string;
  name: string;
  purpose: string;
  controllerId: string;
  legalBasis: LegalBasis;
  subjectCategoryIds: string[];
  categories: SnapshotActivityCategory[];
  /** ISO 8601 duration, e.g. 'P30D'. */
  retentionPeriod: string | null;
  /** An event that ends retention, e.g. 'account closed'. */
  retentionEvent: string | null;
  securityMeasures: string[];
  /** A promise that the data stays in this country ("stored in mainland China"). */
  localisedIn: string | null;
  /** The promise yields to the person's consent: a hop whose consent is held may leave the country. */
  localisedUnlessConsented: boolean;
  /** Offers goods or services to, or monitors, the persons where they live (GDPR and UK GDPR Art. 3(2)). */
  targetsResidents: boolean;
  /** Persons younger than this are not served: the engine collects nothing from them. */
  minimumAge: number | null;
  /** Persons younger than this need a guardian's consent to the activity, whatever its basis. */
  guardianConsentUnder: number | null;
  /** Pushes information or markets on an automated evaluation of the person (PIPL Art. 24(2); GDPR Art. 21(2)). */
  personalisedAdvertising: boolean;
  /** The person is offered a way to refuse the personalised advertising. */
  advertisingOptOut: boolean;
  automatedDecisions: AutomatedDecisions;
  /** The person may obtain an explanation and human intervention, contest a decision and refuse a solely automated one. */
  humanReview: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
  evidence: EvidenceRecord[];
}

/** One mechanism a flow relies on. */
export interface SnapshotMechanism {
  mechanism: TransferMechanism;
  /** For STANDARD_CONTRACTUAL_CLAUSES: the module signed (Decision (EU) 2021/914). */
  sccModule: SccModule | null;
  /** For PIPL_EXEMPTION: the exemption of the 2024 Provisions claimed. */
  piplExemption: PiplExemption | null;
  /** Evidence of this mechanism alone; the flow's evidence counts for every mechanism. */
  evidence: EvidenceRecord[];
}

export interface SnapshotFlow {
  id: string;
  key: string;
  activityId: string;
  fromId: string;
  toId: string;
  categoryIds: string[];
  /** Null: the activity's basis. */
  legalBasis: LegalBasis | null;
  /** The flow happens only with the person's own consent to it. */
  consentRequired: boolean;
  /** The transfer mechanisms in the order the flow relies on them; empty: none. */
  mechanisms: SnapshotMechanism[];
  /** Why a provision without consent is necessary for its basis (PIPL Art. 13(1)(2)-(7)), as recorded. */
  necessity: string | null;
  /** The receiver's role on this flow; null: its kind's default (see recipientRoleOf). */
  recipientRole: RecipientRole | null;
  safeguards: Safeguard[];
  /** Countries this flow actually reaches; empty means all of the receiver's countries. */
  countries: string[];
  /** Continuous (systematic) rather than occasional; Art. 49 derogations are for occasional transfers. */
  continuous: boolean;
  /** Persons whose data this flow exports per calendar year, as declared (PIPL volume thresholds). */
  annualSubjects: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  evidence: EvidenceRecord[];
}

export interface InventorySnapshot {
  parties: ReadonlyMap<string, SnapshotParty>;
  categories: ReadonlyMap<string, SnapshotCategory>;
  subjectCategories: ReadonlyMap<string, SnapshotSubjectCategory>;
  activities: ReadonlyMap<string, SnapshotActivity>;
  flows: ReadonlyMap<string, SnapshotFlow>;
}

export interface ConsentRecord {
  /** Exactly one of activityId and flowId is set. */
  activityId: string | null;
  flowId: string | null;
  kind: ConsentKind;
  givenByGuardian: boolean;
  /** ISO timestamps. */
  givenAt: string;
  withdrawnAt: string | null;
}

/** A stored person or a profile that is not stored: what the engine needs to know of them. */
export interface SubjectProfile {
  countryOfResidence: string;
  subjectCategoryIds: string[];
  /** Age in whole years at the time asked, when known. */
  ageInYears: number | null;
  consents: ConsentRecord[];
}
