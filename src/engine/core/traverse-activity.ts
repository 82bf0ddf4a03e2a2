import { isInForce } from '../../common/dates';
import type { LegalBasis } from '../../domain/legal-basis';
import { safeguardNotes } from './anonymisation';
import { carriedCategories } from './category-tree';
import type { Hop } from './data-flow-answer';
import type { SnapshotActivity, SnapshotFlow } from './inventory-snapshot';
import { sortedUnique } from './sorted-unique';
import { restrictingRegimesOf, transferRegimesOf } from './regime-territory';
import { flowsOutOf, requireParty, type SnapshotIndex } from './snapshot-index';

/** A hop as the traversal finds it, before the rules judge whether it is lawful. */
export type HopFacts = Omit<Hop, 'verdict' | 'destinationVerdicts' | 'lawful' | 'findings' | 'reasons' | 'reliedOnMechanisms' | 'mechanismTrials'>;

export interface FlowPassage {
  /** Whether the flow happens for this person at all. */
  followed: boolean;
  /** Whether they hold the consent the hop's basis needs (true when it needs none). */
  consentHeld: boolean;
}

/** Decides, for whoever is asked about, whether a flow happens and whether its consent is held. */
export type ConsentGate = (flow: SnapshotFlow, legalBasis: LegalBasis) => FlowPassage;

export interface ActivityTraversal {
  index: SnapshotIndex;
  activity: SnapshotActivity;
  /** 'YYYY-MM-DD': flows in force on this day are followed. */
  date: string;
  maxDepth: number;
  consentGate: ConsentGate;
  /** Regimes that follow the data whatever its path: those of the person's residence, if any. */
  followingRegimes: readonly string[];
}

/** A party holding some of the data somewhere, reached along some path. */
interface Holder {
  partyId: string;
  categoryIds: string[];
  /** Where the party holds this data: the controller's countries, then those the last hop reached. */
  heldIn: string[];
  /**
   * Regimes that follow the data from here on: the person's, and those of every country the data
   * has been held in. Data exported from the EEA stays under GDPR Chapter V for onward transfers
   * (GDPR Art. 44), and data collected in mainland China stays under PIPL (Art. 38; the standard
   * contract binds the recipient's onward provision).
   */
  followingRegimes: string[];
  depth: number;
}

/** The activity's categories, required and optional alike, sorted without repeats. */
export function activityCategoryIds(activity: SnapshotActivity): string[] {
  return sortedUnique(activity.categories.map((category) => category.categoryId));
}

/**
 * Every hop the activity's data takes from its controller, breadth first so each hop has its
 * shortest depth, flows taken in key order so the answer is deterministic. A holder state
 * (party, categories, countries, following regimes) is expanded once: a cycle A→B→A records the
 * hop back to A and stops, and as there are finitely many states the walk always ends. Countries
 * and regimes belong to the state because the same party holding the same data elsewhere sends it
 * on from other countries, under other regimes.
 */
export function traverseActivity(traversal: ActivityTraversal): HopFacts[] {
  const controller = requireParty(traversal.index, traversal.activity.controllerId);
  const heldIn = sortedUnique(controller.countries);
  const start: Holder = {
    partyId: controller.id,
    categoryIds: activityCategoryIds(traversal.activity),
    heldIn,
    followingRegimes: sortedUnique([...traversal.followingRegimes, ...restrictingRegimesOf(heldIn)]),
    depth: 0,
  };
  const expanded = new Set([holderKey(start)]);
  const queue = [start];
  const hops: HopFacts[] = [];
  for (let next = 0; next < queue.length; next += 1) {
    const holder = queue[next];
    if (holder.depth >= traversal.maxDepth) continue;
    for (const flow of flowsOutOf(traversal.index, traversal.activity.id, holder.partyId)) {
      const hop = hopAlong(traversal, holder, flow);
      if (hop === null) continue;
      hops.push(hop);
      const receiver = holderAfter(hop);
      const key = holderKey(receiver);
      if (!expanded.has(key)) {
        expanded.add(key);
        queue.push(receiver);
      }
    }
  }
  return hops;
}

function hopAlong(traversal: ActivityTraversal, holder: Holder, flow: SnapshotFlow): HopFacts | null {
  if (!isInForce(flow.effectiveFrom, flow.effectiveTo, traversal.date)) return null;
  const legalBasis = flow.legalBasis ?? traversal.activity.legalBasis;
  const passage = traversal.consentGate(flow, legalBasis);
  if (!passage.followed) return null;
  const categoryIds = carriedCategories(traversal.index, holder.categoryIds, flow.categoryIds);
  if (categoryIds.length === 0) return null;
  const receiver = requireParty(traversal.index, flow.toId);
  const toCountries = sortedUnique(flow.countries.length > 0 ? flow.countries : receiver.countries);
  return {
    flowId: flow.id,
    activityId: flow.activityId,
    fromPartyId: holder.partyId,
    toPartyId: receiver.id,
    depth: holder.depth + 1,
    categoryIds,
    legalBasis,
    consentRequired: flow.consentRequired,
    consentHeld: passage.consentHeld,
    fromCountries: holder.heldIn,
    toCountries,
    crossesBorder: toCountries.some((country) => !holder.heldIn.includes(country)),
    regimes: holder.followingRegimes,
    transferRegimes: transferRegimesOf(holder.followingRegimes, toCountries),
    mechanisms: flow.mechanisms.map((entry) => entry.mechanism),
    mechanism: flow.mechanisms[0]?.mechanism ?? null,
    safeguards: [...flow.safeguards],
    notes: safeguardNotes(flow.safeguards),
  };
}

function holderAfter(hop: HopFacts): Holder {
  return {
    partyId: hop.toPartyId,
    categoryIds: hop.categoryIds,
    heldIn: hop.toCountries,
    followingRegimes: sortedUnique([...hop.regimes, ...restrictingRegimesOf(hop.toCountries)]),
    depth: hop.depth,
  };
}

function holderKey(holder: Holder): string {
  return [holder.partyId, holder.categoryIds.join(','), holder.heldIn.join(','), holder.followingRegimes.join(',')].join('|');
}
