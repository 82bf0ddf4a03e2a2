import { stringify } from 'yaml';
import { calendarDateOf } from '../../common/dates';
import { AutomatedDecisions } from '../activity/automated-decisions';
import { compareCountryPeriods, isUndated, toCountryPeriod } from '../party/country-history';
import type {
  ActivityEntry,
  ConsentEntry,
  ContactPointEntry,
  DataCategoryEntry,
  EvidenceEntry,
  FlowEntry,
  InventoryDocument,
  OrganisationEntry,
  PartyEntry,
  PersonEntry,
  RetentionEntry,
  SubjectCategoryEntry,
} from '../../domain/inventory-document';
import type { InventoryFileFormat } from './parse-inventory-file';
import { mechanismEntriesOf } from '../flow/mechanism-list';

/**
 * The canonical form of a document, so that exporting, importing and exporting again gives the same
 * text: every default written out, every list sorted (entries by key, codes and texts by value),
 * dates as 'YYYY-MM-DD', timestamps as ISO strings in UTC, fields in the order of the format.
 * Sections the document leaves out stay out: an absent section (or organisation) means "not described
 * here", which an import treats differently from an empty one (or `organisation: null`).
 */
export function normaliseInventory(document: InventoryDocument): InventoryDocument {
  const normalised: InventoryDocument = { flowmap: 1 };
  if (document.organisation !== undefined) normalised.organisation = document.organisation && normaliseOrganisation(document.organisation);
  if (document.subjectCategories) normalised.subjectCategories = sortedBy(document.subjectCategories.map(normaliseSubjectCategory), keyOf);
  if (document.dataCategories) normalised.dataCategories = sortedBy(document.dataCategories.map(normaliseDataCategory), keyOf);
  if (document.parties) normalised.parties = sortedBy(document.parties.map(normaliseParty), keyOf);
  if (document.activities) normalised.activities = sortedBy(document.activities.map(normaliseActivity), keyOf);
  if (document.flows) normalised.flows = sortedBy(document.flows.map(normaliseFlow), keyOf);
  if (document.persons) normalised.persons = sortedBy(document.persons.map(normalisePerson), (person) => person.externalId);
  return normalised;
}

/** The document in its canonical form as YAML or JSON text. */
export function stringifyInventory(document: InventoryDocument, format: InventoryFileFormat): string {
  const normalised = normaliseInventory(document);
  if (format === 'json') return `${JSON.stringify(normalised, null, 2)}\n`;
  return stringify(normalised, { lineWidth: 0 });
}

function keyOf(entry: { key: string }): string {
  return entry.key;
}

/** Sorted by code unit order, which does not depend on the locale. */
function sortedBy<T>(items: readonly T[], sortKey: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const [left, right] = [sortKey(a), sortKey(b)];
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

function sortedValues<T extends string>(values: readonly T[] | undefined): T[] {
  return sortedBy(values ?? [], (value) => value);
}

function optionalDate(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : calendarDateOf(value);
}

function timestamp(value: string): string {
  return new Date(value).toISOString();
}

function optionalTimestamp(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : timestamp(value);
}

function normaliseContactPoint(point: ContactPointEntry): ContactPointEntry {
  return { name: point.name ?? null, contact: point.contact, ...(point.country ? { country: point.country } : {}) };
}

/** Contact, DPO and representatives appear only when given, so that older files export as they were. */
function normaliseOrganisation(organisation: OrganisationEntry): OrganisationEntry {
  const policy = organisation.policy ?? {};
  return {
    name: organisation.name,
    ...(organisation.contact ? { contact: organisation.contact } : {}),
    ...(organisation.dpo ? { dpo: normaliseContactPoint(organisation.dpo) } : {}),
    ...(organisation.representatives?.length ? { representatives: organisation.representatives.map(normaliseContactPoint) } : {}),
    policy: {
      title: policy.title ?? null,
      url: policy.url ?? null,
      publishedOn: optionalDate(policy.publishedOn),
      effectiveFrom: optionalDate(policy.effectiveFrom),
    },
  };
}

function normaliseEvidence(evidence: readonly EvidenceEntry[] | undefined): EvidenceEntry[] {
  const normalised = (evidence ?? []).map((item) => ({
    kind: item.kind,
    datedOn: calendarDateOf(item.datedOn),
    expiresOn: optionalDate(item.expiresOn),
    reference: item.reference ?? null,
  }));
  return sortedBy(normalised, (item) => [item.kind, item.datedOn, item.reference ?? ''].join('\u0000'));
}

function normaliseSubjectCategory(category: SubjectCategoryEntry): SubjectCategoryEntry {
  return { key: category.key, name: category.name, description: category.description ?? null };
}

function normaliseDataCategory(category: DataCategoryEntry): DataCategoryEntry {
  return {
    key: category.key,
    name: category.name,
    parent: category.parent ?? null,
    gdprSpecial: category.gdprSpecial ?? false,
    piplSensitive: category.piplSensitive ?? false,
    description: category.description ?? null,
  };
}

/** A history with no date says no more than `countries`, and is left out. */
function normaliseParty(party: PartyEntry): PartyEntry {
  const history = (party.countryHistory ?? []).map(toCountryPeriod).sort(compareCountryPeriods);
  return {
    key: party.key,
    name: party.name,
    kind: party.kind,
    countries: sortedValues(party.countries),
    ...(isUndated(history) ? {} : { countryHistory: history }),
    engagedBy: party.engagedBy ?? null,
    description: party.description ?? null,
    evidence: normaliseEvidence(party.evidence),
  };
}

/** Null when the activity states no retention at all. */
function normaliseRetention(retention: RetentionEntry | null | undefined): RetentionEntry | null {
  const period = retention?.period ?? null;
  const event = retention?.event ?? null;
  return period === null && event === null ? null : { period, event };
}

function normaliseActivity(activity: ActivityEntry): ActivityEntry {
  return {
    key: activity.key,
    name: activity.name,
    purpose: activity.purpose,
    controller: activity.controller,
    legalBasis: activity.legalBasis,
    subjectCategories: sortedValues(activity.subjectCategories),
    dataCategories: sortedBy(
      activity.dataCategories.map(({ category, required }) => ({ category, required })),
      ({ category }) => category,
    ),
    retention: normaliseRetention(activity.retention),
    securityMeasures: sortedValues(activity.securityMeasures),
    localisedIn: activity.localisedIn ?? null,
    localisedUnlessConsented: activity.localisedUnlessConsented ?? false,
    targetsResidents: activity.targetsResidents ?? true,
    minimumAge: activity.minimumAge ?? null,
    guardianConsentUnder: activity.guardianConsentUnder ?? null,
    personalisedAdvertising: activity.personalisedAdvertising ?? false,
    advertisingOptOut: activity.advertisingOptOut ?? false,
    automatedDecisions: activity.automatedDecisions ?? AutomatedDecisions.NONE,
    humanReview: activity.humanReview ?? false,
    effectiveFrom: calendarDateOf(activity.effectiveFrom),
    effectiveTo: optionalDate(activity.effectiveTo),
    description: activity.description ?? null,
    evidence: normaliseEvidence(activity.evidence),
  };
}

function normaliseFlow(flow: FlowEntry): FlowEntry {
  return {
    key: flow.key,
    activity: flow.activity,
    from: flow.from,
    to: flow.to,
    dataCategories: sortedValues(flow.dataCategories),
    legalBasis: flow.legalBasis ?? null,
    consentRequired: flow.consentRequired ?? false,
    mechanisms: mechanismEntriesOf(flow).map((entry) => ({
      mechanism: entry.mechanism,
      sccModule: entry.sccModule ?? null,
      piplExemption: entry.piplExemption ?? null,
      evidence: normaliseEvidence(entry.evidence),
    })),
    necessity: flow.necessity ?? null,
    recipientRole: flow.recipientRole ?? null,
    safeguards: sortedValues(flow.safeguards),
    countries: sortedValues(flow.countries),
    continuous: flow.continuous ?? true,
    annualSubjects: flow.annualSubjects ?? null,
    effectiveFrom: calendarDateOf(flow.effectiveFrom),
    effectiveTo: optionalDate(flow.effectiveTo),
    description: flow.description ?? null,
    evidence: normaliseEvidence(flow.evidence),
  };
}

function normaliseConsent(consent: ConsentEntry): ConsentEntry {
  return {
    activity: consent.activity ?? null,
    flow: consent.flow ?? null,
    kind: consent.kind,
    givenByGuardian: consent.givenByGuardian ?? false,
    givenAt: timestamp(consent.givenAt),
    withdrawnAt: optionalTimestamp(consent.withdrawnAt),
  };
}

function normalisePerson(person: PersonEntry): PersonEntry {
  const consents = (person.consents ?? []).map(normaliseConsent);
  return {
    externalId: person.externalId,
    countryOfResidence: person.countryOfResidence,
    subjectCategories: sortedValues(person.subjectCategories),
    dateOfBirth: optionalDate(person.dateOfBirth),
    consents: sortedBy(consents, (consent) => [consent.activity ?? '', consent.flow ?? '', consent.givenAt].join('\u0000')),
  };
}
