import { isInPeriod } from '../../common/dates';
import { sortedUnique } from './sorted-unique';
import type { InventorySnapshot, SnapshotActivity, SnapshotFlow, SnapshotParty } from './inventory-snapshot';

/**
 * Lookups over one snapshot, built once and reusable for every question asked of it: a caller
 * that answers many persons against the same inventory builds this once and caches it.
 */
export interface SnapshotIndex {
  readonly snapshot: InventorySnapshot;
  /** Flows keyed by `senderKey(activityId, fromId)`, each list sorted by flow key. */
  readonly flowsBySender: ReadonlyMap<string, readonly SnapshotFlow[]>;
  /** Every activity, sorted by key. */
  readonly activities: readonly SnapshotActivity[];
  /** Activities concerning each subject category, sorted by key. */
  readonly activitiesBySubjectCategory: ReadonlyMap<string, readonly SnapshotActivity[]>;
  /** For each data category: itself, then its parent, grandparent, ... up to the root. */
  readonly ancestorsOrSelf: ReadonlyMap<string, readonly string[]>;
  /** Categories that are GDPR Art. 9 special categories themselves or under one. */
  readonly gdprSpecialCategoryIds: ReadonlySet<string>;
  /** Categories that are PIPL Art. 28 sensitive personal information themselves or under one. */
  readonly piplSensitiveCategoryIds: ReadonlySet<string>;
}

export function indexSnapshot(snapshot: InventorySnapshot): SnapshotIndex {
  const ancestorsOrSelf = indexAncestors(snapshot);
  const flaggedUnder = (isFlagged: (categoryId: string) => boolean): Set<string> =>
    new Set([...ancestorsOrSelf].filter(([, chain]) => chain.some(isFlagged)).map(([categoryId]) => categoryId));
  const activities = [...snapshot.activities.values()].sort(byKeyThenId);
  return {
    snapshot,
    flowsBySender: indexFlowsBySender(snapshot.flows.values()),
    activities,
    activitiesBySubjectCategory: indexActivitiesBySubjectCategory(activities),
    ancestorsOrSelf,
    gdprSpecialCategoryIds: flaggedUnder((id) => snapshot.categories.get(id)?.gdprSpecial === true),
    piplSensitiveCategoryIds: flaggedUnder((id) => snapshot.categories.get(id)?.piplSensitive === true),
  };
}

/** Accepts either a snapshot or its index, so that callers may cache the index. */
export function toSnapshotIndex(source: InventorySnapshot | SnapshotIndex): SnapshotIndex {
  return 'flowsBySender' in source ? source : indexSnapshot(source);
}

/** Dated views already made of each index, by date; a few dates per revision are asked about. */
const datedViews = new WeakMap<SnapshotIndex, Map<string, SnapshotIndex>>();
const DATED_VIEWS_KEPT = 16;

/**
 * The index as the map stood on `on` ('YYYY-MM-DD'): each party with the countries it held that
 * day, so that every walk and rule reading `party.countries` reads them as of the question.
 */
export function indexOn(source: InventorySnapshot | SnapshotIndex, on: string): SnapshotIndex {
  const index = toSnapshotIndex(source);
  const views = datedViews.get(index) ?? new Map<string, SnapshotIndex>();
  datedViews.set(index, views);
  const kept = views.get(on);
  if (kept) return kept;
  const parties = new Map<string, SnapshotParty>();
  for (const [id, party] of index.snapshot.parties) {
    const periods = party.countryPeriods;
    const countries = periods ? sortedUnique(periods.filter((period) => isInPeriod(period.effectiveFrom, period.effectiveTo, on)).map((period) => period.country)) : party.countries;
    parties.set(id, { ...party, countries });
  }
  const view: SnapshotIndex = { ...index, snapshot: { ...index.snapshot, parties } };
  if (views.size >= DATED_VIEWS_KEPT) views.delete(views.keys().next().value as string);
  views.set(on, view);
  return view;
}

export function senderKey(activityId: string, fromId: string): string {
  return `${activityId}\u0000${fromId}`;
}

/** The flows of an activity that leave a party, in flow-key order (in force or not). */
export function flowsOutOf(index: SnapshotIndex, activityId: string, fromId: string): readonly SnapshotFlow[] {
  return index.flowsBySender.get(senderKey(activityId, fromId)) ?? [];
}

export function requireParty(index: SnapshotIndex, partyId: string): SnapshotParty {
  const party = index.snapshot.parties.get(partyId);
  if (!party) throw new Error(`inventory snapshot is inconsistent: no party '${partyId}'`);
  return party;
}

export function requireFlow(index: SnapshotIndex, flowId: string): SnapshotFlow {
  const flow = index.snapshot.flows.get(flowId);
  if (!flow) throw new Error(`inventory snapshot is inconsistent: no flow '${flowId}'`);
  return flow;
}

export function requireActivity(index: SnapshotIndex, activityId: string): SnapshotActivity {
  const activity = index.snapshot.activities.get(activityId);
  if (!activity) throw new Error(`inventory snapshot is inconsistent: no activity '${activityId}'`);
  return activity;
}

/** Orders records by key, then id: the order answers list activities and flows in. */
export function byKeyThenId(a: { key: string; id: string }, b: { key: string; id: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function indexFlowsBySender(flows: Iterable<SnapshotFlow>): Map<string, SnapshotFlow[]> {
  const bySender = new Map<string, SnapshotFlow[]>();
  for (const flow of flows) {
    const key = senderKey(flow.activityId, flow.fromId);
    const list = bySender.get(key);
    if (list) list.push(flow);
    else bySender.set(key, [flow]);
  }
  for (const list of bySender.values()) list.sort(byKeyThenId);
  return bySender;
}

function indexActivitiesBySubjectCategory(activities: readonly SnapshotActivity[]): Map<string, SnapshotActivity[]> {
  const bySubjectCategory = new Map<string, SnapshotActivity[]>();
  for (const activity of activities) {
    for (const subjectCategoryId of new Set(activity.subjectCategoryIds)) {
      const list = bySubjectCategory.get(subjectCategoryId);
      if (list) list.push(activity);
      else bySubjectCategory.set(subjectCategoryId, [activity]);
    }
  }
  return bySubjectCategory;
}

/** Walks up parentId links; a cycle in bad data stops the walk instead of looping. */
function indexAncestors(snapshot: InventorySnapshot): Map<string, string[]> {
  const ancestors = new Map<string, string[]>();
  for (const categoryId of snapshot.categories.keys()) {
    const chain: string[] = [];
    let current: string | null = categoryId;
    while (current !== null && !chain.includes(current)) {
      chain.push(current);
      current = snapshot.categories.get(current)?.parentId ?? null;
    }
    ancestors.set(categoryId, chain);
  }
  return ancestors;
}
