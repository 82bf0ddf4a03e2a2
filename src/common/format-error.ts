import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';

/** Codes Apollo Server itself gives to errors that are the client's to fix. */
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...Object.values(ErrorCode),
]);

/** PostgreSQL constraint violations that slipped past validation still deserve a client error. */
const CONSTRAINT_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: ErrorCode.DUPLICATE_KEY, message: 'a value that must be unique is already taken' },
  '23503': { code: ErrorCode.STILL_REFERENCED, message: 'the change would leave a reference to nothing' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'a value is outside what the field allows' },
  '40001': { code: ErrorCode.VERSION_CONFLICT, message: 'a concurrent change conflicted with this one; retry' },
};

interface DriverError {
  code?: string;
  constraint?: string;
}

function driverErrorOf(error: unknown): DriverError | null {
  let current = error as { originalError?: unknown; driverError?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.driverError) return current.driverError as DriverError;
    if ((current as DriverError).code && /^[0-9A-Z]{5}$/.test(String((current as DriverError).code))) return current as DriverError;
    current = current.originalError as typeof current;
  }
  return null;
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
    return { ...formatted, extensions };
  }
  const driverError = driverErrorOf(error);
  const constraintError = driverError?.code ? CONSTRAINT_CODES[driverError.code] : undefined;
  if (constraintError) {
    return {
      message: `${constraintError.message}${driverError?.constraint ? ` (${driverError.constraint})` : ''}`,
      path: formatted.path,
      extensions: { code: constraintError.code, constraint: driverError?.constraint ?? null },
    };
  }
  onInternal(error);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
