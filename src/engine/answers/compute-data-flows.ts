import { isInForce } from '../../common/dates';
import { isConsentBasis, LegalBasis } from '../../domain/legal-basis';
import { distinctFindings, type Finding } from '../core/finding';
import { evaluateActivityRules, evaluatePersonRules } from '../rules/rule-catalogue';
import { activityRegimes, activityRuleContext, isPiplChild } from '../core/rule-context';
import { readAsOf } from '../core/as-of';
import type { Collection, DataFlowAnswer, DataFlowSummary, Hop, RecipientSummary, RefusedCollection } from '../core/data-flow-answer';
import { HopVerdict } from '../core/hop-verdict';
import type { InventorySnapshot, SnapshotActivity, SubjectProfile } from '../core/inventory-snapshot';
import { ageRefusal, personForActivity } from '../core/age-limits';
import { judgeHops } from './judge-hop';
import { holdsConsent, makePersonContext, type PersonContext } from '../core/person-context';
import { regimesFollowingInto } from '../core/regime-territory';
import { sortedUnique } from '../core/sorted-unique';
import { byKeyThenId, indexOn, requireParty, type SnapshotIndex } from '../core/snapshot-index';
import { activityCategoryIds, traverseActivity, type ConsentGate } from '../core/traverse-activity';

/** How many hops from the controller are followed unless the caller asks otherwise. */
export const DEFAULT_MAX_DEPTH = 8;

/**
 * The deepest a caller may ask for. Real chains (controller, processor, sub-processor, their
 * sub-processors) are a handful of hops long; a deeper one is a modelling error, and the answer's
 * size grows with the depth, so larger requests are clamped to this rather than refused.
 */
export const MAX_DEPTH = 16;

export interface DataFlowOptions {
  /** ISO timestamp the question is asked about. */
  asOf: string;
  /** Hops followed from the controller: DEFAULT_MAX_DEPTH when absent, clamped to 0..MAX_DEPTH (0: collections only). */
  maxDepth?: number;
  /** External id of a stored person, named in the findings. */
  personId?: string | null;
}

export function clampDepth(maxDepth: number | undefined): number {
  if (maxDepth === undefined || !Number.isFinite(maxDepth)) return DEFAULT_MAX_DEPTH;
  return Math.min(MAX_DEPTH, Math.max(0, Math.floor(maxDepth)));
}

/**
 * Where a person's data goes as of a moment (docs/design.md, "Where data flows"): the
 * activities that collect it, every hop it takes from their controllers, what is unlawful about
 * each, and the findings that concern the person. Pass an index from indexSnapshot to reuse it
 * across questions.
 */
export function computeDataFlows(
  source: InventorySnapshot | SnapshotIndex,
  profile: SubjectProfile,
  options: DataFlowOptions,
): DataFlowAnswer {
  const asOf = readAsOf(options.asOf);
  const index = indexOn(source, asOf.date);
  const person = makePersonContext(profile, asOf, options.personId ?? null);
  const maxDepth = clampDepth(options.maxDepth);
  const collections: Collection[] = [];
  const refusedCollections: RefusedCollection[] = [];
  const hops: Hop[] = [];
  const findings: Finding[] = [];
  for (const activity of activitiesConcerning(index, profile, asOf.date)) {
    findings.push(...evaluatePersonRules({ index, activity, person }));
    const refusal = ageRefusal(person, activity);
    if (refusal !== null) {
      refusedCollections.push({ activityId: activity.id, ...refusal });
      continue;
    }
    const activityPerson = personForActivity(person, activity);
    if (!collectsFrom(activity, activityPerson)) continue;
    collections.push(collectionOf(index, activity, profile));
    const traversed = traverseActivity({
      index,
      activity,
      date: asOf.date,
      maxDepth,
      consentGate: personConsentGate(activityPerson),
      followingRegimes: regimesFollowingInto(activity, person.followingRegimes),
    });
    const judged = judgeHops(index, traversed, asOf.date, activityPerson);
    hops.push(...judged.hops);
    findings.push(...judged.findings);
    findings.push(...evaluateActivityRules(activityRuleContext(index, activity, asOf.date, judged.hops, activityPerson)));
  }
  return {
    asOf: options.asOf,
    collections,
    refusedCollections,
    partyIds: sortedUnique([...collections.map((collection) => collection.controllerPartyId), ...hops.flatMap((hop) => [hop.fromPartyId, hop.toPartyId])]),
    hops,
    summary: summarise(collections, hops),
    findings: distinctFindings(findings),
  };
}

/** A stored person as the whole-map questions see them. */
export interface StoredSubject {
  personId: string;
  profile: SubjectProfile;
}

/**
 * What the stored persons add to the findings of the whole map: the findings of the person rules
 * (a minor's consent, a child's data), and the activities in force some child under 14 is a
 * subject of where PIPL governs the child's data (PIPL Arts. 3, 28), whose data is then sensitive.
 */
export function storedSubjectFindings(source: InventorySnapshot | SnapshotIndex, subjects: readonly StoredSubject[], asOf: string): { findings: Finding[]; childActivityIds: Set<string> } {
  const at = readAsOf(asOf);
  const index = indexOn(source, at.date);
  const findings: Finding[] = [];
  const childActivityIds = new Set<string>();
  for (const { personId, profile } of subjects) {
    const person = makePersonContext(profile, at, personId);
    for (const activity of activitiesConcerning(index, profile, at.date)) {
      findings.push(...evaluatePersonRules({ index, activity, person }));
      if (isPiplChild(person) && activityRegimes(index, activity, person).includes('PIPL')) childActivityIds.add(activity.id);
    }
  }
  return { findings, childActivityIds };
}

/** Activities in force on the day for any of the person's subject categories, in key order. */
function activitiesConcerning(index: SnapshotIndex, profile: SubjectProfile, date: string): SnapshotActivity[] {
  // From the person's subject categories, not a scan of every activity: the cost of an answer
  // follows what concerns the person, not the size of the map.
  const concerning = new Set(profile.subjectCategoryIds.flatMap((id) => index.activitiesBySubjectCategory.get(id) ?? []));
  return [...concerning]
    .filter((activity) => isInForce(activity.effectiveFrom, activity.effectiveTo, date))
    .sort(byKeyThenId);
}

/** A consent-based activity collects only while the person holds its consent (a separate one for SEPARATE_CONSENT). */
function collectsFrom(activity: SnapshotActivity, person: PersonContext): boolean {
  if (!isConsentBasis(activity.legalBasis)) return true;
  return holdsConsent(person, { activityId: activity.id }, activity.legalBasis === LegalBasis.SEPARATE_CONSENT);
}

/**
 * A consent-gated flow happens only with the person's consent to it. Another flow always happens;
 * when its basis is consent, the consent to the flow or to its activity is what it rests on.
 */
function personConsentGate(person: PersonContext): ConsentGate {
  return (flow, legalBasis) => {
    const separate = legalBasis === LegalBasis.SEPARATE_CONSENT;
    if (flow.consentRequired) {
      const held = holdsConsent(person, { flowId: flow.id }, separate);
      return { followed: held, consentHeld: held };
    }
    if (!isConsentBasis(legalBasis)) return { followed: true, consentHeld: true };
    return { followed: true, consentHeld: holdsConsent(person, { flowId: flow.id, activityId: flow.activityId }, separate) };
  };
}

function collectionOf(index: SnapshotIndex, activity: SnapshotActivity, profile: SubjectProfile): Collection {
  const controller = requireParty(index, activity.controllerId);
  return {
    activityId: activity.id,
    controllerPartyId: controller.id,
    categoryIds: activityCategoryIds(activity),
    legalBasis: activity.legalBasis,
    crossBorderCollection: !controller.countries.includes(profile.countryOfResidence),
    controllerCountries: sortedUnique(controller.countries),
  };
}

function summarise(collections: readonly Collection[], hops: readonly Hop[]): DataFlowSummary {
  return {
    countriesReached: sortedUnique([...collections.flatMap((collection) => collection.controllerCountries), ...hops.flatMap((hop) => hop.toCountries)]),
    recipients: recipientsOf(hops),
    crossBorderHopCount: hops.filter((hop) => hop.crossesBorder).length,
    lawfulHopCount: hops.filter((hop) => hop.verdict === HopVerdict.LAWFUL).length,
    lawfulWithGapsHopCount: hops.filter((hop) => hop.verdict === HopVerdict.LAWFUL_WITH_GAPS).length,
    unlawfulHopCount: hops.filter((hop) => hop.verdict === HopVerdict.UNLAWFUL).length,
    undeterminedHopCount: hops.filter((hop) => hop.verdict === HopVerdict.UNDETERMINED).length,
  };
}

/** Every party a hop reaches (a controller only when data flows back to it), with where and what it receives. */
function recipientsOf(hops: readonly Hop[]): RecipientSummary[] {
  const byParty = new Map<string, { countries: Set<string>; categoryIds: Set<string> }>();
  for (const hop of hops) {
    const received = byParty.get(hop.toPartyId) ?? { countries: new Set<string>(), categoryIds: new Set<string>() };
    hop.toCountries.forEach((country) => received.countries.add(country));
    hop.categoryIds.forEach((categoryId) => received.categoryIds.add(categoryId));
    byParty.set(hop.toPartyId, received);
  }
  return [...byParty]
    .map(([partyId, received]) => ({ partyId, countries: sortedUnique([...received.countries]), categoryIds: sortedUnique([...received.categoryIds]) }))
    .sort((a, b) => (a.partyId < b.partyId ? -1 : 1));
}
