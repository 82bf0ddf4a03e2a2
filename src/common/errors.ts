import { GraphQLError } from 'graphql';

/** Every error a client can see carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** A key that must be unique is taken. */
  DUPLICATE_KEY = 'DUPLICATE_KEY',
  /** A delete that would leave something pointing at nothing. */
  STILL_REFERENCED = 'STILL_REFERENCED',
  /** An update based on a version that is no longer current. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  TIMEOUT = 'TIMEOUT',
  /** Too many failed authentications from one client address; retry after the `Retry-After` seconds. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The server runs only its trusted documents, and this operation is not one of them. */
  PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED',
  /** Nothing was written; retrying is safe. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * The connection to the database was lost while the transaction was committing: the write may
   * or may not have committed. Read before retrying, or retry only a write that is safe to repeat.
   */
  OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Path of the offending field in the input, e.g. 'input.countries[1]'. */
  field: string;
  message: string;
}

/** A client error: the code, a message naming the field, and every problem found at once. */
export class FlowmapError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export function badInput(problems: FieldProblem[]): FlowmapError {
  const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new FlowmapError(ErrorCode.BAD_USER_INPUT, message, { problems });
}

export function notFound(what: string, field: string, value: string): FlowmapError {
  return new FlowmapError(ErrorCode.NOT_FOUND, `${field}: no ${what} '${value}'`, { field });
}

export function duplicateKey(what: string, field: string, key: string): FlowmapError {
  return new FlowmapError(ErrorCode.DUPLICATE_KEY, `${field}: a ${what} with key '${key}' already exists`, { field });
}

export function stillReferenced(what: string, key: string, referrers: string[]): FlowmapError {
  return new FlowmapError(
    ErrorCode.STILL_REFERENCED,
    `${what} '${key}' is still referred to by ${referrers.join(', ')}`,
    { referrers },
  );
}

export function versionConflict(what: string, key: string, currentVersion: number): FlowmapError {
  return new FlowmapError(
    ErrorCode.VERSION_CONFLICT,
    `expectedVersion: ${what} '${key}' is at version ${currentVersion}`,
    { field: 'expectedVersion', currentVersion },
  );
}

/** Collects field problems so that one error lists all of them. */
export class ProblemList {
  readonly problems: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  throwIfAny(): void {
    if (this.problems.length > 0) throw badInput(this.problems);
  }
}
