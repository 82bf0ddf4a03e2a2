import { isInForce } from '../../common/dates';
import type { TransferMechanism } from '../../domain/transfer-mechanism';
import { readAsOf } from '../core/as-of';
import { includesCategory } from '../core/category-tree';
import { clampDepth } from './compute-data-flows';
import type { Hop } from '../core/data-flow-answer';
import type { HopVerdict } from '../core/hop-verdict';
import type { InventorySnapshot, SnapshotActivity } from '../core/inventory-snapshot';
import { compareFindings, firstOfEach, type Finding } from '../core/finding';
import { evaluateActivityRules } from '../rules/rule-catalogue';
import { activityRuleContext, type MapFacts } from '../core/rule-context';
import { ExportVolumeCounter, type SubjectCategoryGroup } from '../core/export-volumes';
import { judgeHops, type JudgedHops } from './judge-hop';
import { indexOn, toSnapshotIndex, type SnapshotIndex } from '../core/snapshot-index';
import { regimesFollowingInto, restrictingRegimesOf } from '../core/regime-territory';
import { sortedUnique } from '../core/sorted-unique';
import { traverseActivity, type ConsentGate, type HopFacts } from '../core/traverse-activity';
import { TransferRouteAccumulator, type TransferRoute } from './transfer-routes';

export interface InventoryHopOptions {
  /** ISO timestamp the question is asked about. */
  asOf: string;
  /** As for computeDataFlows: DEFAULT_MAX_DEPTH when absent, clamped to 0..MAX_DEPTH. */
  maxDepth?: number;
  /** The stored persons, grouped by their set of subject categories: counted per handler for the PIPL volume thresholds. */
  personGroups?: readonly SubjectCategoryGroup[];
  /** Activities a stored child under 14 is a subject of (PIPL Art. 28: their data is sensitive). */
  childActivityIds?: ReadonlySet<string>;
  /**
   * Per activity, the countries its subjects are known to live in (the residences of the stored
   * persons it concerns): the regimes of those residences follow the data, as for one person.
   */
  residencesByActivity?: ReadonlyMap<string, readonly string[]>;
  /**
   * Called before the first activity and every few after: throws to end the walk, so that a
   * question whose request was abandoned stops taking the CPU.
   */
  checkDeadline?: () => void;
}

/** Activities walked between two checks of the deadline: a check costs far less than one activity. */
const ACTIVITIES_PER_DEADLINE_CHECK = 8;

/**
 * Whole-map walks this process has started and ended (finished or stopped), and the activities
 * they judged: what tests read to see that aliases share a walk and that a walk stops with its
 * request.
 */
export const inventoryWalkCounters = { started: 0, ended: 0, activities: 0 };

export interface TransferFilter {
  /** Only transfers under this regime: governed by it, to a country outside its territory. */
  regime?: string;
  destinationCountry?: string;
  mechanism?: TransferMechanism;
  lawful?: boolean;
  verdict?: HopVerdict;
}

export interface CategoryRecipient {
  partyId: string;
  countries: string[];
}

/** Without a person, every flow is taken to happen: the question is what the map allows. */
const everyConsentHeld: ConsentGate = () => ({ followed: true, consentHeld: true });

/**
 * Every hop of every activity in force, as if a person of every kind had given every consent:
 * from each controller with all the activity's categories. No residence is known, so the regimes
 * that follow the data are those of the countries it has been held in, from the controller's on:
 * data collected by a controller in China stays under PIPL down the chain, and a hop out of a
 * processor in the EEA is under GDPR. One activity at a time, so that a caller keeps only what it
 * needs of each (a whole large map's hops and findings at once take hundreds of megabytes).
 */
function forEachActivityJudged(index: SnapshotIndex, options: InventoryHopOptions, visit: (activity: SnapshotActivity, judged: JudgedHops, facts: MapFacts) => void): void {
  inventoryWalkCounters.started += 1;
  try {
    walkActivities(index, options, visit);
  } finally {
    inventoryWalkCounters.ended += 1;
  }
}

/**
 * Two passes: the PIPL thresholds compare what a handler exports across all its activities, so
 * every export is counted (traversed, not judged) before any hop is judged; then every activity
 * is traversed again and judged. Keeping the first pass's hops instead would hold the whole map's.
 */
function walkActivities(source: SnapshotIndex, options: InventoryHopOptions, visit: (activity: SnapshotActivity, judged: JudgedHops, facts: MapFacts) => void): void {
  const { date } = readAsOf(options.asOf);
  const index = indexOn(source, date);
  const counter = new ExportVolumeCounter(index);
  forEachActivityTraversed(index, options, date, (_activity, traversed) => counter.add(traversed));
  const facts: MapFacts = { handlerVolumes: counter.volumes(options.personGroups ?? []), childActivityIds: options.childActivityIds };
  forEachActivityTraversed(index, options, date, (activity, traversed) => {
    inventoryWalkCounters.activities += 1;
    visit(activity, judgeHops(index, traversed, date, null, facts), facts);
  });
}

function forEachActivityTraversed(index: SnapshotIndex, options: InventoryHopOptions, date: string, visit: (activity: SnapshotActivity, traversed: HopFacts[]) => void): void {
  const maxDepth = clampDepth(options.maxDepth);
  let walked = 0;
  for (const activity of index.activities) {
    if (!isInForce(activity.effectiveFrom, activity.effectiveTo, date)) continue;
    if (walked % ACTIVITIES_PER_DEADLINE_CHECK === 0) options.checkDeadline?.();
    walked += 1;
    const traversed = traverseActivity({
      index,
      activity,
      date,
      maxDepth,
      consentGate: everyConsentHeld,
      followingRegimes: regimesFollowingInto(activity, restrictingRegimesOf(options.residencesByActivity?.get(activity.id) ?? [])),
    });
    visit(activity, traversed);
  }
}

/** The hops of every activity in force (see forEachActivityJudged), judged. */
export function computeInventoryHops(source: InventorySnapshot | SnapshotIndex, options: InventoryHopOptions): Hop[] {
  const hops: Hop[] = [];
  forEachActivityJudged(toSnapshotIndex(source), options, (_activity, judged) => hops.push(...judged.hops));
  return hops;
}

/** The map's hops summed up per pair of countries (see TransferRouteAccumulator), one activity at a time. */
export function inventoryTransferRoutes(source: InventorySnapshot | SnapshotIndex, options: InventoryHopOptions): TransferRoute[] {
  const routes = new TransferRouteAccumulator();
  forEachActivityJudged(toSnapshotIndex(source), options, (_activity, judged) => {
    for (const hop of judged.hops) routes.add(hop);
  });
  return routes.routesSoFar();
}

/**
 * Inventory-wide findings: every hop's and every activity in force's, one per rule and subjects,
 * most severe first. Repeats are dropped activity by activity: every finding names its activity.
 */
export function inventoryFindingsOf(source: InventorySnapshot | SnapshotIndex, options: InventoryHopOptions): Finding[] {
  const { date } = readAsOf(options.asOf);
  const index = indexOn(source, date);
  const findings: Finding[] = [];
  forEachActivityJudged(index, options, (activity, judged, facts) => {
    const activityFindings = evaluateActivityRules(activityRuleContext(index, activity, date, judged.hops, null, facts));
    for (const finding of firstOfEach([...judged.findings, ...activityFindings])) findings.push(finding);
  });
  return findings.sort(compareFindings);
}

/**
 * Whether a hop is a restricted transfer under some regime, and passes the filter. Crossing a
 * border is not enough: IE -> BE stays inside the EEA, no GDPR Chapter V transfer; an onward
 * transfer from one US party to another of an EU resident's data crosses no border but is one.
 */
function isTransfer(hop: Hop, filter: TransferFilter): boolean {
  return (
    hop.transferRegimes.length > 0 &&
    (filter.regime === undefined || hop.transferRegimes.includes(filter.regime)) &&
    (filter.destinationCountry === undefined || hop.toCountries.includes(filter.destinationCountry)) &&
    (filter.mechanism === undefined || hop.mechanism === filter.mechanism) &&
    (filter.lawful === undefined || hop.lawful === filter.lawful) &&
    (filter.verdict === undefined || hop.verdict === filter.verdict)
  );
}

/** The transfers among some hops, narrowed by the filter. */
export function crossBorderTransfers(hops: readonly Hop[], filter: TransferFilter = {}): Hop[] {
  return hops.filter((hop) => isTransfer(hop, filter));
}

/**
 * The map's transfers at positions [start, start + size) in walk order, and how many there are
 * in all: only the window is kept, however large the map.
 */
export function inventoryTransferWindow(
  source: InventorySnapshot | SnapshotIndex,
  options: InventoryHopOptions,
  filter: TransferFilter,
  window: { start: number; size: number },
): { hops: Hop[]; totalCount: number } {
  const hops: Hop[] = [];
  let totalCount = 0;
  forEachActivityJudged(toSnapshotIndex(source), options, (_activity, judged) => {
    for (const hop of judged.hops) {
      if (!isTransfer(hop, filter)) continue;
      if (totalCount >= window.start && hops.length < window.size) hops.push(hop);
      totalCount += 1;
    }
  });
  return { hops, totalCount };
}

/** Parties a hop gives the category or a category under it, with the countries they receive it in, by party id. */
export function recipientsOfCategory(
  source: InventorySnapshot | SnapshotIndex,
  hops: readonly Hop[],
  categoryId: string,
): CategoryRecipient[] {
  const index = toSnapshotIndex(source);
  const countriesByParty = new Map<string, string[]>();
  for (const hop of hops) {
    if (!includesCategory(index, hop.categoryIds, categoryId)) continue;
    countriesByParty.set(hop.toPartyId, [...(countriesByParty.get(hop.toPartyId) ?? []), ...hop.toCountries]);
  }
  return [...countriesByParty]
    .map(([partyId, countries]) => ({ partyId, countries: sortedUnique(countries) }))
    .sort((a, b) => (a.partyId < b.partyId ? -1 : 1));
}
