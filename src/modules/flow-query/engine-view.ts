import type { DataFlowAnswer, Hop } from '../../engine/core/data-flow-answer';
import type { InventorySnapshot } from '../../engine/core/inventory-snapshot';
import { indexSnapshot, type SnapshotIndex } from '../../engine/core/snapshot-index';
import type { Finding } from '../../engine/core/finding';
import type { DataFlowMap, DataHop, Finding as FindingView } from './flow-query.type';

/**
 * The engine's view of the data map, plus id lookups by key for questions asked in keys. The
 * engine answers in ids; the views below put an answer in keys for the people reading it.
 */
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

export function buildEngineView(snapshot: InventorySnapshot): EngineView {
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

/** Keys instead of ids, for people reading the answer. */
export function findingView(view: EngineView, finding: Finding): FindingView {
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

export function answerView(view: EngineView, answer: DataFlowAnswer, maxDepth: number): DataFlowMap {
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
