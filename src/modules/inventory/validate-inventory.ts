import { ENTRUSTED_PARTY_KINDS, PartyKind } from '../../domain/party-kind';
import { isCountryCode } from '../../domain/countries';
import {
  INVENTORY_SECTIONS,
  type ActivityEntry,
  type ConsentEntry,
  type DataCategoryEntry,
  type EvidenceEntry,
  type FlowEntry,
  type InventoryDocument,
  type InventorySection,
  type PartyEntry,
  type PersonEntry,
  type SectionEntry,
  type SubjectCategoryEntry,
  entryKey,
} from '../../domain/inventory-document';
import { fieldName, InventoryFileErrorCode as Code, jsonPointer, type InventoryProblem } from './inventory-file-error';

/** Sections whose entries other entries refer to by key. */
type ReferencedSection = Exclude<InventorySection, 'persons'>;

const LABELS: Readonly<Record<ReferencedSection, string>> = {
  subjectCategories: 'subject category',
  dataCategories: 'data category',
  parties: 'party',
  activities: 'activity',
  flows: 'flow',
};

/** Who may decide an activity: our own group or a joint controller. */
const CONTROLLER_KINDS: readonly PartyKind[] = [PartyKind.CONTROLLER, PartyKind.AFFILIATE, PartyKind.JOINT_CONTROLLER];

interface Located<T> {
  entry: T;
  /** JSON pointer of the entry, e.g. '/flows/3'. */
  at: string;
}

interface CheckedSections {
  subjectCategories: Located<SubjectCategoryEntry>[];
  dataCategories: Located<DataCategoryEntry>[];
  parties: Located<PartyEntry>[];
  activities: Located<ActivityEntry>[];
  flows: Located<FlowEntry>[];
  persons: Located<PersonEntry>[];
}

interface InventoryIndex {
  /**
   * Every key a section names, well-formed entry or not, so a malformed entry is not also reported
   * missing; null for a section the document leaves out, whose keys only the registry knows.
   */
  keys: Readonly<Record<ReferencedSection, ReadonlySet<string> | null>>;
  categories: ReadonlyMap<string, DataCategoryEntry>;
  parties: ReadonlyMap<string, PartyEntry>;
  activities: ReadonlyMap<string, ActivityEntry>;
}

interface ValidationRun {
  index: InventoryIndex;
  report(path: string, code: Code, message: string): void;
}

/**
 * The semantic problems of a document that passes the schema: duplicate keys, unknown references,
 * unknown countries, category cycles and the rules between entries (docs/inventory-file.md).
 * Entries listed in `malformedEntries` (pointers such as '/flows/3', which failed the schema) are
 * not checked, but their keys still count as known. References into a section the document leaves
 * out are not checked: an import resolves them against the registry.
 */
export function validateInventory(document: InventoryDocument, malformedEntries: ReadonlySet<string> = new Set()): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  const sections = checkedSections(document, malformedEntries);
  const run: ValidationRun = {
    index: indexInventory(document, sections),
    report: (path, code, message) => problems.push({ path, code, message }),
  };
  for (const section of INVENTORY_SECTIONS) checkUniqueKeys(sections[section], run);
  sections.dataCategories.forEach((located) => checkDataCategory(located, run));
  sections.parties.forEach((located) => checkParty(located, run));
  sections.activities.forEach((located) => checkActivity(located, run));
  sections.flows.forEach((located) => checkFlow(located, run));
  sections.persons.forEach((located) => checkPerson(located, run));
  (document.organisation?.representatives ?? []).forEach((representative, index) => {
    if (representative.country) checkCountry(representative.country, `/organisation/representatives/${index}/country`, run);
  });
  return problems;
}

function checkedEntries<T>(list: readonly T[] | undefined, section: InventorySection, malformed: ReadonlySet<string>): Located<T>[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry, index) => ({ entry, at: jsonPointer(section, index) })).filter(({ at }) => !malformed.has(at));
}

function checkedSections(document: InventoryDocument, malformed: ReadonlySet<string>): CheckedSections {
  return {
    subjectCategories: checkedEntries(document.subjectCategories, 'subjectCategories', malformed),
    dataCategories: checkedEntries(document.dataCategories, 'dataCategories', malformed),
    parties: checkedEntries(document.parties, 'parties', malformed),
    activities: checkedEntries(document.activities, 'activities', malformed),
    flows: checkedEntries(document.flows, 'flows', malformed),
    persons: checkedEntries(document.persons, 'persons', malformed),
  };
}

/** The string keys of a section's entries, whatever else is wrong with them; null without the section. */
function namedKeys(list: unknown): Set<string> | null {
  if (!Array.isArray(list)) return null;
  const keys = list.map((entry: unknown) => (entry as { key?: unknown } | null)?.key);
  return new Set(keys.filter((key): key is string => typeof key === 'string'));
}

function byKey<T extends { key: string }>(entries: Located<T>[]): Map<string, T> {
  return new Map(entries.map(({ entry }) => [entry.key, entry]));
}

function indexInventory(document: InventoryDocument, sections: CheckedSections): InventoryIndex {
  return {
    keys: {
      subjectCategories: namedKeys(document.subjectCategories),
      dataCategories: namedKeys(document.dataCategories),
      parties: namedKeys(document.parties),
      activities: namedKeys(document.activities),
      flows: namedKeys(document.flows),
    },
    categories: byKey(sections.dataCategories),
    parties: byKey(sections.parties),
    activities: byKey(sections.activities),
  };
}

/** Reports every repeat of a key already used earlier in the same list. */
function checkUnique(items: { key: string; path: string }[], run: ValidationRun): void {
  const firstPaths = new Map<string, string>();
  for (const { key, path } of items) {
    const first = firstPaths.get(key);
    if (first === undefined) firstPaths.set(key, path);
    else run.report(path, Code.DUPLICATE_KEY, `${fieldName(path)}: '${key}' is already used at ${first}`);
  }
}

function checkUniqueKeys(entries: Located<SectionEntry>[], run: ValidationRun): void {
  checkUnique(
    entries.map(({ entry, at }) => ({ key: entryKey(entry), path: `${at}/${'externalId' in entry ? 'externalId' : 'key'}` })),
    run,
  );
}

/**
 * Whether `key` may name an entry of `section`; reports it when it does not. A reference into a
 * section the document leaves out is resolved against the registry on import, not here.
 */
function checkReference(run: ValidationRun, path: string, key: string, section: ReferencedSection): boolean {
  const keys = run.index.keys[section];
  if (keys === null || keys.has(key)) return true;
  run.report(path, Code.UNKNOWN_REFERENCE, `${fieldName(path)}: no ${LABELS[section]} '${key}'`);
  return false;
}

function checkReferences(keys: readonly string[], listPath: string, section: ReferencedSection, run: ValidationRun): void {
  keys.forEach((key, index) => checkReference(run, `${listPath}/${index}`, key, section));
}

function checkPartyKind(run: ValidationRun, path: string, key: string, kinds: readonly PartyKind[]): void {
  if (!checkReference(run, path, key, 'parties')) return;
  const party = run.index.parties.get(key);
  if (party !== undefined && !kinds.includes(party.kind)) {
    run.report(path, Code.WRONG_PARTY_KIND, `${fieldName(path)}: party '${key}' is a ${party.kind}, not one of ${kinds.join(', ')}`);
  }
}

/** Whether `code` is a country; reports it when it is not. */
function checkCountry(code: string, path: string, run: ValidationRun): boolean {
  if (isCountryCode(code)) return true;
  run.report(path, Code.UNKNOWN_COUNTRY, `${fieldName(path)}: '${code}' is not an ISO 3166-1 alpha-2 country code`);
  return false;
}

/** An end (effectiveTo, expiresOn, withdrawnAt) must not come before its start. */
function checkDateOrder(start: string, end: string | null | undefined, endPath: string, startField: string, run: ValidationRun): void {
  if (end !== null && end !== undefined && Date.parse(end) < Date.parse(start)) {
    run.report(endPath, Code.DATES_OUT_OF_ORDER, `${fieldName(endPath)}: ${end} is before ${startField} ${start}`);
  }
}

function checkEvidenceDates(evidence: readonly EvidenceEntry[] | undefined, at: string, run: ValidationRun): void {
  (evidence ?? []).forEach((item, index) => checkDateOrder(item.datedOn, item.expiresOn, `${at}/evidence/${index}/expiresOn`, 'datedOn', run));
}

/** The category and its ancestors, nearest first; stops at a cycle. */
function selfAndAncestors(key: string, categories: InventoryIndex['categories']): string[] {
  const chain: string[] = [];
  for (let current: string | null = key; current !== null && !chain.includes(current); current = categories.get(current)?.parent ?? null) {
    chain.push(current);
  }
  return chain;
}

function checkDataCategory({ entry, at }: Located<DataCategoryEntry>, run: ValidationRun): void {
  const parent = entry.parent ?? null;
  if (parent === null || !checkReference(run, `${at}/parent`, parent, 'dataCategories')) return;
  const chain = selfAndAncestors(entry.key, run.index.categories);
  if (run.index.categories.get(chain[chain.length - 1])?.parent === entry.key) {
    run.report(`${at}/parent`, Code.CATEGORY_CYCLE, `parent: '${parent}' puts '${entry.key}' under itself (${[...chain, entry.key].join(' → ')})`);
  }
}

function checkParty({ entry, at }: Located<PartyEntry>, run: ValidationRun): void {
  entry.countries.forEach((code, index) => checkCountry(code, `${at}/countries/${index}`, run));
  (entry.countryHistory ?? []).forEach((period, index) => checkCountry(period.country, `${at}/countryHistory/${index}/country`, run));
  checkEngagedBy(entry, `${at}/engagedBy`, run);
  checkEvidenceDates(entry.evidence, at, run);
}

/** Only a SUB_PROCESSOR is engaged by another party, and it always is, by a processor. */
function checkEngagedBy(party: PartyEntry, path: string, run: ValidationRun): void {
  const engagedBy = party.engagedBy ?? null;
  if (party.kind !== PartyKind.SUB_PROCESSOR) {
    if (engagedBy !== null) {
      run.report(path, Code.UNEXPECTED_ENGAGED_BY, `engagedBy: '${engagedBy}' is set on ${party.kind} '${party.key}'; only a SUB_PROCESSOR is engaged by another party`);
    }
  } else if (engagedBy === null) {
    run.report(path, Code.MISSING_ENGAGED_BY, `engagedBy: SUB_PROCESSOR '${party.key}' must name the processor that engaged it`);
  } else {
    checkPartyKind(run, path, engagedBy, ENTRUSTED_PARTY_KINDS);
  }
}

function checkActivity({ entry, at }: Located<ActivityEntry>, run: ValidationRun): void {
  checkPartyKind(run, `${at}/controller`, entry.controller, CONTROLLER_KINDS);
  checkReferences(entry.subjectCategories, `${at}/subjectCategories`, 'subjectCategories', run);
  const categories = entry.dataCategories.map(({ category }, index) => ({ key: category, path: `${at}/dataCategories/${index}/category` }));
  categories.forEach(({ key, path }) => checkReference(run, path, key, 'dataCategories'));
  checkUnique(categories, run);
  if (entry.localisedIn !== null && entry.localisedIn !== undefined) checkCountry(entry.localisedIn, `${at}/localisedIn`, run);
  else if (entry.localisedUnlessConsented) {
    run.report(`${at}/localisedUnlessConsented`, Code.EXCEPTION_WITHOUT_PROMISE, 'localisedUnlessConsented: needs localisedIn, the promise it is an exception to');
  }
  checkDateOrder(entry.effectiveFrom, entry.effectiveTo, `${at}/effectiveTo`, 'effectiveFrom', run);
  checkEvidenceDates(entry.evidence, at, run);
}

function checkFlow({ entry, at }: Located<FlowEntry>, run: ValidationRun): void {
  checkReference(run, `${at}/activity`, entry.activity, 'activities');
  checkReference(run, `${at}/from`, entry.from, 'parties');
  checkReference(run, `${at}/to`, entry.to, 'parties');
  if (entry.from === entry.to) run.report(`${at}/to`, Code.SELF_FLOW, `to: '${entry.to}' is also the sender; a flow goes from one party to another`);
  if (entry.mechanisms !== undefined && (entry.mechanism !== undefined || entry.piplExemption !== undefined)) {
    const shorthand = entry.mechanism !== undefined ? 'mechanism' : 'piplExemption';
    run.report(`${at}/${shorthand}`, Code.MECHANISMS_AND_SHORTHAND, `${shorthand}: the flow also names mechanisms; give the list alone`);
  }
  checkFlowCategories(entry, at, run);
  checkFlowCountries(entry, at, run);
  checkDateOrder(entry.effectiveFrom, entry.effectiveTo, `${at}/effectiveTo`, 'effectiveFrom', run);
  checkEvidenceDates(entry.evidence, at, run);
  (entry.mechanisms ?? []).forEach((mechanism, index) => checkEvidenceDates(mechanism.evidence, `${at}/mechanisms/${index}`, run));
}

/** A flow carries only what its activity processes: a category of the activity or one under it. */
function checkFlowCategories(flow: FlowEntry, at: string, run: ValidationRun): void {
  const activity = run.index.activities.get(flow.activity);
  const processed = new Set(activity?.dataCategories.map(({ category }) => category));
  flow.dataCategories.forEach((category, index) => {
    const path = `${at}/dataCategories/${index}`;
    if (!checkReference(run, path, category, 'dataCategories') || activity === undefined) return;
    if (!selfAndAncestors(category, run.index.categories).some((key) => processed.has(key))) {
      run.report(path, Code.CATEGORY_NOT_COVERED, `${fieldName(path)}: '${category}' is not processed by activity '${flow.activity}', neither itself nor a category above it`);
    }
  });
}

/** A flow reaches only countries where its receiver is. */
function checkFlowCountries(flow: FlowEntry, at: string, run: ValidationRun): void {
  const receiver = run.index.parties.get(flow.to);
  (flow.countries ?? []).forEach((code, index) => {
    const path = `${at}/countries/${index}`;
    if (!checkCountry(code, path, run) || receiver === undefined || receiver.countries.includes(code)) return;
    if ((receiver.countryHistory ?? []).some((period) => period.country === code)) return;
    run.report(path, Code.COUNTRY_NOT_OF_RECEIVER, `${fieldName(path)}: '${code}' is not a country of receiver '${flow.to}' (${receiver.countries.join(', ') || 'none'})`);
  });
}

function checkPerson({ entry, at }: Located<PersonEntry>, run: ValidationRun): void {
  checkCountry(entry.countryOfResidence, `${at}/countryOfResidence`, run);
  checkReferences(entry.subjectCategories, `${at}/subjectCategories`, 'subjectCategories', run);
  (entry.consents ?? []).forEach((consent, index) => checkConsent(consent, `${at}/consents/${index}`, run));
}

/** A consent is to exactly one activity or one flow. */
function checkConsent(consent: ConsentEntry, at: string, run: ValidationRun): void {
  const activity = consent.activity ?? null;
  const flow = consent.flow ?? null;
  if ((activity === null) === (flow === null)) {
    const named = activity === null ? 'neither an activity nor a flow' : `both activity '${activity}' and flow '${flow}'`;
    run.report(at, Code.CONSENT_TARGET, `${fieldName(at)}: names ${named}; a consent is to exactly one of them`);
  }
  if (activity !== null) checkReference(run, `${at}/activity`, activity, 'activities');
  if (flow !== null) checkReference(run, `${at}/flow`, flow, 'flows');
  checkDateOrder(consent.givenAt, consent.withdrawnAt, `${at}/withdrawnAt`, 'givenAt', run);
}
