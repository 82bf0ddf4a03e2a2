import type { DataSource } from 'typeorm';
import { calendarDateOf } from '../../common/dates';
import { ErrorCode, FlowmapError } from '../../common/errors';
import { decodeCursor, encodeCursor, pageDirection, type BidirectionalPageArgs, type Page } from '../../common/pagination';
import { clampDepth, computeDataFlows } from '../../engine/answers/compute-data-flows';
import type { DataFlowAnswer } from '../../engine/core/data-flow-answer';
import { computeInventoryHops } from '../../engine/answers/inventory-flows';
import { indexOn } from '../../engine/core/snapshot-index';
import { readStoredProfilesInCategories, type StoredProfile } from '../person/person.service';
import type { EngineView } from './engine-view';
import { engineView } from './engine-view-cache';
import { resolvedAsOf, type FlowQueryOptions } from './flow-query-options';
import { profileOf } from './person-flows.service';
import { WholeMapMemo } from './whole-map-memo';

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
