import { EntryRule, type EntryProblem, type PartyReference } from '../../domain/entry-problem';
import { isCountryCode } from '../../domain/countries';
import { validateActivity } from '../../domain/validate-activity';
import { validateConsent } from '../../domain/validate-consent';
import { validateFlow } from '../../domain/validate-flow';
import { validateParty } from '../../domain/validate-party';
import {
  INVENTORY_SECTIONS,
  type ActivityEntry,
  type ConsentEntry,
  type DataCategoryEntry,
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

/** The file's code for each rule of an entry; a country listed twice is one list's duplicate. */
const CODE_OF_RULE: Readonly<Record<EntryRule, Code>> = {
  [EntryRule.UNKNOWN_REFERENCE]: Code.UNKNOWN_REFERENCE,
  [EntryRule.WRONG_PARTY_KIND]: Code.WRONG_PARTY_KIND,
  [EntryRule.UNKNOWN_COUNTRY]: Code.UNKNOWN_COUNTRY,
  [EntryRule.COUNTRY_LISTED_TWICE]: Code.DUPLICATE_KEY,
  [EntryRule.SELF_FLOW]: Code.SELF_FLOW,
  [EntryRule.DATES_OUT_OF_ORDER]: Code.DATES_OUT_OF_ORDER,
  [EntryRule.MISSING_ENGAGED_BY]: Code.MISSING_ENGAGED_BY,
  [EntryRule.UNEXPECTED_ENGAGED_BY]: Code.UNEXPECTED_ENGAGED_BY,
  [EntryRule.CATEGORY_NOT_COVERED]: Code.CATEGORY_NOT_COVERED,
  [EntryRule.COUNTRY_NOT_OF_RECEIVER]: Code.COUNTRY_NOT_OF_RECEIVER,
  [EntryRule.CONSENT_TARGET]: Code.CONSENT_TARGET,
  [EntryRule.EXCEPTION_WITHOUT_PROMISE]: Code.EXCEPTION_WITHOUT_PROMISE,
};

/** A field path inside an entry ('countryHistory[1].country') as a JSON pointer under the entry's. */
function pointerUnder(at: string, field: string): string {
  if (field === '') return at;
  return at + field.split(/\.|\[(\d+)\]/).filter((segment) => segment !== undefined && segment !== '').map((segment) => `/${segment}`).join('');
}

function reportAll(problems: readonly EntryProblem[], at: string, run: ValidationRun): void {
  for (const problem of problems) {
    const path = pointerUnder(at, problem.field);
    run.report(path, CODE_OF_RULE[problem.rule], `${fieldName(path)}: ${problem.message}`);
  }
}

/** What a party key names in the document: unchecked when the parties are left to the registry or the party is malformed. */
function partyReference(key: string, run: ValidationRun): PartyReference {
  const keys = run.index.keys.parties;
  if (keys === null) return 'UNCHECKED';
  if (!keys.has(key)) return 'MISSING';
  const party = run.index.parties.get(key);
  return party === undefined ? 'UNCHECKED' : { kind: party.kind };
}

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
  return (list as readonly T[]).map((entry, index) => ({ entry, at: jsonPointer(section, index) })).filter(({ at }) => !malformed.has(at));
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

/** Whether `code` is a country; reports it when it is not. */
function checkCountry(code: string, path: string, run: ValidationRun): boolean {
  if (isCountryCode(code)) return true;
  run.report(path, Code.UNKNOWN_COUNTRY, `${fieldName(path)}: '${code}' is not an ISO 3166-1 alpha-2 country code`);
  return false;
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
  const engagedBy = entry.engagedBy ?? null;
  (entry.countryHistory ?? []).forEach((period, index) => checkCountry(period.country, `${at}/countryHistory/${index}/country`, run));
  reportAll(validateParty(entry, engagedBy === null ? 'UNCHECKED' : partyReference(engagedBy, run)), at, run);
}

function checkActivity({ entry, at }: Located<ActivityEntry>, run: ValidationRun): void {
  reportAll(validateActivity(entry, partyReference(entry.controller, run)), at, run);
  checkReferences(entry.subjectCategories, `${at}/subjectCategories`, 'subjectCategories', run);
  const categories = entry.dataCategories.map(({ category }, index) => ({ key: category, path: `${at}/dataCategories/${index}/category` }));
  categories.forEach(({ key, path }) => checkReference(run, path, key, 'dataCategories'));
  checkUnique(categories, run);
}

function checkFlow({ entry, at }: Located<FlowEntry>, run: ValidationRun): void {
  checkReference(run, `${at}/activity`, entry.activity, 'activities');
  checkReference(run, `${at}/from`, entry.from, 'parties');
  checkReference(run, `${at}/to`, entry.to, 'parties');
  if (entry.mechanisms !== undefined && (entry.mechanism !== undefined || entry.piplExemption !== undefined)) {
    const shorthand = entry.mechanism !== undefined ? 'mechanism' : 'piplExemption';
    run.report(`${at}/${shorthand}`, Code.MECHANISMS_AND_SHORTHAND, `${shorthand}: the flow also names mechanisms; give the list alone`);
  }
  entry.dataCategories.forEach((category, index) => checkReference(run, `${at}/dataCategories/${index}`, category, 'dataCategories'));
  const receiver = run.index.parties.get(entry.to);
  const activity = run.index.activities.get(entry.activity);
  const processed = new Set(activity?.dataCategories.map(({ category }) => category));
  const problems = validateFlow(entry, {
    receiverCountries: receiver && {
      current: receiver.countries,
      anyPeriod: new Set([...receiver.countries, ...(receiver.countryHistory ?? []).map((period) => period.country)]),
    },
    isCovered: (category) => (activity === undefined || !knowsCategory(category, run) ? undefined : selfAndAncestors(category, run.index.categories).some((key) => processed.has(key))),
  });
  reportAll(problems, at, run);
}

/** Whether the category may be known: the document names it, or leaves the categories to the registry. */
function knowsCategory(key: string, run: ValidationRun): boolean {
  const keys = run.index.keys.dataCategories;
  return keys === null || keys.has(key);
}

function checkPerson({ entry, at }: Located<PersonEntry>, run: ValidationRun): void {
  checkCountry(entry.countryOfResidence, `${at}/countryOfResidence`, run);
  checkReferences(entry.subjectCategories, `${at}/subjectCategories`, 'subjectCategories', run);
  (entry.consents ?? []).forEach((consent, index) => checkConsent(consent, `${at}/consents/${index}`, run));
}

function checkConsent(consent: ConsentEntry, at: string, run: ValidationRun): void {
  reportAll(validateConsent(consent), at, run);
  if (consent.activity !== null && consent.activity !== undefined) checkReference(run, `${at}/activity`, consent.activity, 'activities');
  if (consent.flow !== null && consent.flow !== undefined) checkReference(run, `${at}/flow`, consent.flow, 'flows');
}
