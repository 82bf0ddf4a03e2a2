import path from 'node:path';
import { DEFAULT_LIMITS, type Limits } from './common/limits';
import { ConfigError } from './common/config-error';
import { readTrustedDocuments, type TrustedDocuments } from './common/trusted-documents';
import { AUDIT_KEY_MIN_LENGTH } from './modules/audit/audit-key';
import { SECRET_PATTERN } from './modules/auth/api-token.service';
import { DEFAULT_AUTH_FAILURES_PER_MINUTE } from './modules/auth/failed-auth-limiter';
import { DEFAULT_TOKEN_CACHE_SECONDS } from './modules/auth/verified-token-cache';

/** Everything Flowmap reads from the environment, validated once at start-up. */
export interface Config {
  /** A PostgreSQL server to use; when absent, an embedded PostgreSQL is started. */
  databaseUrl: string | null;
  /**
   * Where migrations run (FLOWMAP_OWNER_DATABASE_URL), as the owner of the tables; null runs them
   * over databaseUrl. Requests always run under the role flowmap_server.
   */
  ownerDatabaseUrl: string | null;
  /** The secret that keys the audit chain (FLOWMAP_AUDIT_KEY); null: the embedded database's key file. */
  auditKey: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  embeddedPort: number;
  host: string;
  port: number;
  /** The example inventory loaded into an empty database on first start; 'none' to skip. */
  exampleInventory: string;
  logLevel: string;
  /** A known admin secret (FLOWMAP_ADMIN_TOKEN) whose hash is stored at start-up, for CI and benches. */
  adminToken: string | null;
  /** Whether the schema may be introspected. */
  introspection: boolean;
  /** Browser origins allowed to call the API (CORS); '*' for any; empty for none. */
  corsOrigins: string[];
  /** How long a verified API token is remembered; 0 looks every request's token up. */
  tokenCacheSeconds: number;
  /** Failed authentications a client address may make per minute before it gets 429; 0 for no limit. */
  authFailuresPerMinute: number;
  /** Server processes sharing the port (node:cluster); 1 serves from this process. */
  workers: number;
  /** The only documents the API runs (FLOWMAP_TRUSTED_DOCUMENTS, a persisted-documents manifest); null runs any. */
  trustedDocuments: TrustedDocuments | null;
  limits: Limits;
}

export { ConfigError };

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, range = { max: 65535, what: 'a port number' }): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > range.max) {
    throw new ConfigError(`${name} must be ${range.what}, got '${raw}'`);
  }
  return value;
}

function readPositiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

function readWorkers(env: NodeJS.ProcessEnv): number {
  const range = { max: 64, what: 'a number of processes from 1 to 64' };
  const workers = readInteger(env, 'FLOWMAP_WORKERS', 1, range);
  if (workers === 0) throw new ConfigError(`FLOWMAP_WORKERS must be ${range.what}, got '0'`);
  return workers;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be 'true' or 'false', got '${raw}'`);
  return raw === 'true';
}

/** The least FLOWMAP_ADMIN_TOKEN may carry, as estimated by estimatedSecretBits. */
export const MIN_ADMIN_TOKEN_BITS = 128;

/**
 * A rough upper bound on a secret's entropy: its length times log2 of its alphabet, the alphabet
 * being the character classes it uses (a-z and A-Z 26 each, 0-9 10, '-' and '_' 2), or the number
 * of different characters it uses when that is under 10 ('fm_aaaa...' or 'fm_abcabc...' count for
 * little). It cannot see that a long secret is a word repeated; it refuses the short, the
 * repetitive and the digits-only secrets people type by hand.
 */
export function estimatedSecretBits(secret: string): number {
  const body = secret.replace(/^fm_/, '');
  const classes: [RegExp, number][] = [
    [/[a-z]/, 26],
    [/[A-Z]/, 26],
    [/[0-9]/, 10],
    [/[-_]/, 2],
  ];
  const classAlphabet = classes.reduce((size, [pattern, count]) => size + (pattern.test(body) ? count : 0), 0);
  const distinct = new Set(body).size;
  const alphabet = distinct < 10 ? distinct : classAlphabet;
  return alphabet <= 1 ? 0 : body.length * Math.log2(alphabet);
}

function readAdminToken(env: NodeJS.ProcessEnv): string | null {
  const raw = env.FLOWMAP_ADMIN_TOKEN;
  if (raw === undefined || raw === '') return null;
  // The value is a secret: the messages must not repeat it.
  if (!SECRET_PATTERN.test(raw)) throw new ConfigError("FLOWMAP_ADMIN_TOKEN must be 'fm_' and at least 32 letters, digits, '-' or '_'");
  const bits = Math.floor(estimatedSecretBits(raw));
  if (bits < MIN_ADMIN_TOKEN_BITS) {
    throw new ConfigError(
      `FLOWMAP_ADMIN_TOKEN is too guessable: about ${bits} bits, at least ${MIN_ADMIN_TOKEN_BITS} needed (length x log2 of the characters used); ` +
        "make one with node -e \"console.log('fm_' + require('crypto').randomBytes(32).toString('base64url'))\"",
    );
  }
  return raw;
}

function readAuditKey(env: NodeJS.ProcessEnv): string | null {
  const raw = env.FLOWMAP_AUDIT_KEY;
  if (raw === undefined || raw === '') return null;
  // The value is a secret: the message must not repeat it.
  if (raw.trim().length < AUDIT_KEY_MIN_LENGTH) throw new ConfigError(`FLOWMAP_AUDIT_KEY must be at least ${AUDIT_KEY_MIN_LENGTH} characters`);
  return raw.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || null,
    ownerDatabaseUrl: env.FLOWMAP_OWNER_DATABASE_URL || null,
    auditKey: readAuditKey(env),
    dataDir: path.resolve(env.FLOWMAP_DATA_DIR || '.data/postgres'),
    embeddedPort: readInteger(env, 'FLOWMAP_EMBEDDED_PG_PORT', 54329),
    host: env.HOST || '127.0.0.1',
    port: readInteger(env, 'PORT', 4000),
    exampleInventory: env.FLOWMAP_EXAMPLE || 'zkbio-entrance-2022',
    logLevel: env.LOG_LEVEL || 'info',
    adminToken: readAdminToken(env),
    introspection: readBoolean(env, 'FLOWMAP_INTROSPECTION', true),
    corsOrigins: (env.FLOWMAP_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''),
    tokenCacheSeconds: readInteger(env, 'FLOWMAP_TOKEN_CACHE_SECONDS', DEFAULT_TOKEN_CACHE_SECONDS, { max: 3600, what: 'a number of seconds from 0 to 3600' }),
    authFailuresPerMinute: readInteger(env, 'FLOWMAP_AUTH_FAILURES_PER_MINUTE', DEFAULT_AUTH_FAILURES_PER_MINUTE, {
      max: 1_000_000,
      what: 'a number of failures from 0 (no limit) to 1000000',
    }),
    workers: readWorkers(env),
    trustedDocuments: env.FLOWMAP_TRUSTED_DOCUMENTS ? readTrustedDocuments(env.FLOWMAP_TRUSTED_DOCUMENTS) : null,
    limits: {
      ...DEFAULT_LIMITS,
      requestTimeoutMs: readPositiveInteger(env, 'FLOWMAP_REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
      maxQueryDepth: readPositiveInteger(env, 'FLOWMAP_MAX_QUERY_DEPTH', DEFAULT_LIMITS.maxQueryDepth),
      maxQueryCost: readPositiveInteger(env, 'FLOWMAP_MAX_QUERY_COST', DEFAULT_LIMITS.maxQueryCost),
    },
  };
}
