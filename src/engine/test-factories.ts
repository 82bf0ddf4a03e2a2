import { LegalBasis } from '../domain/legal-basis';
import { ConsentKind } from '../domain/consent-kind';
import { EvidenceKind } from '../domain/evidence-kind';
import { PartyKind } from '../domain/party-kind';
import type { Finding } from './core/finding';
import { inventoryFindingsOf, type InventoryHopOptions } from './answers/inventory-flows';
import type { PiplExemption, SccModule, TransferMechanism } from '../domain/transfer-mechanism';
import { AutomatedDecisions } from '../modules/activity/automated-decisions';
import type {
  ConsentRecord,
  EvidenceRecord,
  InventorySnapshot,
  SnapshotActivity,
  SnapshotCategory,
  SnapshotFlow,
  SnapshotMechanism,
  SnapshotParty,
  SnapshotSubjectCategory,
  SubjectProfile,
} from './core/inventory-snapshot';

/**
 * Plain factories for tests of the flow engine and the rules: each record gets its key as id and
 * harmless defaults (in force since 2000, a complete Art. 30(1) record: a controller with its
 * contact on record, a retention and security measures; no other evidence), so a test states
 * only what it is about.
 */

export function makeParty(fields: Partial<SnapshotParty> & { key: string }): SnapshotParty {
  const kind = fields.kind ?? PartyKind.PROCESSOR;
  return {
    id: fields.key,
    name: fields.key,
    kind,
    countries: ['DE'],
    engagedById: null,
    evidence: kind === PartyKind.CONTROLLER ? [makeEvidence(EvidenceKind.RECIPIENT_CONTACT)] : [],
    ...fields,
  };
}

export function makeCategory(fields: Partial<SnapshotCategory> & { key: string }): SnapshotCategory {
  return { id: fields.key, name: fields.key, parentId: null, gdprSpecial: false, piplSensitive: false, ...fields };
}

export function makeSubjectCategory(key: string): SnapshotSubjectCategory {
  return { id: key, key, name: key };
}

/** Fields of an activity, where `categoryIds` is a shorthand for required categories. */
export type ActivityFields = Partial<SnapshotActivity> & { categoryIds?: string[] };

export function makeActivity(fields: ActivityFields & { key: string }): SnapshotActivity {
  const { categoryIds, ...rest } = fields;
  return {
    id: fields.key,
    name: fields.key,
    purpose: `purpose of ${fields.key}`,
    controllerId: 'controller',
    legalBasis: LegalBasis.CONTRACT,
    subjectCategoryIds: ['customer'],
    categories: (categoryIds ?? []).map((categoryId) => ({ categoryId, required: true })),
    retentionPeriod: 'P1Y',
    retentionEvent: null,
    securityMeasures: ['access control'],
    localisedIn: null,
    localisedUnlessConsented: false,
    targetsResidents: true,
    minimumAge: null,
    guardianConsentUnder: null,
    personalisedAdvertising: false,
    advertisingOptOut: false,
    automatedDecisions: AutomatedDecisions.NONE,
    humanReview: false,
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    evidence: [],
    ...rest,
  };
}

/** A flow's fields as tests give them: a single `mechanism` (with its `piplExemption`) stands for a list of one. */
export type FlowFields = Partial<SnapshotFlow> & { mechanism?: TransferMechanism | null; piplExemption?: PiplExemption | null; sccModule?: SccModule | null };

/** The mechanism list of test fields: `mechanisms` as given, else the single `mechanism`, else none. */
export function mechanismsOf(fields: FlowFields): SnapshotMechanism[] {
  if (fields.mechanisms) return fields.mechanisms;
  if (!fields.mechanism) return [];
  return [{ mechanism: fields.mechanism, sccModule: fields.sccModule ?? null, piplExemption: fields.piplExemption ?? null, evidence: [] }];
}

export function makeMechanism(mechanism: TransferMechanism, fields: Partial<SnapshotMechanism> = {}): SnapshotMechanism {
  return { mechanism, sccModule: null, piplExemption: null, evidence: [], ...fields };
}

export function makeFlow(fields: FlowFields & { key: string; activityId: string; fromId: string; toId: string }): SnapshotFlow {
  const { mechanism: _mechanism, piplExemption: _exemption, sccModule: _module, ...rest } = fields;
  return {
    id: fields.key,
    categoryIds: [],
    legalBasis: null,
    consentRequired: false,
    necessity: null,
    recipientRole: null,
    safeguards: [],
    countries: [],
    continuous: false,
    annualSubjects: null,
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    evidence: [],
    ...rest,
    mechanisms: mechanismsOf(fields),
  };
}

export function makeEvidence(kind: EvidenceKind, datedOn = '2000-01-01', expiresOn: string | null = null): EvidenceRecord {
  return { kind, datedOn, expiresOn, reference: null };
}

export function makeConsent(fields: Partial<ConsentRecord>): ConsentRecord {
  return {
    activityId: null,
    flowId: null,
    kind: ConsentKind.ORDINARY,
    givenByGuardian: false,
    givenAt: '2000-01-01T00:00:00Z',
    withdrawnAt: null,
    ...fields,
  };
}

export function makeProfile(fields: Partial<SubjectProfile> = {}): SubjectProfile {
  return { countryOfResidence: 'DE', subjectCategoryIds: ['customer'], ageInYears: null, consents: [], ...fields };
}

export interface SnapshotRecords {
  parties?: SnapshotParty[];
  categories?: SnapshotCategory[];
  subjectCategories?: SnapshotSubjectCategory[];
  activities?: SnapshotActivity[];
  flows?: SnapshotFlow[];
}

/** A snapshot of the records given; the subject category 'customer' is always there. */
export function makeSnapshot(records: SnapshotRecords): InventorySnapshot {
  const byId = <T extends { id: string }>(items: T[] = []) => new Map(items.map((item) => [item.id, item]));
  return {
    parties: byId(records.parties),
    categories: byId(records.categories),
    subjectCategories: byId([makeSubjectCategory('customer'), ...(records.subjectCategories ?? [])]),
    activities: byId(records.activities),
    flows: byId(records.flows),
  };
}

/** Inventory-wide findings as the API computes them: hops of every activity, then the rules. */
export function inventoryFindings(snapshot: InventorySnapshot, asOf: string, options: Omit<InventoryHopOptions, 'asOf'> = {}): Finding[] {
  return inventoryFindingsOf(snapshot, { asOf, ...options });
}

export function ruleIdsOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.ruleId))].sort();
}
