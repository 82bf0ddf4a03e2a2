import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createActivityLoaders } from './modules/activity/activity.loaders';
import { createDataCategoryLoaders } from './modules/data-category/data-category.loaders';
import { createEvidenceLoaders } from './modules/evidence/evidence.loaders';
import { createFlowLoaders } from './modules/flow/flow.loaders';
import { createPartyLoaders } from './modules/party/party.loaders';
import { createPersonLoaders } from './modules/person/person.loaders';
import { createSubjectCategoryLoaders } from './modules/subject-category/subject-category.loaders';

/** Batching loaders, made anew for every request so that nothing is cached across callers. */
export function createLoaders(dataSource: DataSource) {
  return {
    party: createPartyLoaders(dataSource),
    flow: createFlowLoaders(dataSource),
    activity: createActivityLoaders(dataSource),
    dataCategory: createDataCategoryLoaders(dataSource),
    subjectCategory: createSubjectCategoryLoaders(dataSource),
    evidence: createEvidenceLoaders(dataSource),
    person: createPersonLoaders(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Who is calling. */
export interface Caller {
  /** Recorded as the actor of the changes the request makes. */
  name: string;
}

export interface RequestContext {
  requestId: string;
  caller: Caller;
  dataSource: DataSource;
  loaders: Loaders;
}

export function createRequestContext(dataSource: DataSource, caller: Caller, requestId: string = randomUUID()): RequestContext {
  return { requestId, caller, dataSource, loaders: createLoaders(dataSource) };
}
