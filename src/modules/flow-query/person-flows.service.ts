import type { DataSource } from 'typeorm';
import { ageWhereTheyLive } from '../../common/dates';
import { ProblemList } from '../../common/errors';
import { clampDepth, computeDataFlows } from '../../engine/answers/compute-data-flows';
import type { ConsentRecord, SubjectProfile } from '../../engine/core/inventory-snapshot';
import type { ConsentEntry } from '../../domain/inventory-document';
import type { StoredProfile, StoredProfileAtRevision } from '../person/person.service';
import { validateCountry } from '../registry/entry-validation';
import type { DataFlowMap } from './flow-query.type';
import { answerView } from './engine-view';
import { engineView, engineViewAt } from './engine-view-cache';
import { resolvedAsOf, type FlowQueryOptions } from './flow-query-options';

/**
 * Where a stored person's data flows; null when there is no such person. With the profile read
 * (readStoredProfiles), the answer needs no other statement while the inventory is unchanged.
 */
export async function personDataFlows(dataSource: DataSource, stored: StoredProfileAtRevision | null, options: FlowQueryOptions): Promise<DataFlowMap | null> {
  if (!stored) return null;
  const view = await engineViewAt(dataSource, stored.inventoryRevision);
  const asOf = resolvedAsOf(options);
  const maxDepth = clampDepth(options.maxDepth ?? undefined);
  return answerView(view, computeDataFlows(view.index, profileOf(stored, asOf), { asOf, maxDepth, personId: stored.person.externalId }), maxDepth);
}

/** What the engine knows of a stored person at an instant: their age is counted where they live. */
export function profileOf(stored: StoredProfile, asOf: string): SubjectProfile {
  return {
    countryOfResidence: stored.person.countryOfResidence,
    subjectCategoryIds: stored.subjectCategoryIds,
    ageInYears: stored.person.dateOfBirth ? ageWhereTheyLive(stored.person.dateOfBirth, asOf, stored.person.countryOfResidence) : null,
    consents: stored.consents,
  };
}

export interface ProfileQuestion {
  subjectCategories: string[];
  countryOfResidence: string;
  age?: number | null;
  consents?: ConsentEntry[];
}

/** The same question for a kind of person that is not stored. */
export async function profileDataFlows(dataSource: DataSource, question: ProfileQuestion, options: FlowQueryOptions): Promise<DataFlowMap> {
  const view = await engineView(dataSource);
  const problems = new ProblemList();
  validateCountry(question.countryOfResidence, 'profile.countryOfResidence', problems);
  const subjectCategoryIds = question.subjectCategories.map((key, index) => {
    const id = view.idsByKey.subjectCategories.get(key);
    if (!id) problems.add(`profile.subjectCategories[${index}]`, `no subject category '${key}'`);
    return id ?? '';
  });
  const consents: ConsentRecord[] = (question.consents ?? []).map((consent, index) => {
    const activityId = consent.activity ? view.idsByKey.activities.get(consent.activity) : null;
    const flowId = consent.flow ? view.idsByKey.flows.get(consent.flow) : null;
    if ((consent.activity && !activityId) || (consent.flow && !flowId) || (!consent.activity === !consent.flow)) {
      problems.add(`profile.consents[${index}]`, 'must name exactly one existing activity or flow');
    }
    return {
      activityId: activityId ?? null,
      flowId: flowId ?? null,
      kind: consent.kind,
      givenByGuardian: consent.givenByGuardian ?? false,
      givenAt: consent.givenAt,
      withdrawnAt: consent.withdrawnAt ?? null,
    };
  });
  if (question.age !== undefined && question.age !== null && (question.age < 0 || question.age > 150)) problems.add('profile.age', 'must be between 0 and 150');
  problems.throwIfAny();
  const maxDepth = clampDepth(options.maxDepth ?? undefined);
  const answer = computeDataFlows(
    view.index,
    { countryOfResidence: question.countryOfResidence, subjectCategoryIds, ageInYears: question.age ?? null, consents },
    { asOf: resolvedAsOf(options), maxDepth },
  );
  return answerView(view, answer, maxDepth);
}
