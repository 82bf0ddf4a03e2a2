import type { DataSource, EntityManager } from 'typeorm';
import { ageWhereTheyLive, calendarDateOf } from '../../common/dates';
import { ErrorCode, FlowmapError, ProblemList } from '../../common/errors';
import { RequestDeadline } from '../../common/request-deadline';
import { decodeCursor, encodeCursor, pageAt, pageDirection, pageWindow, paginateList, type BidirectionalPageArgs, type Page, type PageArgs } from '../../common/pagination';
import { clampDepth, computeDataFlows, storedSubjectFindings, type StoredSubject } from '../../engine/answers/compute-data-flows';
import type { DataFlowAnswer, Hop } from '../../engine/core/data-flow-answer';
import { computeInventoryHops, crossBorderTransfers, inventoryFindingsOf, inventoryTransferWindow, recipientsOfCategory, type TransferFilter } from '../../engine/answers/inventory-flows';
import type { ConsentRecord, InventorySnapshot, SubjectProfile } from '../../engine/core/inventory-snapshot';
import { indexOn, indexSnapshot, type SnapshotIndex } from '../../engine/core/snapshot-index';
import type { ConsentEntry } from '../../domain/inventory-document';
import { readProfilesBornAfter, readStoredProfilesInCategories, type StoredProfile, type StoredProfileAtRevision } from '../person/person.service';
import { oldestDigitalConsentAge } from '../../domain/regimes';
import { validateCountry } from '../registry/entry-validation';
import { compareFindings, perRuleAndActivity, SEVERITY_ORDER, type Finding, type Severity } from '../../engine/core/finding';
import type { DataFlowMap, DataHop, Finding as FindingView } from './flow-query.type';
import { InventoryCache, loadInventorySnapshot } from './load-inventory-snapshot';
import { cachedPersonFacts, readPersonFacts, type PersonFacts } from './person-facts';
import { WholeMapMemo } from './whole-map-memo';

/** The engine's view of the data map, plus id lookups by key for questions asked in keys. */
export interface EngineView {
  index: SnapshotIndex;
  partyKeys: ReadonlyMap<string, string>;
  idsByKey: {
    parties: ReadonlyMap<string, string>;
    activities: ReadonlyMap<string, string>;
    flows: ReadonlyMap<string, string>;
    subjectCategories: ReadonlyMap<string, string>;
    categories: ReadonlyMap<string, string>;
  };
}

function keyIndex<T extends { id: string; key: string }>(items: Iterable<T>): Map<string, string> {
  return new Map([...items].map((item) => [item.key, item.id]));
}

function buildEngineView(snapshot: InventorySnapshot): EngineView {
  return {
    index: indexSnapshot(snapshot),
    partyKeys: new Map([...snapshot.parties.values()].map((party) => [party.id, party.key])),
    idsByKey: {
      parties: keyIndex(snapshot.parties.values()),
      activities: keyIndex(snapshot.activities.values()),
      flows: keyIndex(snapshot.flows.values()),
      subjectCategories: keyIndex(snapshot.subjectCategories.values()),
      categories: keyIndex(snapshot.categories.values()),
    },
  };
}

/**
 * Caches by database driver, not by data source: each request sees its own wrapper of the data
 * source (with its deadline), and all of them must share one cache.
 */
const caches = new WeakMap<DataSource['driver'], InventoryCache<EngineView>>();

function engineViewCache(dataSource: DataSource): InventoryCache<EngineView> {
  let cache = caches.get(dataSource.driver);
  if (!cache) {
    cache = new InventoryCache(buildEngineView);
    caches.set(dataSource.driver, cache);
  }
  return cache;
}

/** The engine view of the current inventory revision, shared by every request of this process. */
export function engineView(dataSource: DataSource): Promise<EngineView> {
  return engineViewCache(dataSource).get(dataSource);
}

/** The same, for a revision the caller has read: no statement unless the view is older. */
export function engineViewAt(dataSource: DataSource, revision: bigint): Promise<EngineView> {
  return engineViewCache(dataSource).at(dataSource, revision);
}

export interface FlowQueryOptions {
  asOf?: Date | null;
  maxDepth?: number | null;
}

export function resolvedAsOf(options: FlowQueryOptions, memo?: WholeMapMemo): string {
  return (options.asOf ?? memo?.now ?? new Date()).toISOString();
}

/*
 * Whole-map questions are remembered in the request's WholeMapMemo under everything their walk
 * reads: the engine view (the inventory revision), the person facts (the person revision) and the
 * calendar day of asOf, the only part of the time the walk compares (readAsOf(...).date); a
 * question that comes to depend on more (the caller's role, the instant) must add it to its key.
 */

/** Keys instead of ids, for people reading the answer. */
function findingView(view: EngineView, finding: Finding): FindingView {
  const { snapshot } = view.index;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    legalReference: finding.legalReference,
    message: finding.message,
    partyKeys: finding.partyIds.map((id) => snapshot.parties.get(id)?.key ?? id),
    flowKeys: finding.flowIds.map((id) => snapshot.flows.get(id)?.key ?? id),
    activityKeys: finding.activityIds.map((id) => snapshot.activities.get(id)?.key ?? id),
    personIds: finding.personIds,
    personCount: finding.personIds.length,
  };
}

export function hopView(view: EngineView, hop: Hop): DataHop {
  const { snapshot } = view.index;
  return {
    ...hop,
    flowKey: snapshot.flows.get(hop.flowId)?.key ?? hop.flowId,
    activityKey: snapshot.activities.get(hop.activityId)?.key ?? hop.activityId,
    fromKey: view.partyKeys.get(hop.fromPartyId) ?? hop.fromPartyId,
    toKey: view.partyKeys.get(hop.toPartyId) ?? hop.toPartyId,
    categoryKeys: hop.categoryIds.map((id) => snapshot.categories.get(id)?.key ?? id).sort(),
    findings: hop.findings.map((finding) => findingView(view, finding)),
  };
}

function answerView(view: EngineView, answer: DataFlowAnswer, maxDepth: number): DataFlowMap {
  const { snapshot } = view.index;
  const categoryKeys = (ids: string[]): string[] => ids.map((id) => snapshot.categories.get(id)?.key ?? id).sort();
  return {
    asOf: answer.asOf,
    maxDepth,
    collections: answer.collections.map((collection) => ({
      ...collection,
      activityKey: snapshot.activities.get(collection.activityId)?.key ?? collection.activityId,
      controllerKey: view.partyKeys.get(collection.controllerPartyId) ?? collection.controllerPartyId,
      categoryKeys: categoryKeys(collection.categoryIds),
    })),
    refusedCollections: answer.refusedCollections.map((refusal) => ({
      activityKey: snapshot.activities.get(refusal.activityId)?.key ?? refusal.activityId,
      reason: refusal.reason,
      message: refusal.message,
    })),
    parties: answer.partyIds.map((id) => {
      const party = snapshot.parties.get(id);
      return { key: party?.key ?? id, name: party?.name ?? id, kind: party?.kind ?? 'UNKNOWN', countries: party?.countries ?? [] };
    }),
    hops: answer.hops.map((hop) => hopView(view, hop)),
    summary: {
      ...answer.summary,
      unknownDestinations: answer.summary.unknownDestinationPartyIds.map((id) => view.partyKeys.get(id) ?? id).sort(),
      recipients: answer.summary.recipients.map((recipient) => ({
        partyKey: view.partyKeys.get(recipient.partyId) ?? recipient.partyId,
        kind: snapshot.parties.get(recipient.partyId)?.kind ?? 'UNKNOWN',
        countries: recipient.countries,
        categoryKeys: categoryKeys(recipient.categoryIds),
      })),
    },
    findings: answer.findings.map((finding) => findingView(view, finding)),
  };
}

/**
 * Where a stored person's data flows; null when there is no such person. With the profile read
 * (readStoredProfiles), the answer needs no other statement while the inventory is unchanged.
 */
export async function personDataFlows(dataSource: DataSource, stored: StoredProfileAtRevision | null, options: FlowQueryOptions): Promise<DataFlowMap | null> {
  if (!stored) return null;
  const view = await engineViewAt(dataSource, stored.inventoryRevision);
  const asOf = resolvedAsOf(options);
  const maxDepth = clampDepth(options.maxDepth ?? undefined);
  return answerView(view, computeDataFlows(view.index, profileOf(stored, asOf), { asOf, maxDepth, personId: stored.person.externalId }), maxDepth);
}

/** What the engine knows of a stored person at an instant: their age is counted where they live. */
export function profileOf(stored: StoredProfile, asOf: string): SubjectProfile {
  return {
    countryOfResidence: stored.person.countryOfResidence,
    subjectCategoryIds: stored.subjectCategoryIds,
    ageInYears: stored.person.dateOfBirth ? ageWhereTheyLive(stored.person.dateOfBirth, asOf, stored.person.countryOfResidence) : null,
    consents: stored.consents,
  };
}

export interface ProfileQuestion {
  subjectCategories: string[];
  countryOfResidence: string;
  age?: number | null;
  consents?: ConsentEntry[];
}

/** The same question for a kind of person that is not stored. */
export async function profileDataFlows(dataSource: DataSource, question: ProfileQuestion, options: FlowQueryOptions): Promise<DataFlowMap> {
  const view = await engineView(dataSource);
  const problems = new ProblemList();
  validateCountry(question.countryOfResidence, 'profile.countryOfResidence', problems);
  const subjectCategoryIds = question.subjectCategories.map((key, index) => {
    const id = view.idsByKey.subjectCategories.get(key);
    if (!id) problems.add(`profile.subjectCategories[${index}]`, `no subject category '${key}'`);
    return id ?? '';
  });
  const consents: ConsentRecord[] = (question.consents ?? []).map((consent, index) => {
    const activityId = consent.activity ? view.idsByKey.activities.get(consent.activity) : null;
    const flowId = consent.flow ? view.idsByKey.flows.get(consent.flow) : null;
    if ((consent.activity && !activityId) || (consent.flow && !flowId) || (!consent.activity === !consent.flow)) {
      problems.add(`profile.consents[${index}]`, 'must name exactly one existing activity or flow');
    }
    return {
      activityId: activityId ?? null,
      flowId: flowId ?? null,
      kind: consent.kind,
      givenByGuardian: consent.givenByGuardian ?? false,
      givenAt: consent.givenAt,
      withdrawnAt: consent.withdrawnAt ?? null,
    };
  });
  if (question.age !== undefined && question.age !== null && (question.age < 0 || question.age > 150)) problems.add('profile.age', 'must be between 0 and 150');
  problems.throwIfAny();
  const maxDepth = clampDepth(options.maxDepth ?? undefined);
  const answer = computeDataFlows(
    view.index,
    { countryOfResidence: question.countryOfResidence, subjectCategoryIds, ageInYears: question.age ?? null, consents },
    { asOf: resolvedAsOf(options), maxDepth },
  );
  return answerView(view, answer, maxDepth);
}

function findingsOf(index: SnapshotIndex, asOf: string, facts: PersonFacts & { childActivityIds?: ReadonlySet<string> }, deadline: RequestDeadline): Finding[] {
  return inventoryFindingsOf(index, { asOf, ...facts, checkDeadline: () => deadline.throwIfPassed() });
}

export interface InventoryQuestion {
  asOf?: Date | null;
  ruleId?: string | null;
  minimumSeverity?: Severity | null;
  partyKey?: string | null;
  /**
   * Whether the stored persons count: their volumes and residences, their children's data as
   * sensitive, and the findings about them. Without, the findings are those of the map alone and
   * reveal nothing about stored persons.
   */
  includePersons?: boolean;
}

const NO_PERSON_FACTS: PersonFacts = { personGroups: [], residencesByActivity: new Map() };

/**
 * The stored minors (younger than the oldest digital consent age anywhere, a day's margin for the
 * date where they live), as the engine sees them on `asOf`.
 */
async function storedMinors(dataSource: DataSource, asOf: string): Promise<StoredSubject[]> {
  const at = new Date(asOf);
  const bornAfter = calendarDateOf(new Date(Date.UTC(at.getUTCFullYear() - oldestDigitalConsentAge() - 1, at.getUTCMonth(), at.getUTCDate())));
  const profiles = await readProfilesBornAfter(dataSource, bornAfter);
  return profiles.map((stored) => ({ personId: stored.person.externalId, profile: profileOf(stored, asOf) }));
}

/**
 * Every finding of the map with what the stored persons add: the walk counts their volumes and
 * residences and takes their children's data as sensitive, and the person rules run on the
 * minors, their findings counted once per rule and activity with the persons concerned.
 */
async function findingsWithPersons(dataSource: DataSource, view: EngineView, asOf: string, facts: PersonFacts, memo: WholeMapMemo): Promise<Finding[]> {
  const minors = await storedMinors(dataSource, asOf);
  const aboutPersons = storedSubjectFindings(view.index, minors, asOf);
  const mapFindings = findingsOf(view.index, asOf, { ...facts, childActivityIds: aboutPersons.childActivityIds }, memo.deadline);
  return [...mapFindings, ...perRuleAndActivity(aboutPersons.findings)].sort(compareFindings);
}

/** The findings asked for, most severe first, with the view to name what they concern. */
async function findingsMatching(dataSource: DataSource, question: InventoryQuestion, memo: WholeMapMemo): Promise<{ view: EngineView; findings: Finding[] }> {
  const view = await engineView(dataSource);
  const partyId = question.partyKey ? view.idsByKey.parties.get(question.partyKey) : null;
  if (question.partyKey && !partyId) throw new FlowmapError(ErrorCode.NOT_FOUND, `party: no party '${question.partyKey}'`, { field: 'party' });
  const floor = question.minimumSeverity ? SEVERITY_ORDER.indexOf(question.minimumSeverity) : 0;
  const asOf = resolvedAsOf(question, memo);
  const facts = question.includePersons ? await cachedPersonFacts(dataSource, view.index) : NO_PERSON_FACTS;
  // With persons, ages are counted on the date where each person lives: the instant matters.
  const all = question.includePersons
    ? await memo.remember('findings-with-persons', [view, facts, asOf], () => findingsWithPersons(dataSource, view, asOf, facts, memo))
    : memo.remember('map-findings', [view, calendarDateOf(asOf)], () => findingsOf(view.index, asOf, facts, memo.deadline));
  const findings = all
    .filter((finding) => !question.ruleId || finding.ruleId === question.ruleId)
    .filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) >= floor)
    .filter((finding) => !partyId || finding.partyIds.includes(partyId));
  return { view, findings };
}

/** Findings across the whole data map, as of a time. */
export async function inventoryFindings(dataSource: DataSource, question: InventoryQuestion, memo = new WholeMapMemo()): Promise<FindingView[]> {
  const { view, findings } = await findingsMatching(dataSource, question, memo);
  return findings.map((finding) => findingView(view, finding));
}

/** A page of them: only the page is put in keys. */
export async function inventoryFindingsPage(dataSource: DataSource, question: InventoryQuestion, page: PageArgs, memo = new WholeMapMemo()): Promise<Page<FindingView>> {
  const { view, findings } = await findingsMatching(dataSource, question, memo);
  return paginateList(findings, page, (finding) => findingView(view, finding));
}

/** What a change does to the findings: those it adds and those it resolves, in keys. */
export interface FindingChanges {
  added: FindingView[];
  resolved: FindingView[];
}

/**
 * Findings of the data map as committed against those of the map as `manager`'s transaction sees
 * it (an import not yet committed), both as of now; counted with the stored persons' volumes and
 * residences only for a caller who may read persons.
 */
export async function findingChanges(
  dataSource: DataSource,
  manager: EntityManager,
  withPersons: boolean,
  deadline: RequestDeadline = RequestDeadline.NONE,
): Promise<FindingChanges> {
  const asOf = new Date().toISOString();
  const committed = await engineView(dataSource);
  const committedFacts = withPersons ? await cachedPersonFacts(dataSource, committed.index) : NO_PERSON_FACTS;
  const before = findingsOf(committed.index, asOf, committedFacts, deadline).map((finding) => findingView(committed, finding));
  const pending = buildEngineView(await loadInventorySnapshot(manager));
  const pendingFacts = withPersons ? await readPersonFacts(manager, pending.index) : NO_PERSON_FACTS;
  const after = findingsOf(pending.index, asOf, pendingFacts, deadline).map((finding) => findingView(pending, finding));
  const identity = (finding: FindingView): string => JSON.stringify([finding.ruleId, finding.message]);
  const beforeIds = new Set(before.map(identity));
  const afterIds = new Set(after.map(identity));
  return { added: after.filter((finding) => !beforeIds.has(identity(finding))), resolved: before.filter((finding) => !afterIds.has(identity(finding))) };
}

/**
 * The person facts a whole-map question about transfers is judged with. Where the stored persons
 * live decides which regimes reach a hop (GDPR Art. 3(2) for a German resident's data in China), so
 * for a caller who may not read persons the transfers are those of the map alone: which transfers
 * appear must not tell where stored persons live.
 */
export async function transferFacts(dataSource: DataSource, index: SnapshotIndex, includePersons: boolean): Promise<PersonFacts> {
  return includePersons ? cachedPersonFacts(dataSource, index) : NO_PERSON_FACTS;
}

/** Every cross-border transfer the data map allows, as of a time; counted with the stored persons only when `includePersons`. */
export async function inventoryTransfers(
  dataSource: DataSource,
  asOf: Date | null | undefined,
  filter: TransferFilter,
  includePersons: boolean,
  memo = new WholeMapMemo(),
): Promise<DataHop[]> {
  const view = await engineView(dataSource);
  const at = resolvedAsOf({ asOf }, memo);
  const facts = await transferFacts(dataSource, view.index, includePersons);
  // Only the transfers are kept, not every hop of the map.
  const transfers = memo.remember('transfers', [view, facts, calendarDateOf(at)], () =>
    inventoryTransferWindow(view.index, { asOf: at, ...facts, checkDeadline: () => memo.deadline.throwIfPassed() }, {}, { start: 0, size: Number.POSITIVE_INFINITY }).hops,
  );
  return crossBorderTransfers(transfers, filter).map((hop) => hopView(view, hop));
}

/** A page of them, in walk order, forward or backward: only the page is kept, and put in keys. */
export async function inventoryTransfersPage(
  dataSource: DataSource,
  asOf: Date | null | undefined,
  filter: TransferFilter,
  page: BidirectionalPageArgs,
  includePersons: boolean,
  memo = new WholeMapMemo(),
): Promise<Page<DataHop>> {
  const view = await engineView(dataSource);
  const window = pageWindow(page);
  const at = resolvedAsOf({ asOf }, memo);
  const facts = await transferFacts(dataSource, view.index, includePersons);
  // Keyed by the filter and the window too: the walk keeps only the window, however large the map.
  const { regime, destinationCountry, mechanism, lawful, verdict } = filter;
  const { hops, totalCount, start } = memo.remember(
    'transfer-window',
    [view, facts, calendarDateOf(at), regime, destinationCountry, mechanism, lawful, verdict, JSON.stringify(window)],
    () => inventoryTransferWindow(view.index, { asOf: at, ...facts, checkDeadline: () => memo.deadline.throwIfPassed() }, filter, window),
  );
  return pageAt(hops, start, totalCount, (hop) => hopView(view, hop));
}

export interface CategoryRecipientView {
  partyKey: string;
  kind: string;
  countries: string[];
}

/** Which parties receive a data category (or one under it), and in which countries. */
export async function categoryRecipients(dataSource: DataSource, categoryKey: string, asOf: Date | null | undefined, memo = new WholeMapMemo()): Promise<CategoryRecipientView[]> {
  const view = await engineView(dataSource);
  const categoryId = view.idsByKey.categories.get(categoryKey);
  if (!categoryId) throw new FlowmapError(ErrorCode.NOT_FOUND, `category: no data category '${categoryKey}'`, { field: 'category' });
  const at = resolvedAsOf({ asOf }, memo);
  const recipients = memo.remember('category-recipients', [view, calendarDateOf(at), categoryId], () =>
    recipientsOfCategory(view.index, computeInventoryHops(view.index, { asOf: at, checkDeadline: () => memo.deadline.throwIfPassed() }), categoryId),
  );
  return recipients.map((recipient) => ({
    partyKey: view.partyKeys.get(recipient.partyId) ?? recipient.partyId,
    kind: view.index.snapshot.parties.get(recipient.partyId)?.kind ?? 'UNKNOWN',
    countries: recipient.countries,
  }));
}

export interface ReachTarget {
  partyKey?: string | null;
  country?: string | null;
}

/** A stored person whose data reaches the target, as the Person type reads it. */
export type ReachingPerson = StoredProfile['person'];

const PROFILE_CHUNK = 2000;

/**
 * Which stored persons' data reaches a party or a country, as of a time: the persons of the subject
 * categories whose activities can reach it are candidates, and each candidate's own answer (their
 * consents, age and residence) decides. Cost grows with the number of candidates, not of all persons.
 */
export async function personsReaching(
  dataSource: DataSource,
  target: ReachTarget,
  options: FlowQueryOptions,
  page: BidirectionalPageArgs,
  memo = new WholeMapMemo(),
): Promise<Page<ReachingPerson>> {
  const view = await engineView(dataSource);
  const asOf = resolvedAsOf(options, memo);
  const partyId = target.partyKey ? view.idsByKey.parties.get(target.partyKey) : null;
  if (target.partyKey && !partyId) throw new FlowmapError(ErrorCode.NOT_FOUND, `party: no party '${target.partyKey}'`, { field: 'party' });
  if (!target.partyKey === !target.country) throw new FlowmapError(ErrorCode.BAD_USER_INPUT, 'party, country: name exactly one', { field: 'party' });
  const maxDepth = clampDepth(options.maxDepth ?? undefined);
  // Consents are given at instants: the whole asOf is part of the key, as are the page's bounds.
  const direction = pageDirection(page);
  const from = direction.cursor === undefined ? null : decodeCursor(direction.cursor, direction.cursorField);
  const key = [view, asOf, partyId, target.country, maxDepth, direction.backward, direction.size, from];
  return memo.remember('persons-reaching', key, () =>
    candidatesReaching(dataSource, view, { partyId: partyId ?? null, country: target.country ?? null }, asOf, maxDepth, { ...direction, from }, memo),
  );
}

async function candidatesReaching(
  dataSource: DataSource,
  view: EngineView,
  target: { partyId: string | null; country: string | null },
  asOf: string,
  maxDepth: number,
  window: { backward: boolean; size: number; from: string | null },
  memo: WholeMapMemo,
): Promise<Page<ReachingPerson>> {
  const { partyId } = target;
  const reaches = (answer: DataFlowAnswer): boolean =>
    partyId ? answer.partyIds.includes(partyId) : answer.summary.countriesReached.includes(target.country as string);

  const checkDeadline = () => memo.deadline.throwIfPassed();
  const reachingHops = computeInventoryHops(view.index, { asOf, checkDeadline }).filter((hop) =>
    partyId ? hop.toPartyId === partyId || hop.fromPartyId === partyId : hop.toCountries.includes(target.country as string) || hop.fromCountries.includes(target.country as string),
  );
  const activityIds = new Set(reachingHops.map((hop) => hop.activityId));
  const partiesThen = indexOn(view.index, calendarDateOf(asOf)).snapshot.parties;
  for (const activity of view.index.activities) {
    const controller = partiesThen.get(activity.controllerId);
    if (partyId ? activity.controllerId === partyId : controller?.countries.includes(target.country as string)) activityIds.add(activity.id);
  }
  const subjectCategoryIds = [...new Set([...activityIds].flatMap((id) => view.index.snapshot.activities.get(id)?.subjectCategoryIds ?? []))];

  // The persons come in external id order: a page forward takes the first after the cursor, a page
  // backward keeps the last before it (or before the end) in a sliding window.
  let count = 0;
  let beyondCursor = 0;
  const page: ReachingPerson[] = [];
  let cursor = '';
  for (;;) {
    const profiles = await readStoredProfilesInCategories(dataSource, subjectCategoryIds, cursor, PROFILE_CHUNK);
    for (const stored of profiles) {
      checkDeadline();
      const answer = computeDataFlows(view.index, profileOf(stored, asOf), { asOf, maxDepth });
      if (!reaches(answer)) continue;
      count += 1;
      const { externalId } = stored.person;
      if (!window.backward) {
        if (window.from !== null && externalId <= window.from) beyondCursor += 1;
        else if (page.length < window.size) page.push(stored.person);
      } else if (window.from !== null && externalId >= window.from) beyondCursor += 1;
      else if (window.size > 0) {
        page.push(stored.person);
        if (page.length > window.size) page.shift();
      }
    }
    if (profiles.length < PROFILE_CHUNK) break;
    cursor = profiles[profiles.length - 1].person.externalId;
  }
  const edges = page.map((node) => ({ cursor: encodeCursor(node.externalId), node }));
  const thisWay = count - beyondCursor - page.length > 0;
  return {
    nodes: page,
    edges,
    pageInfo: {
      hasNextPage: window.backward ? beyondCursor > 0 : thisWay,
      hasPreviousPage: window.backward ? thisWay : beyondCursor > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: count,
  };
}
