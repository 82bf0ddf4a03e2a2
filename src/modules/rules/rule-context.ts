import type { SnapshotActivity, SnapshotFlow, SnapshotParty } from '../flow-engine/inventory-snapshot';
import type { PersonContext } from '../flow-engine/person-context';
import { regimesFollowingInto, restrictingRegimesOf } from '../flow-engine/regime-territory';
import { requireActivity, requireFlow, requireParty, type SnapshotIndex } from '../flow-engine/snapshot-index';
import type { HopFacts } from '../flow-engine/traverse-activity';

/** What a hop rule sees: the hop and the records behind it. */
export interface HopRuleContext {
  index: SnapshotIndex;
  /** 'YYYY-MM-DD': the day asked about. */
  date: string;
  hop: HopFacts;
  flow: SnapshotFlow;
  activity: SnapshotActivity;
  sender: SnapshotParty;
  receiver: SnapshotParty;
  /** The person whose data travels; null for inventory-wide questions, where every consent counts as held. */
  person: PersonContext | null;
  /** Persons whose data the flow carries since 1 January, declared or counted, whichever is larger. */
  annualSubjects: number | null;
}

/** What an activity rule sees. */
export interface ActivityRuleContext {
  index: SnapshotIndex;
  date: string;
  activity: SnapshotActivity;
  /** Regimes governing the activity: those of the controller's countries and, for a person, of their residence. */
  regimes: readonly string[];
  /** The hops the activity's data takes in this answer. */
  hops: readonly HopFacts[];
  person: PersonContext | null;
}

/** What a person rule sees: one activity in force that concerns them, whether it collects their data or not. */
export interface PersonRuleContext {
  index: SnapshotIndex;
  activity: SnapshotActivity;
  person: PersonContext;
}

/** Volumes counted by the caller: persons per flow since 1 January. */
export type FlowVolumes = ReadonlyMap<string, number>;

export function hopRuleContext(
  index: SnapshotIndex,
  hop: HopFacts,
  date: string,
  person: PersonContext | null,
  volumes?: FlowVolumes,
): HopRuleContext {
  const flow = requireFlow(index, hop.flowId);
  return {
    index,
    date,
    hop,
    flow,
    activity: requireActivity(index, hop.activityId),
    sender: requireParty(index, hop.fromPartyId),
    receiver: requireParty(index, hop.toPartyId),
    person,
    annualSubjects: largestVolume(flow.annualSubjects, volumes?.get(flow.id)),
  };
}

function largestVolume(declared: number | null, counted: number | undefined): number | null {
  if (counted === undefined) return declared;
  return declared === null ? counted : Math.max(declared, counted);
}

/** How messages name a hop: its flow and the parties at both ends, by key. */
export function describeHop(context: HopRuleContext): string {
  return `flow '${context.flow.key}' (${context.sender.key} → ${context.receiver.key})`;
}

/** How messages name categories: by key, falling back to the id. */
export function categoryKeys(index: SnapshotIndex, categoryIds: readonly string[]): string {
  return categoryIds.map((categoryId) => index.snapshot.categories.get(categoryId)?.key ?? categoryId).join(', ');
}

export function activityRuleContext(
  index: SnapshotIndex,
  activity: SnapshotActivity,
  date: string,
  hops: readonly HopFacts[],
  person: PersonContext | null,
): ActivityRuleContext {
  const controller = requireParty(index, activity.controllerId);
  const regimes = new Set([...restrictingRegimesOf(controller.countries), ...regimesFollowingInto(activity, person?.followingRegimes ?? [])]);
  return { index, date, activity, regimes: [...regimes].sort(), hops, person };
}
