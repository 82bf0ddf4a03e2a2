import { LegalBasis } from '../src/domain/legal-basis';
import { EvidenceKind } from '../src/domain/evidence-kind';
import { Safeguard, TransferMechanism } from '../src/domain/transfer-mechanism';
import { PartyKind } from '../src/domain/party-kind';
import type { EvidenceRecord, SnapshotActivity, SnapshotCategory, SnapshotFlow, SnapshotParty } from '../src/engine/core/inventory-snapshot';
import { AutomatedDecisions } from '../src/modules/activity/automated-decisions';
import { FLOWS_PER_ACTIVITY, FLOWS_PER_UNIT, MAX_CHAIN_DEPTH, type BenchSize } from './bench-sizes';
import { benchUuid, Random } from './prng';

/*
 * A realistic data map of any size, the same for the same seed. It is built of business units:
 * each has its controllers, its own subject categories ("app users of product 42") and about ten
 * activities of about ten flows each, whose onward chains reach up to six hops. Processors,
 * sub-processors, SDKs, third parties and authorities are shared by every unit. A person belongs
 * to one unit, so the part of the map their data can reach stays about the same size whether the
 * map holds 500 flows or 100,000: what the bench shows is how the answer's cost grows with the
 * inventory around it (it should not).
 */

export type GeneratedEvidence = EvidenceRecord;

export interface GeneratedSubjectCategory {
  id: string;
  key: string;
  name: string;
  description: string | null;
}

export type GeneratedCategory = SnapshotCategory;

export type GeneratedParty = SnapshotParty & { description: string | null };

export type GeneratedActivity = SnapshotActivity;

export type GeneratedFlow = SnapshotFlow & {
  /** Hops from the activity's controller (1 for the controller's own flows). */
  depth: number;
};

/** What a person of a unit may consent to, for each of the unit's subject categories. */
export interface ConsentTarget {
  activity?: string;
  flow?: string;
  /** A separate consent is what the target needs (PIPL), so most persons give that kind. */
  separate: boolean;
}

export interface BusinessUnit {
  key: string;
  homeCountry: string;
  subjectKeys: string[];
  /** By subject category key: the consent-based activities and consent-gated flows concerning it. */
  consentTargets: Map<string, ConsentTarget[]>;
  activityKeys: string[];
}

export interface GeneratedInventory {
  seed: string;
  size: BenchSize;
  subjectCategories: GeneratedSubjectCategory[];
  /** Parents before their children. */
  dataCategories: GeneratedCategory[];
  /** Engaging processors before the sub-processors they engage. */
  parties: GeneratedParty[];
  activities: GeneratedActivity[];
  flows: GeneratedFlow[];
  units: BusinessUnit[];
}

// ---------------------------------------------------------------------------------------------
// Reference lists

const EU_STATES: readonly (readonly [string, number])[] = [
  ['DE', 8], ['FR', 6], ['IE', 6], ['NL', 5], ['IT', 3], ['ES', 3], ['PL', 2], ['SE', 2], ['AT', 1], ['BE', 1], ['DK', 1],
  ['FI', 1], ['CZ', 1], ['PT', 1], ['LU', 1], ['NO', 0.5],
];

const WORLD: readonly (readonly [string, number])[] = [
  ['CN', 22], ['EU', 33], ['US', 18], ['GB', 6], ['JP', 4], ['SG', 4], ['IN', 4], ['KR', 2], ['CA', 2], ['BR', 2],
  ['AU', 1], ['CH', 1], ['HK', 1], ['AE', 0.5], ['VN', 0.5], ['MX', 0.5],
];

function pickCountry(random: Random): string {
  const region = random.weighted(WORLD);
  return region === 'EU' ? random.weighted(EU_STATES) : region;
}

const EU_CODES = new Set(EU_STATES.map(([code]) => code));

function isEea(country: string): boolean {
  return EU_CODES.has(country);
}

/** A taxonomy like the seed policies': [key, name, GDPR special, PIPL sensitive]. Flags on a root hold for its children. */
const CATEGORY_TREE: readonly (readonly [string, string, boolean, boolean])[] = [
  ['identity', 'Identity', false, false],
  ['identity.name', 'Name', false, false],
  ['identity.birth_date', 'Date of birth', false, false],
  ['identity.national_id', 'National identity number', false, true],
  ['identity.gender', 'Gender', false, false],
  ['contact', 'Contact details', false, false],
  ['contact.email', 'Email address', false, false],
  ['contact.phone', 'Telephone number', false, false],
  ['contact.address', 'Postal address', false, false],
  ['account', 'Account', false, false],
  ['account.username', 'User name', false, false],
  ['account.user_id', 'User id', false, false],
  ['account.password_hash', 'Password hash', false, false],
  ['device', 'Device data', false, false],
  ['device.serial_number', 'Device serial number', false, false],
  ['device.identifier', 'Mobile device identifier', false, false],
  ['device.model', 'Device model', false, false],
  ['device.ip_address', 'IP address', false, false],
  ['location', 'Location', false, false],
  ['location.precise', 'Precise location', false, true],
  ['location.coarse', 'Approximate location', false, false],
  ['usage', 'Usage data', false, false],
  ['usage.access_logs', 'Access logs', false, false],
  ['usage.cookies', 'Cookies', false, false],
  ['usage.web_beacons', 'Web beacons', false, false],
  ['usage.app_events', 'In-app events', false, false],
  ['financial', 'Financial data', false, false],
  ['financial.payment', 'Payment information', false, true],
  ['financial.bank_account', 'Bank account', false, true],
  ['financial.credit_score', 'Credit score', false, false],
  ['transaction', 'Transactions', false, false],
  ['transaction.purchase', 'Purchase details', false, false],
  ['transaction.refund', 'Refunds', false, false],
  ['biometric', 'Biometric data', true, true],
  ['biometric.face', 'Facial image for recognition', true, true],
  ['biometric.fingerprint', 'Fingerprint template', true, true],
  ['biometric.palm', 'Palm vein template', true, true],
  ['health', 'Health data', true, true],
  ['health.temperature', 'Body temperature', true, true],
  ['health.vaccination', 'Vaccination status', true, true],
  ['media', 'Recordings and media', false, false],
  ['media.photo', 'Photos', false, false],
  ['media.video', 'Video clips', false, false],
  ['media.audio', 'Voice recordings', false, false],
  ['professional', 'Professional details', false, false],
  ['professional.occupation', 'Occupation', false, false],
  ['professional.company', 'Company', false, false],
  ['professional.industry', 'Industry', false, false],
  ['support', 'Support', false, false],
  ['support.communications', 'Support communications', false, false],
  ['support.error_reports', 'Error reports', false, false],
  ['minor', 'Minors', false, true],
  ['minor.guardian_contact', "Guardian's contact", false, true],
  ['profile', 'Profile', false, false],
  ['profile.language', 'Language', false, false],
  ['profile.preferences', 'Preferences', false, false],
  ['access_control', 'Access control records', false, false],
  ['access_control.door_events', 'Door events', false, false],
  ['access_control.attendance', 'Attendance records', false, false],
];

const SUBJECT_KINDS: readonly (readonly [string, string])[] = [
  ['app-user', 'App user'],
  ['customer', 'Customer'],
  ['website-visitor', 'Website visitor'],
  ['business-contact', 'Business contact'],
  ['child', 'Child'],
];

interface ActivityTemplate {
  slug: string;
  name: string;
  purpose: string;
  basis: readonly (readonly [LegalBasis, number])[];
  subjects: readonly string[];
  categories: readonly string[];
  weight: number;
}

const ACTIVITY_TEMPLATES: readonly ActivityTemplate[] = [
  { slug: 'accounts', name: 'User accounts', purpose: 'Create and run the user account.', basis: [[LegalBasis.CONTRACT, 1]],
    subjects: ['app-user', 'customer', 'child'], categories: ['account', 'contact.email', 'contact.phone'], weight: 3 },
  { slug: 'orders', name: 'Orders and payments', purpose: 'Take, pay for and deliver orders.', basis: [[LegalBasis.CONTRACT, 1]],
    subjects: ['customer', 'app-user'], categories: ['identity.name', 'contact', 'financial.payment', 'transaction'], weight: 2 },
  { slug: 'marketing', name: 'Marketing messages', purpose: 'Send offers and newsletters.', basis: [[LegalBasis.CONSENT, 4], [LegalBasis.LEGITIMATE_INTERESTS, 1]],
    subjects: ['customer', 'app-user', 'website-visitor'], categories: ['contact.email', 'profile', 'usage.app_events'], weight: 2 },
  { slug: 'analytics', name: 'Product analytics', purpose: 'Measure and improve the product.', basis: [[LegalBasis.LEGITIMATE_INTERESTS, 2], [LegalBasis.CONSENT, 2]],
    subjects: ['app-user', 'website-visitor'], categories: ['usage', 'device'], weight: 2 },
  { slug: 'support', name: 'Customer support', purpose: 'Answer questions and fix problems.', basis: [[LegalBasis.CONTRACT, 1]],
    subjects: ['customer', 'app-user', 'business-contact'], categories: ['support', 'contact', 'device.model'], weight: 2 },
  { slug: 'location', name: 'Location features', purpose: 'Show nearby devices and services.', basis: [[LegalBasis.CONSENT, 2], [LegalBasis.SEPARATE_CONSENT, 1]],
    subjects: ['app-user'], categories: ['location.precise', 'location.coarse', 'device.identifier'], weight: 1 },
  { slug: 'face-access', name: 'Face recognition access control', purpose: 'Open doors for enrolled faces.', basis: [[LegalBasis.SEPARATE_CONSENT, 2], [LegalBasis.CONSENT, 1], [LegalBasis.CONTRACT, 1]],
    subjects: ['app-user', 'customer', 'business-contact'], categories: ['biometric.face', 'access_control', 'media.photo'], weight: 1 },
  { slug: 'legal-disclosure', name: 'Disclosure required by law', purpose: 'Answer lawful requests of authorities.', basis: [[LegalBasis.LEGAL_OBLIGATION, 1]],
    subjects: ['app-user', 'customer', 'website-visitor', 'business-contact', 'child'], categories: ['identity', 'contact', 'account', 'device', 'location'], weight: 1 },
  { slug: 'fraud', name: 'Fraud prevention and security', purpose: 'Detect fraud and secure the service.', basis: [[LegalBasis.LEGITIMATE_INTERESTS, 3], [LegalBasis.LEGAL_OBLIGATION, 1]],
    subjects: ['app-user', 'customer'], categories: ['device', 'usage.access_logs', 'financial.credit_score'], weight: 1 },
  { slug: 'cookies', name: 'Website cookies', purpose: 'Run the website and remember preferences.', basis: [[LegalBasis.CONSENT, 1]],
    subjects: ['website-visitor'], categories: ['usage.cookies', 'usage.web_beacons', 'device.ip_address'], weight: 1 },
  { slug: 'health-check', name: 'Health check at the entrance', purpose: 'Screen visitors during an epidemic.', basis: [[LegalBasis.LEGAL_OBLIGATION, 1], [LegalBasis.VITAL_INTERESTS, 1], [LegalBasis.PUBLIC_TASK, 1]],
    subjects: ['customer', 'business-contact'], categories: ['health', 'identity.name'], weight: 0.5 },
  { slug: 'kids', name: "Children's accounts", purpose: 'Let guardians create accounts for children.', basis: [[LegalBasis.CONSENT, 2], [LegalBasis.SEPARATE_CONSENT, 1]],
    subjects: ['child'], categories: ['account', 'minor', 'identity.birth_date'], weight: 0.7 },
  { slug: 'partners', name: 'Business contacts', purpose: 'Manage relations with business partners.', basis: [[LegalBasis.LEGITIMATE_INTERESTS, 2], [LegalBasis.CONTRACT, 1], [LegalBasis.PUBLICLY_DISCLOSED, 1]],
    subjects: ['business-contact'], categories: ['professional', 'contact', 'identity.name'], weight: 1 },
  { slug: 'sharing', name: 'Sharing with partners', purpose: 'Share data with partners when the person agrees.', basis: [[LegalBasis.CONSENT, 2], [LegalBasis.SEPARATE_CONSENT, 2]],
    subjects: ['app-user', 'customer'], categories: ['contact', 'profile', 'transaction'], weight: 1 },
  { slug: 'corporate', name: 'Merger or acquisition', purpose: 'Hand data over to a successor.', basis: [[LegalBasis.LEGITIMATE_INTERESTS, 1]],
    subjects: ['app-user', 'customer', 'website-visitor'], categories: ['identity', 'contact', 'account'], weight: 0.3 },
];

const NAME_PREFIXES = [
  'Northwind', 'Blue Harbor', 'Jade River', 'Silver Pine', 'Red Lantern', 'Aurora', 'Everest', 'Golden Gate', 'Maple', 'Sakura',
  'Lion City', 'Ganges', 'Baltic', 'Alpine', 'Pearl Delta', 'Orchid', 'Atlas', 'Nordic', 'Meridian', 'Harbour Bridge',
];
const NAME_NOUNS: Readonly<Record<PartyKind, readonly string[]>> = {
  [PartyKind.CONTROLLER]: ['Technology', 'Smart Devices', 'Retail', 'Mobility', 'Security Systems'],
  [PartyKind.AFFILIATE]: ['Technology', 'Trading', 'Services', 'Digital'],
  [PartyKind.JOINT_CONTROLLER]: ['Ventures', 'Alliance', 'Partners'],
  [PartyKind.PROCESSOR]: ['Cloud', 'Hosting', 'Analytics', 'Payments', 'Mail', 'CRM', 'Support Desk', 'Logistics'],
  [PartyKind.SUB_PROCESSOR]: ['Data Centres', 'Storage', 'Networks', 'Backup', 'Messaging', 'Monitoring'],
  [PartyKind.SDK_PROVIDER]: ['Push SDK', 'Maps SDK', 'Ads SDK', 'Crash SDK', 'Login SDK'],
  [PartyKind.THIRD_PARTY]: ['Insurance', 'Marketing', 'Bank', 'Retail Partner', 'Credit Bureau'],
  [PartyKind.PUBLIC_AUTHORITY]: ['Data Protection Authority', 'Public Security Bureau', 'Tax Office', 'Customs Office'],
};
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  CN: 'Co., Ltd.', DE: 'GmbH', AT: 'GmbH', FR: 'SAS', US: 'Inc.', GB: 'Ltd', JP: 'K.K.', SG: 'Pte. Ltd.', IN: 'Pvt. Ltd.', NL: 'B.V.', IE: 'Ltd',
};

const KEY_PREFIX: Readonly<Record<PartyKind, string>> = {
  [PartyKind.CONTROLLER]: 'ctrl',
  [PartyKind.AFFILIATE]: 'aff',
  [PartyKind.JOINT_CONTROLLER]: 'joint',
  [PartyKind.PROCESSOR]: 'proc',
  [PartyKind.SUB_PROCESSOR]: 'sub',
  [PartyKind.SDK_PROVIDER]: 'sdk',
  [PartyKind.THIRD_PARTY]: 'third',
  [PartyKind.PUBLIC_AUTHORITY]: 'auth',
};

const RETENTION_PERIODS = ['P30D', 'P90D', 'P6M', 'P1Y', 'P2Y', 'P3Y', 'P5Y', 'P10Y'];
const SECURITY_MEASURES = ['encryption', 'access control', 'pseudonymisation', 'audit logging', 'security training'];

/** `date` plus whole years: 29 February becomes 1 March in a common year. */
function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------

export function generateInventory(size: BenchSize, seed = 'flowmap-bench-1'): GeneratedInventory {
  const random = new Random(seed, size.flows, size.parties, 'inventory');
  const unitCount = Math.max(1, Math.round(size.flows / FLOWS_PER_UNIT));
  const activityCount = Math.max(unitCount, Math.round(size.flows / FLOWS_PER_ACTIVITY));

  const dataCategories = generateCategories();
  const categoryByKey = new Map(dataCategories.map((category) => [category.key, category]));
  const childrenOf = new Map<string, GeneratedCategory[]>();
  for (const category of dataCategories) {
    if (category.parentId === null) continue;
    const siblings = childrenOf.get(category.parentId) ?? [];
    siblings.push(category);
    childrenOf.set(category.parentId, siblings);
  }

  const units = generateUnits(random, unitCount);
  const subjectCategories = units.flatMap((unit) =>
    unit.subjectKeys.map((key) => ({
      id: benchUuid('subject_category', key),
      key,
      name: `${SUBJECT_KINDS.find(([slug]) => key.endsWith(`.${slug}`))?.[1] ?? 'Person'} of ${unit.key}`,
      description: null,
    })),
  );

  const parties = generateParties(random, size.parties, units);
  const partyById = new Map(parties.map((party) => [party.id, party]));
  const byKind = (kind: PartyKind): GeneratedParty[] => parties.filter((party) => party.kind === kind);
  const engagedBy = new Map<string, GeneratedParty[]>();
  for (const party of parties) {
    if (!party.engagedById) continue;
    const list = engagedBy.get(party.engagedById) ?? [];
    list.push(party);
    engagedBy.set(party.engagedById, list);
  }
  const pools = {
    processors: byKind(PartyKind.PROCESSOR),
    subProcessors: byKind(PartyKind.SUB_PROCESSOR),
    sdks: byKind(PartyKind.SDK_PROVIDER),
    thirdParties: byKind(PartyKind.THIRD_PARTY),
    authorities: byKind(PartyKind.PUBLIC_AUTHORITY),
    jointControllers: byKind(PartyKind.JOINT_CONTROLLER),
  };
  const controllingByUnit = units.map((unit) => parties.filter((party) => party.description === `unit ${unit.key}`));
  const vendorsByUnit = units.map((unit, index) => unitVendors(new Random(seed, size.flows, 'vendors', index), pools, unit.homeCountry));

  const activities: GeneratedActivity[] = [];
  const flows: GeneratedFlow[] = [];
  const flowCounts = flowsPerActivity(random, activityCount, size.flows);
  for (let a = 0; a < activityCount; a += 1) {
    const unitIndex = a % unitCount;
    const unit = units[unitIndex];
    const activityRandom = new Random(seed, size.flows, 'activity', a);
    const activity = generateActivity(activityRandom, a, unit, controllingByUnit[unitIndex], categoryByKey);
    activities.push(activity);
    flows.push(
      ...generateFlows(activityRandom, activity, flowCounts[a], {
        partyById,
        controlling: controllingByUnit[unitIndex],
        vendors: vendorsByUnit[unitIndex],
        pools,
        engagedBy,
        childrenOf,
      }),
    );
  }
  describeConsentTargets(units, activities, flows, subjectCategories, partyById);
  return { seed, size, subjectCategories, dataCategories, parties, activities, flows, units };
}

function generateCategories(): GeneratedCategory[] {
  const ids = new Map(CATEGORY_TREE.map(([key]) => [key, benchUuid('data_category', key)]));
  return CATEGORY_TREE.map(([key, name, gdprSpecial, piplSensitive]) => {
    const parentKey = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null;
    return { id: ids.get(key) as string, key, name, parentId: parentKey ? (ids.get(parentKey) as string) : null, gdprSpecial, piplSensitive };
  });
}

function generateUnits(random: Random, count: number): BusinessUnit[] {
  return Array.from({ length: count }, (_, index) => {
    const key = `u${pad(index, 4)}`;
    const kinds = ['app-user', 'customer', 'website-visitor'];
    if (random.chance(0.5)) kinds.push('business-contact');
    if (random.chance(0.4)) kinds.push('child');
    return { key, homeCountry: pickCountry(random), subjectKeys: kinds.map((kind) => `${key}.${kind}`), consentTargets: new Map(), activityKeys: [] };
  });
}

function partyName(random: Random, kind: PartyKind, country: string, index: number): string {
  return `${random.pick(NAME_PREFIXES)} ${random.pick(NAME_NOUNS[kind])} ${index} ${LEGAL_FORMS[country] ?? 'Ltd'}`;
}

function distinctCountries(random: Random, count: number, first?: string): string[] {
  const countries = new Set<string>(first ? [first] : []);
  for (let attempts = 0; countries.size < count && attempts < 20; attempts += 1) countries.add(pickCountry(random));
  return [...countries];
}

function partyEvidence(random: Random, kind: PartyKind, countries: string[]): GeneratedEvidence[] {
  const evidence: GeneratedEvidence[] = [];
  const dated = (): string => random.date('2018-05-25', '2025-12-31');
  if (kind === PartyKind.PROCESSOR || kind === PartyKind.SUB_PROCESSOR) {
    if (random.chance(0.7)) evidence.push({ kind: EvidenceKind.DATA_PROCESSING_AGREEMENT, datedOn: dated(), expiresOn: null, reference: `DPA-${random.int(1000, 9999)}` });
    if (random.chance(0.35)) evidence.push({ kind: EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT, datedOn: random.date('2021-11-01', '2025-12-31'), expiresOn: null, reference: `ENT-${random.int(1000, 9999)}` });
  }
  if (countries.includes('US') && random.chance(0.45)) {
    const datedOn = random.date('2023-07-10', '2025-12-31');
    evidence.push({ kind: EvidenceKind.DPF_CERTIFICATION, datedOn, expiresOn: random.chance(0.8) ? addYears(datedOn, 1) : null, reference: null });
  }
  if (countries.includes('CA') && random.chance(0.8)) evidence.push({ kind: EvidenceKind.COMMERCIAL_ORGANISATION, datedOn: dated(), expiresOn: null, reference: null });
  if ((kind === PartyKind.SDK_PROVIDER || kind === PartyKind.THIRD_PARTY || kind === PartyKind.PROCESSOR) && random.chance(0.5)) {
    evidence.push({ kind: EvidenceKind.RECIPIENT_CONTACT, datedOn: dated(), expiresOn: null, reference: `privacy@${kind.toLowerCase().replace(/_/g, '-')}.example` });
  }
  return evidence;
}

function generateParties(random: Random, total: number, units: BusinessUnit[]): GeneratedParty[] {
  const controllingCount = Math.min(total - 5, Math.max(Math.round(1.3 * units.length), Math.round(0.2 * total)));
  const rest = total - controllingCount;
  const counts: [PartyKind, number][] = [
    [PartyKind.PROCESSOR, Math.max(1, Math.round(0.35 * rest))],
    [PartyKind.SUB_PROCESSOR, Math.max(1, Math.round(0.3 * rest))],
    [PartyKind.SDK_PROVIDER, Math.max(1, Math.round(0.1 * rest))],
    [PartyKind.THIRD_PARTY, Math.max(1, Math.round(0.15 * rest))],
  ];
  counts.push([PartyKind.PUBLIC_AUTHORITY, Math.max(1, rest - counts.reduce((sum, [, n]) => sum + n, 0))]);

  const parties: GeneratedParty[] = [];
  const serial = new Map<PartyKind, number>();
  const make = (kind: PartyKind, countries: string[], engagedById: string | null, description: string | null): GeneratedParty => {
    const n = (serial.get(kind) ?? 0) + 1;
    serial.set(kind, n);
    const key = `${KEY_PREFIX[kind]}-${pad(n, 4)}`;
    const party: GeneratedParty = {
      id: benchUuid('party', key), key, name: partyName(random, kind, countries[0] ?? 'US', n), kind, engagedById, countries, description,
      evidence: partyEvidence(random, kind, countries),
    };
    parties.push(party);
    return party;
  };

  // Every unit has a CONTROLLER at home; the rest of the group are affiliates and joint controllers, here or abroad.
  for (let c = 0; c < controllingCount; c += 1) {
    const unit = units[c % units.length];
    if (c < units.length) {
      make(PartyKind.CONTROLLER, random.chance(0.15) ? distinctCountries(random, 2, unit.homeCountry) : [unit.homeCountry], null, `unit ${unit.key}`);
    } else {
      const kind = random.chance(0.75) ? PartyKind.AFFILIATE : PartyKind.JOINT_CONTROLLER;
      make(kind, random.chance(0.5) ? [unit.homeCountry] : distinctCountries(random, random.int(1, 2)), null, `unit ${unit.key}`);
    }
  }
  const processors: GeneratedParty[] = [];
  const subProcessors: GeneratedParty[] = [];
  for (const [kind, count] of counts) {
    for (let i = 0; i < count; i += 1) {
      if (kind === PartyKind.PUBLIC_AUTHORITY) {
        make(kind, [pickCountry(random)], null, null);
      } else if (kind === PartyKind.SUB_PROCESSOR) {
        // Engaged by a processor, or by an earlier sub-processor: the engagements form chains, never loops.
        const engager = subProcessors.length > 0 && random.chance(0.3) ? random.pick(subProcessors) : random.pick(processors);
        subProcessors.push(make(kind, distinctCountries(random, random.weighted([[1, 6], [2, 3], [3, 1]])), engager.id, null));
      } else {
        const party = make(kind, distinctCountries(random, random.weighted([[1, 6], [2, 3], [3, 1]])), null, null);
        if (kind === PartyKind.PROCESSOR) processors.push(party);
      }
    }
  }
  return parties;
}

interface Pools {
  processors: GeneratedParty[];
  subProcessors: GeneratedParty[];
  sdks: GeneratedParty[];
  thirdParties: GeneratedParty[];
  authorities: GeneratedParty[];
  jointControllers: GeneratedParty[];
}

/** The outside parties one unit works with: a handful of each kind, authorities at home where there are some. */
function unitVendors(random: Random, pools: Pools, homeCountry: string): Pools {
  const homeAuthorities = pools.authorities.filter((party) => party.countries.includes(homeCountry));
  return {
    processors: random.sample(pools.processors, 8),
    subProcessors: random.sample(pools.subProcessors, 6),
    sdks: random.sample(pools.sdks, 3),
    thirdParties: random.sample(pools.thirdParties, 3),
    authorities: random.sample(homeAuthorities.length > 0 ? homeAuthorities : pools.authorities, 2),
    jointControllers: random.sample(pools.jointControllers, 1),
  };
}

/** Flows per activity: about FLOWS_PER_ACTIVITY each, summing to exactly `total`. */
function flowsPerActivity(random: Random, activities: number, total: number): number[] {
  const mean = total / activities;
  const low = Math.max(1, Math.round(mean / 2));
  const high = Math.max(low, Math.round(mean * 1.5));
  const counts = Array.from({ length: activities }, () => random.int(low, high));
  let difference = total - counts.reduce((sum, n) => sum + n, 0);
  while (difference !== 0) {
    const index = random.int(0, activities - 1);
    if (difference > 0 && counts[index] < 3 * mean) {
      counts[index] += 1;
      difference -= 1;
    } else if (difference < 0 && counts[index] > 1) {
      counts[index] -= 1;
      difference += 1;
    }
  }
  return counts;
}

function generateActivity(
  random: Random,
  index: number,
  unit: BusinessUnit,
  controlling: GeneratedParty[],
  categoryByKey: Map<string, GeneratedCategory>,
): GeneratedActivity {
  const template = random.weighted(ACTIVITY_TEMPLATES.map((item) => [item, item.weight] as const));
  const key = `${unit.key}.${template.slug}-${pad(index, 6)}`;
  unit.activityKeys.push(key);
  const controller = random.chance(0.8) ? controlling[0] : random.pick(controlling);
  let legalBasis = random.weighted(template.basis);
  // Most Chinese controllers know PIPL has no legitimate interests; some do not (a finding).
  if (controller.countries.includes('CN') && legalBasis === LegalBasis.LEGITIMATE_INTERESTS && random.chance(0.6)) legalBasis = LegalBasis.CONSENT;
  const ownSubjects = template.subjects.map((slug) => `${unit.key}.${slug}`).filter((subject) => unit.subjectKeys.includes(subject));
  const subjectKeys = ownSubjects.length > 0 ? random.sample(ownSubjects, random.int(1, Math.min(3, ownSubjects.length))) : [random.pick(unit.subjectKeys)];
  const extra = random.sample(CATEGORY_TREE.map(([categoryKey]) => categoryKey), random.weighted([[0, 5], [1, 3], [2, 2]]));
  const categoryKeys = [...new Set([...template.categories, ...extra])];
  const categories = categoryKeys.map((categoryKey) => ({ categoryId: (categoryByKey.get(categoryKey) as GeneratedCategory).id, required: random.chance(0.7) }));
  const hasSpecial = categoryKeys.some((categoryKey) => categoryKey.startsWith('biometric') || categoryKey.startsWith('health'));
  const retention = random.weighted([['period', 75], ['event', 15], ['none', 10]] as const);
  const effectiveFrom = random.date('2018-01-01', '2025-06-30');
  const evidence: GeneratedEvidence[] = [];
  if (hasSpecial && random.chance(0.5)) evidence.push({ kind: EvidenceKind.ART9_CONDITION, datedOn: effectiveFrom, expiresOn: null, reference: 'Art. 9(2)(a) explicit consent' });
  if (random.chance(0.35)) evidence.push({ kind: EvidenceKind.PI_IMPACT_ASSESSMENT, datedOn: random.date(effectiveFrom, '2026-06-30'), expiresOn: null, reference: `PIA-${random.int(100, 999)}` });
  return {
    id: benchUuid('activity', key),
    key,
    name: template.name,
    purpose: template.purpose,
    controllerId: controller.id,
    legalBasis,
    subjectCategoryIds: subjectKeys.map((subject) => benchUuid('subject_category', subject)),
    categories,
    retentionPeriod: retention === 'period' ? random.pick(RETENTION_PERIODS) : null,
    retentionEvent: retention === 'event' ? 'account closed' : null,
    securityMeasures: random.sample(SECURITY_MEASURES, random.int(0, 3)),
    localisedIn: controller.countries.includes('CN') && random.chance(0.3) ? 'CN' : null,
    localisedUnlessConsented: false,
    targetsResidents: true,
    minimumAge: null,
    guardianConsentUnder: null,
    personalisedAdvertising: false,
    advertisingOptOut: false,
    automatedDecisions: AutomatedDecisions.NONE,
    humanReview: false,
    effectiveFrom,
    effectiveTo: random.chance(0.03) ? random.date(effectiveFrom, '2026-06-30') : null,
    evidence,
  };
}

interface FlowContext {
  partyById: Map<string, GeneratedParty>;
  controlling: GeneratedParty[];
  vendors: Pools;
  pools: Pools;
  engagedBy: Map<string, GeneratedParty[]>;
  childrenOf: Map<string, GeneratedCategory[]>;
}

/** A party holding the activity's data in the tree being built. */
interface TreeNode {
  party: GeneratedParty;
  depth: number;
  categoryIds: string[];
  countries: string[];
}

function receiverKindAfter(random: Random, sender: PartyKind, depth: number): PartyKind {
  if (depth === 0) {
    return random.weighted([
      [PartyKind.PROCESSOR, 52], [PartyKind.SDK_PROVIDER, 12], [PartyKind.THIRD_PARTY, 14], [PartyKind.AFFILIATE, 10],
      [PartyKind.PUBLIC_AUTHORITY, 8], [PartyKind.JOINT_CONTROLLER, 4],
    ]);
  }
  switch (sender) {
    case PartyKind.PROCESSOR:
    case PartyKind.SUB_PROCESSOR:
      return random.weighted([[PartyKind.SUB_PROCESSOR, 85], [PartyKind.PROCESSOR, 15]]);
    case PartyKind.SDK_PROVIDER:
      return random.weighted([[PartyKind.PROCESSOR, 50], [PartyKind.SUB_PROCESSOR, 20], [PartyKind.THIRD_PARTY, 30]]);
    default:
      return random.weighted([[PartyKind.PROCESSOR, 55], [PartyKind.THIRD_PARTY, 25], [PartyKind.PUBLIC_AUTHORITY, 20]]);
  }
}

/** The unit's own candidates for a receiver of that kind, in order of preference, and the whole market's. */
function candidatesOf(kind: PartyKind, sender: GeneratedParty, context: FlowContext): { own: readonly GeneratedParty[][]; market: readonly GeneratedParty[] } {
  switch (kind) {
    case PartyKind.SUB_PROCESSOR:
      return { own: [context.engagedBy.get(sender.id) ?? [], context.vendors.subProcessors], market: context.pools.subProcessors };
    case PartyKind.PROCESSOR:
      return { own: [context.vendors.processors], market: context.pools.processors };
    case PartyKind.SDK_PROVIDER:
      return { own: [context.vendors.sdks], market: context.pools.sdks };
    case PartyKind.THIRD_PARTY:
      return { own: [context.vendors.thirdParties], market: context.pools.thirdParties };
    case PartyKind.PUBLIC_AUTHORITY:
      return { own: [context.vendors.authorities], market: context.pools.authorities };
    case PartyKind.JOINT_CONTROLLER:
      return { own: [context.vendors.jointControllers], market: context.pools.jointControllers };
    default:
      return { own: [context.controlling], market: [] };
  }
}

/**
 * A receiver of that kind not yet in this activity's tree, or null: each party then sends the
 * activity's data on once, so a person's hops are about the activity's flows. Mostly one of the
 * unit's own vendors; one time in ten any party of the market.
 */
function pickReceiver(random: Random, kind: PartyKind, sender: GeneratedParty, used: Set<string>, context: FlowContext): GeneratedParty | null {
  const fresh = (candidates: readonly GeneratedParty[]): GeneratedParty[] => candidates.filter((party) => !used.has(party.id) && party.id !== sender.id);
  const { own, market } = candidatesOf(kind, sender, context);
  if (!random.chance(0.1)) {
    for (const list of own) {
      const candidates = fresh(list);
      if (candidates.length > 0) return random.pick(candidates);
    }
  }
  const candidates = fresh(market);
  return candidates.length > 0 ? random.pick(candidates) : null;
}

/** Some of the sender's categories, sometimes narrowed to a child: always covered by the activity. */
function carriedCategories(random: Random, held: string[], context: FlowContext): string[] {
  const chosen = random.sample(held, random.int(1, Math.min(held.length, 4)));
  return [
    ...new Set(
      chosen.map((categoryId) => {
        const children = context.childrenOf.get(categoryId);
        return children && random.chance(0.3) ? random.pick(children).id : categoryId;
      }),
    ),
  ];
}

function mechanismFor(random: Random, from: string[], to: string[]): TransferMechanism | null {
  const crosses = to.some((country) => !from.includes(country));
  if (!crosses) return random.chance(0.05) ? TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES : null;
  if (from.includes('CN')) {
    return random.weighted([
      [TransferMechanism.PIPL_STANDARD_CONTRACT, 35], [TransferMechanism.CAC_SECURITY_ASSESSMENT, 12], [TransferMechanism.PIPL_CERTIFICATION, 5],
      [TransferMechanism.PIPL_EXEMPTION, 5], [null, 43],
    ]);
  }
  if (from.some(isEea) || from.includes('GB')) {
    return random.weighted([
      [TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, 40], [TransferMechanism.ADEQUACY_DECISION, 15], [TransferMechanism.BINDING_CORPORATE_RULES, 8],
      [TransferMechanism.CODE_OF_CONDUCT, 2], [TransferMechanism.GDPR_CERTIFICATION, 2], [TransferMechanism.EXPLICIT_CONSENT_DEROGATION, 5],
      [TransferMechanism.CONTRACT_DEROGATION, 3], [null, 25],
    ]);
  }
  return random.weighted([[TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, 30], [null, 70]]);
}

function flowEvidence(random: Random, mechanism: TransferMechanism | null, from: string[], crosses: boolean): GeneratedEvidence[] {
  const evidence: GeneratedEvidence[] = [];
  const dated = (): string => random.date('2019-01-01', '2025-12-31');
  if ((mechanism === TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES || mechanism === TransferMechanism.BINDING_CORPORATE_RULES) && random.chance(0.6)) {
    evidence.push({ kind: EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, datedOn: dated(), expiresOn: null, reference: `TIA-${random.int(100, 999)}` });
  }
  if (mechanism === TransferMechanism.PIPL_STANDARD_CONTRACT && random.chance(0.7)) {
    const datedOn = random.date('2023-06-01', '2025-12-31');
    evidence.push({ kind: EvidenceKind.PIPL_STANDARD_CONTRACT_FILING, datedOn, expiresOn: null, reference: `SC-${random.int(10000, 99999)}` });
  }
  if (mechanism === TransferMechanism.CAC_SECURITY_ASSESSMENT && random.chance(0.8)) {
    const datedOn = random.date('2021-01-01', '2025-12-31');
    evidence.push({ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn, expiresOn: random.chance(0.5) ? addYears(datedOn, 3) : null, reference: null });
  }
  if (mechanism === TransferMechanism.PIPL_CERTIFICATION && random.chance(0.7)) {
    evidence.push({ kind: EvidenceKind.PIPL_CERTIFICATE, datedOn: random.date('2022-11-18', '2025-12-31'), expiresOn: null, reference: null });
  }
  if (from.includes('CN') && crosses) {
    if (random.chance(0.4)) evidence.push({ kind: EvidenceKind.ART39_NOTICE, datedOn: dated(), expiresOn: null, reference: 'privacy policy, export section' });
    if (random.chance(0.4)) evidence.push({ kind: EvidenceKind.PI_IMPACT_ASSESSMENT, datedOn: dated(), expiresOn: null, reference: null });
  }
  return evidence;
}

function generateFlows(random: Random, activity: GeneratedActivity, count: number, context: FlowContext): GeneratedFlow[] {
  const controller = context.partyById.get(activity.controllerId) as GeneratedParty;
  const root: TreeNode = { party: controller, depth: 0, categoryIds: activity.categories.map((category) => category.categoryId), countries: controller.countries };
  const nodes: TreeNode[] = [root];
  const used = new Set<string>([controller.id]);
  const flows: GeneratedFlow[] = [];

  const addFlow = (parent: TreeNode, receiver: GeneratedParty): TreeNode => {
    const n = flows.length + 1;
    const key = `${activity.key}.f${pad(n, 2)}`;
    const categoryIds = carriedCategories(random, parent.categoryIds, context);
    const countries = receiver.countries.length > 1 && random.chance(0.2) ? [random.pick(receiver.countries)] : [];
    const toCountries = countries.length > 0 ? countries : receiver.countries;
    const crosses = toCountries.some((country) => !parent.countries.includes(country));
    const mechanism = mechanismFor(random, parent.countries, toCountries);
    const toOutsider = receiver.kind === PartyKind.SDK_PROVIDER || receiver.kind === PartyKind.THIRD_PARTY;
    const consentRequired = random.chance(toOutsider ? 0.3 : 0.03);
    const legalBasis = consentRequired && random.chance(0.5)
      ? random.pick([LegalBasis.CONSENT, LegalBasis.SEPARATE_CONSENT])
      : random.chance(0.1) ? random.pick(Object.values(LegalBasis)) : null;
    const effectiveFrom = random.date('2018-01-01', '2025-12-31');
    flows.push({
      id: benchUuid('flow', key),
      key,
      activityId: activity.id,
      fromId: parent.party.id,
      toId: receiver.id,
      categoryIds,
      legalBasis,
      consentRequired,
      mechanisms: mechanism === null ? [] : [{ mechanism, sccModule: null, piplExemption: null, evidence: [] }],
      necessity: null,
      recipientRole: null,
      safeguards: random.sample(Object.values(Safeguard), random.weighted([[0, 50], [1, 40], [2, 10]])).filter(
        (safeguard) => safeguard !== Safeguard.ANONYMISATION || random.chance(0.2),
      ),
      countries,
      continuous: receiver.kind !== PartyKind.PUBLIC_AUTHORITY && random.chance(0.9),
      annualSubjects: parent.countries.includes('CN') && crosses && random.chance(0.5) ? random.pick([5_000, 50_000, 150_000, 1_200_000]) : null,
      effectiveFrom,
      effectiveTo: random.chance(0.03) ? random.date(effectiveFrom, '2026-06-30') : null,
      evidence: flowEvidence(random, mechanism, parent.countries, crosses),
      depth: parent.depth + 1,
    });
    used.add(receiver.id);
    const node: TreeNode = { party: receiver, depth: parent.depth + 1, categoryIds, countries: toCountries };
    if (receiver.kind !== PartyKind.PUBLIC_AUTHORITY) nodes.push(node);
    return node;
  };

  // A quarter of the activities hand the data down a chain as deep as the map goes: processor, then sub-processors.
  if (count >= MAX_CHAIN_DEPTH && random.chance(0.25)) {
    let holder = root;
    for (let depth = 0; depth < MAX_CHAIN_DEPTH; depth += 1) {
      const receiver = pickReceiver(random, depth === 0 ? PartyKind.PROCESSOR : PartyKind.SUB_PROCESSOR, holder.party, used, context);
      if (!receiver) break;
      holder = addFlow(holder, receiver);
    }
  }
  let attempts = 0;
  while (flows.length < count && attempts < count * 20) {
    attempts += 1;
    const open = nodes.filter((node) => node.depth < MAX_CHAIN_DEPTH);
    const parent = random.weighted(open.map((node) => [node, node.depth === 0 ? 6 : node.depth === 1 ? 3 : node.depth === 2 ? 1.5 : 1] as const));
    // Now and then data comes back to the controller (a processor returning results): the engine must stop at the cycle.
    if (parent.depth > 0 && random.chance(0.01)) {
      addFlow(parent, controller);
      nodes.pop();
      continue;
    }
    const receiver = pickReceiver(random, receiverKindAfter(random, parent.party.kind, parent.depth), parent.party, used, context);
    if (receiver) addFlow(parent, receiver);
  }
  // A unit with few outside parties left: the rest go from the controller to any party not yet used, or a used one.
  while (flows.length < count) {
    const receiver = [...context.partyById.values()].find((party) => !used.has(party.id) && party.kind !== PartyKind.CONTROLLER)
      ?? random.pick([...context.partyById.values()].filter((party) => party.id !== controller.id));
    addFlow(root, receiver);
  }
  return flows;
}

/** For the person generator: what each subject category's persons may consent to. */
function describeConsentTargets(
  units: BusinessUnit[],
  activities: GeneratedActivity[],
  flows: GeneratedFlow[],
  subjects: GeneratedSubjectCategory[],
  partyById: Map<string, GeneratedParty>,
): void {
  const subjectKeyById = new Map(subjects.map((subject) => [subject.id, subject.key]));
  const unitByKey = new Map(units.map((unit) => [unit.key, unit]));
  const gatedFlowsByActivity = new Map<string, GeneratedFlow[]>();
  for (const flow of flows) {
    if (!flow.consentRequired) continue;
    const list = gatedFlowsByActivity.get(flow.activityId) ?? [];
    list.push(flow);
    gatedFlowsByActivity.set(flow.activityId, list);
  }
  for (const activity of activities) {
    const unit = unitByKey.get(activity.key.slice(0, activity.key.indexOf('.'))) as BusinessUnit;
    const targets: ConsentTarget[] = [];
    if (activity.legalBasis === LegalBasis.CONSENT || activity.legalBasis === LegalBasis.SEPARATE_CONSENT) {
      targets.push({ activity: activity.key, separate: activity.legalBasis === LegalBasis.SEPARATE_CONSENT });
    }
    for (const flow of gatedFlowsByActivity.get(activity.id) ?? []) {
      const receiver = partyById.get(flow.toId);
      targets.push({ flow: flow.key, separate: flow.legalBasis === LegalBasis.SEPARATE_CONSENT || receiver?.kind === PartyKind.THIRD_PARTY });
    }
    for (const subjectId of activity.subjectCategoryIds) {
      const key = subjectKeyById.get(subjectId) as string;
      const list = unit.consentTargets.get(key) ?? [];
      list.push(...targets);
      unit.consentTargets.set(key, list);
    }
  }
}

/** Counts for reports. */
export function inventoryStats(inventory: GeneratedInventory): Record<string, number> {
  const evidence =
    inventory.parties.reduce((sum, party) => sum + party.evidence.length, 0) +
    inventory.activities.reduce((sum, activity) => sum + activity.evidence.length, 0) +
    inventory.flows.reduce((sum, flow) => sum + flow.evidence.length, 0);
  return {
    units: inventory.units.length,
    parties: inventory.parties.length,
    subjectCategories: inventory.subjectCategories.length,
    dataCategories: inventory.dataCategories.length,
    activities: inventory.activities.length,
    flows: inventory.flows.length,
    evidence,
    maxChainDepth: inventory.flows.reduce((max, flow) => Math.max(max, flow.depth), 0),
    flowsAtMaxDepth: inventory.flows.filter((flow) => flow.depth === MAX_CHAIN_DEPTH).length,
    flowsWithoutMechanism: inventory.flows.filter((flow) => flow.mechanisms.length === 0).length,
    consentGatedFlows: inventory.flows.filter((flow) => flow.consentRequired).length,
  };
}
