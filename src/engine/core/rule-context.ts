import type { SnapshotActivity, SnapshotFlow, SnapshotParty, EvidenceRecord, SnapshotMechanism } from './inventory-snapshot';
import { exportingHandlerId, type HandlerVolumes } from './export-volumes';
import { isUnderConsentAge, type PersonContext } from './person-context';
import { regimesFollowingInto, restrictingRegimesOf } from './regime-territory';
import { requireActivity, requireFlow, requireParty, type SnapshotIndex } from './snapshot-index';
import type { HopFacts } from './traverse-activity';

/** What a hop rule sees: the hop and the records behind it. */
export interface HopRuleContext {
  index: SnapshotIndex;
  /** 'YYYY-MM-DD': the day asked about. */
  date: string;
  /** The hop, its `mechanism` being the one under judgement. */
  hop: HopFacts;
  flow: SnapshotFlow;
  /** The flow's mechanism entry under judgement (the first, or a fallback being tried); null when the flow names none. */
  mechanismEntry: SnapshotMechanism | null;
  activity: SnapshotActivity;
  sender: SnapshotParty;
  receiver: SnapshotParty;
  /** The person whose data travels; null for inventory-wide questions, where every consent counts as held. */
  person: PersonContext | null;
  /**
   * Persons whose personal information the hop's handler has exported since 1 January, across all
   * its exporting flows (see ExportVolumeCounter); without a walk of the whole map, the flow's own
   * declaration.
   */
  annualSubjects: number | null;
  /** The data is a child's under 14 and PIPL governs it: all of it is sensitive (PIPL Art. 28). */
  carriesChildData: boolean;
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
  /** The activity handles a child's data under 14 and PIPL governs it: all of it is sensitive (PIPL Art. 28). */
  concernsChild: boolean;
}

/** What a person rule sees: one activity in force that concerns them, whether it collects their data or not. */
export interface PersonRuleContext {
  index: SnapshotIndex;
  activity: SnapshotActivity;
  person: PersonContext;
}

/**
 * What a walk of the whole map knows beyond one hop or activity, counted from the map and the
 * stored persons before the rules judge.
 */
export interface MapFacts {
  handlerVolumes?: HandlerVolumes;
  /** Activities some stored child under 14 is a subject of, where PIPL governs the child's data. */
  childActivityIds?: ReadonlySet<string>;
}

/** A child under 14, whose personal information is all sensitive (PIPL Art. 28); PIPL Art. 31 sets the same age for consent. */
export function isPiplChild(person: PersonContext | null): boolean {
  return person !== null && isUnderConsentAge(person.profile, 'PIPL');
}

export function hopRuleContext(
  index: SnapshotIndex,
  hop: HopFacts,
  date: string,
  person: PersonContext | null,
  facts: MapFacts = {},
  mechanismEntry: SnapshotMechanism | null = requireFlow(index, hop.flowId).mechanisms[0] ?? null,
): HopRuleContext {
  const flow = requireFlow(index, hop.flowId);
  const governedByPipl = hop.regimes.includes('PIPL');
  return {
    index,
    date,
    hop,
    flow,
    mechanismEntry,
    activity: requireActivity(index, hop.activityId),
    sender: requireParty(index, hop.fromPartyId),
    receiver: requireParty(index, hop.toPartyId),
    person,
    annualSubjects: facts.handlerVolumes?.get(exportingHandlerId(index, hop)) ?? flow.annualSubjects,
    carriesChildData: governedByPipl && (isPiplChild(person) || (facts.childActivityIds?.has(hop.activityId) ?? false)),
  };
}

/** The evidence of the mechanism under judgement: its own and the flow's, which counts for every mechanism. */
export function mechanismEvidence(context: HopRuleContext): EvidenceRecord[] {
  return context.mechanismEntry === null ? context.flow.evidence : [...context.flow.evidence, ...context.mechanismEntry.evidence];
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
  facts: MapFacts = {},
): ActivityRuleContext {
  const regimes = activityRegimes(index, activity, person);
  const concernsChild = regimes.includes('PIPL') && (isPiplChild(person) || (facts.childActivityIds?.has(activity.id) ?? false));
  return { index, date, activity, regimes, hops, person, concernsChild };
}

/** Regimes governing an activity: those of the controller's countries (PIPL Art. 3(1)) and, for a person, of their residence (Art. 3(2)). */
export function activityRegimes(index: SnapshotIndex, activity: SnapshotActivity, person: PersonContext | null): string[] {
  const controller = requireParty(index, activity.controllerId);
  return [...new Set([...restrictingRegimesOf(controller.countries), ...regimesFollowingInto(activity, person?.followingRegimes ?? [])])].sort();
}
