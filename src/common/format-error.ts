import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';

const FLOWMAP_CODES = new Set<string>(Object.values(ErrorCode));

/** Codes Apollo Server itself gives to errors that are the client's to fix. */
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // Not INTERNAL_SERVER_ERROR: Apollo gives that code to every uncoded error, whose message is not for clients.
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

/**
 * PostgreSQL errors a client can act on: constraint violations that slipped past validation, a
 * statement cancelled at the request's deadline, a connection lost (the server restarting, or a
 * backend terminated).
 */
const DRIVER_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: ErrorCode.DUPLICATE_KEY, message: 'a value that must be unique is already taken' },
  '23503': { code: ErrorCode.STILL_REFERENCED, message: 'the change would leave a reference to nothing' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'a value is outside what the field allows' },
  '40001': { code: ErrorCode.VERSION_CONFLICT, message: 'a concurrent change conflicted with this one; retry' },
  '57014': { code: ErrorCode.TIMEOUT, message: 'the request ran past its time limit; its transaction was rolled back' },
  '57P01': { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the database connection was lost; retry' },
  '57P02': { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the database connection was lost; retry' },
  '57P03': { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the database is not accepting connections yet; retry' },
};

interface DriverError {
  code?: string;
  constraint?: string;
  table?: string;
}

/** TypeORM's errors for a query runner used after its connection failed and was let go. */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** The error and those it wraps: GraphQL's originalError, TypeORM's driverError. */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error as { originalError?: unknown; driverError?: unknown } | null | undefined;
  while (current && typeof current === 'object' && chain.length < 6 && !chain.includes(current)) {
    chain.push(current);
    current = (current.originalError ?? current.driverError) as typeof current;
  }
  return chain;
}

function isConnectionLost(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code);
  return (
    DRIVER_CODES[code]?.code === ErrorCode.SERVICE_UNAVAILABLE ||
    /^08/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    (error instanceof Error && (RELEASED_RUNNER_ERRORS.has(error.name) || /Connection terminated|not queryable/i.test(error.message)))
  );
}

/** Errors of the network or of a connection PostgreSQL closed: nothing the client did wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(isConnectionLost);
}

/**
 * The connection was lost while COMMIT was under way: PostgreSQL may have committed before the
 * answer was lost, so "nothing happened; retry" would be a guess. TypeORM's QueryFailedError
 * names the statement that failed. A query runner already released never sends its COMMIT: its
 * session is gone, so the transaction was rolled back, and that stays SERVICE_UNAVAILABLE.
 */
export function isCommitOutcomeUnknown(error: unknown): boolean {
  const chain = errorChain(error);
  return chain.some((cause) => (cause as { query?: unknown }).query === 'COMMIT') && chain.some(isConnectionLost);
}

/**
 * An error as the logs keep it: its kind, database codes and stack frames. Not its message, which
 * may quote a value (a date that did not parse, a JSON snippet), nor a statement's parameters.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const driverError = driverErrorOf(error);
  return {
    type: error instanceof Error ? error.constructor.name : typeof error,
    code: driverError?.code ?? (error as { code?: unknown } | null)?.code,
    table: driverError?.table,
    constraint: driverError?.constraint,
    stack: error instanceof Error ? error.stack?.split('\n').slice(1).join('\n') : undefined,
  };
}

/** Apollo gives errors of validation rules its own code; a code of ours underneath wins. */
function wrappedCode(error: unknown): string | undefined {
  const code = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError?.extensions?.code;
  return typeof code === 'string' && FLOWMAP_CODES.has(code) ? code : undefined;
}

function driverErrorOf(error: unknown): DriverError | null {
  let current = error as { originalError?: unknown; driverError?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.driverError) return current.driverError;
    if ((current as DriverError).code && /^[0-9A-Z]{5}$/.test(String((current as DriverError).code))) return current as DriverError;
    current = current.originalError as typeof current;
  }
  return null;
}

/** The fields of the request that Apollo's own uncoded errors are about. */
const APOLLO_REQUEST_FIELDS: Record<string, string> = {
  'provided sha does not match query': 'extensions.persistedQuery.sha256Hash',
  'Unsupported persisted query version': 'extensions.persistedQuery.version',
};

/**
 * Apollo refuses some requests (a persisted query whose hash does not match its query, or of
 * another version) with an error that has an HTTP status of 400 but no code, which it would
 * then report as INTERNAL_SERVER_ERROR. Only errors raised before execution have no path.
 */
function apolloRequestError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const status = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined)?.status : undefined;
  if (status !== 400 || formatted.path !== undefined || (error as GraphQLError).originalError) return null;
  const field = APOLLO_REQUEST_FIELDS[formatted.message] ?? 'request';
  return { message: `${field}: ${formatted.message}`, extensions: { code: ErrorCode.BAD_USER_INPUT, field } };
}

/**
 * What a client sees of an error: our coded errors and Apollo's client errors as they are,
 * constraint violations as coded errors naming the constraint, anything else as an internal
 * error without detail (it is logged with the request id instead).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, onInternal: (error: unknown) => void): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code: wrappedCode(error) ?? code } };
  }
  const refusedRequest = apolloRequestError(formatted, error);
  if (refusedRequest) return refusedRequest;
  if (isCommitOutcomeUnknown(error)) {
    return {
      message: 'the database connection was lost while the transaction was committing: the change may have been made; read before retrying',
      path: formatted.path,
      extensions: { code: ErrorCode.OUTCOME_UNKNOWN },
    };
  }
  const driverError = driverErrorOf(error);
  const known = driverError?.code ? DRIVER_CODES[driverError.code] : undefined;
  if (known) {
    return {
      message: `${known.message}${driverError?.constraint ? ` (${driverError.constraint})` : ''}`,
      path: formatted.path,
      extensions: { code: known.code, ...(driverError?.constraint ? { constraint: driverError.constraint } : {}) },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return { message: 'the database is unavailable; retry', path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  onInternal(error);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
