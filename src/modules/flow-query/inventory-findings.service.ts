import type { DataSource } from 'typeorm';
import { calendarDateOf } from '../../common/dates';
import { ErrorCode, FlowmapError } from '../../common/errors';
import type { RequestDeadline } from '../../common/request-deadline';
import { paginateList, type Page, type PageArgs } from '../../common/pagination';
import { storedSubjectFindings, type StoredSubject } from '../../engine/answers/compute-data-flows';
import { inventoryFindingsOf } from '../../engine/answers/inventory-flows';
import type { SnapshotIndex } from '../../engine/core/snapshot-index';
import { readProfilesBornAfter } from '../person/person.service';
import { oldestDigitalConsentAge } from '../../domain/regimes';
import { compareFindings, perRuleAndActivity, SEVERITY_ORDER, type Finding, type Severity } from '../../engine/core/finding';
import type { Finding as FindingView } from './flow-query.type';
import { findingView, type EngineView } from './engine-view';
import { engineView } from './engine-view-cache';
import { resolvedAsOf } from './flow-query-options';
import { cachedPersonFacts, NO_PERSON_FACTS, type PersonFacts } from './person-facts';
import { profileOf } from './person-flows.service';
import { WholeMapMemo } from './whole-map-memo';

/*
 * Whole-map questions are remembered in the request's WholeMapMemo under everything their walk
 * reads: the engine view (the inventory revision), the person facts (the person revision) and the
 * calendar day of asOf, the only part of the time the walk compares (readAsOf(...).date); a
 * question that comes to depend on more (the caller's role, the instant) must add it to its key.
 */

export function findingsOf(index: SnapshotIndex, asOf: string, facts: PersonFacts & { childActivityIds?: ReadonlySet<string> }, deadline: RequestDeadline): Finding[] {
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
