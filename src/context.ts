import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { RequestDeadline, withDeadline } from './common/request-deadline';
import { createActivityLoaders } from './modules/activity/activity.loaders';
import type { Role } from './modules/auth/role';
import { createDataCategoryLoaders } from './modules/data-category/data-category.loaders';
import { createEvidenceLoaders } from './modules/evidence/evidence.loaders';
import { createFlowLoaders } from './modules/flow/flow.loaders';
import { WholeMapMemo } from './modules/flow-query/whole-map-memo';
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
  /** The API token's name; recorded as the actor of the changes the request makes. */
  name: string;
  /** The token's role; null for a request without a token, which may ask nothing but the schema. */
  role: Role | null;
}

export const ANONYMOUS: Caller = { name: 'anonymous', role: null };

export interface RequestContext {
  requestId: string;
  caller: Caller;
  dataSource: DataSource;
  loaders: Loaders;
  /** When the request is abandoned; long work on the event loop checks it and stops. */
  deadline: RequestDeadline;
  /** Whole-map judgements, computed once per request however many fields ask for them. */
  wholeMap: WholeMapMemo;
  /** The cost the request's operations have used so far: the operations of a batch share one budget. */
  cost: { spent: number };
  /** The server's logger, for what a use case notes without failing (never request content). */
  logger?: Logger;
}

/** With a time limit, the request's transactions cannot outlive it (see withDeadline), nor its whole-map walks. */
export function createRequestContext(
  dataSource: DataSource,
  caller: Caller,
  requestId: string = randomUUID(),
  limit?: { deadline: number; timeoutMs: number },
  logger?: Logger,
): RequestContext {
  const requestDataSource = limit ? withDeadline(dataSource, limit.deadline, limit.timeoutMs) : dataSource;
  const deadline = limit ? new RequestDeadline(limit.deadline, limit.timeoutMs) : RequestDeadline.NONE;
  return {
    requestId,
    caller,
    dataSource: requestDataSource,
    loaders: createLoaders(requestDataSource),
    deadline,
    wholeMap: new WholeMapMemo(new Date(), deadline),
    cost: { spent: 0 },
    logger,
  };
}
