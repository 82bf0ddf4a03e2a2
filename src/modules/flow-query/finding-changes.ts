import type { DataSource, EntityManager } from 'typeorm';
import { RequestDeadline } from '../../common/request-deadline';
import type { Finding as FindingView } from './flow-query.type';
import { buildEngineView, findingView } from './engine-view';
import { engineView } from './engine-view-cache';
import { findingsOf } from './inventory-findings.service';
import { loadInventorySnapshot } from './load-inventory-snapshot';
import { cachedPersonFacts, NO_PERSON_FACTS, readPersonFacts } from './person-facts';

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
