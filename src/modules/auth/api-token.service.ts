import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, FlowmapError, notFound, ProblemList } from '../../common/errors';
import type { Caller } from '../../context';
import { recordChanges } from '../audit/audit-log';
import { Role } from './role';
import { tokenCacheOf } from './verified-token-cache';

/** A secret is `fm_` and 43 base64url characters (256 random bits); the prefix makes leaked ones easy to spot. */
export const SECRET_PATTERN = /^fm_[A-Za-z0-9_-]{32,200}$/;

/** The actor of the changes Flowmap makes on its own at start-up. */
export const SYSTEM_ACTOR = 'flowmap';

/** Name of the admin token whose secret comes from FLOWMAP_ADMIN_TOKEN. */
export const SEEDED_ADMIN_NAME = 'env-admin';

/** Name of the admin token the embedded database's first start creates. */
export const FIRST_ADMIN_NAME = 'admin';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How stale `lastUsedAt` may get: writing it on every request would cost a write per read. */
const LAST_USED_PRECISION = '1 minute';

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = 'id, name, role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newSecret(): string {
  return `fm_${randomBytes(32).toString('base64url')}`;
}

/** What the audit log keeps of a token: never its secret or hash. */
function auditedToken(token: ApiTokenRecord): Record<string, unknown> {
  return { name: token.name, role: token.role, revokedAt: token.revokedAt };
}

/**
 * A token's name is the actor of its changes in the audit log, so it must not pass for one of the
 * actors Flowmap records itself: `flowmap` (start-up), `cli:<OS user>` (the command line) and
 * `anonymous`. Compared without case, so that `Flowmap` cannot pass for it either.
 */
export function isSystemActorName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === SYSTEM_ACTOR || lower === 'anonymous' || lower.startsWith('cli:');
}

function checkName(name: string): void {
  const problems = new ProblemList();
  if (name.length === 0 || name.length > 100) problems.add('name', 'must be 1 to 100 characters');
  else if (name.trim() !== name || /\p{Cc}/u.test(name)) problems.add('name', 'must not start or end with spaces or hold control characters');
  else if (isSystemActorName(name)) problems.add('name', `'${name}' is a name Flowmap records for its own changes ('flowmap', 'cli:...', 'anonymous'); choose another`);
  problems.throwIfAny();
}

async function insertToken(manager: EntityManager, actor: string, name: string, role: Role, secret: string): Promise<ApiTokenRecord> {
  const live = (await manager.query('SELECT 1 FROM api_token WHERE name = $1 AND revoked_at IS NULL', [name])) as unknown[];
  if (live.length > 0) {
    throw new FlowmapError(ErrorCode.DUPLICATE_KEY, `name: a live API token is already named '${name}'; revoke it first`, { field: 'name' });
  }
  const [token] = (await manager.query(`INSERT INTO api_token (name, role, token_hash) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
    name,
    role,
    hashSecret(secret),
  ])) as ApiTokenRecord[];
  await recordChanges(manager, actor, [{ operation: 'create', entityType: 'api_token', entityKey: token.id, before: null, after: auditedToken(token) }]);
  return token;
}

async function revokeIn(manager: EntityManager, actor: string, token: ApiTokenRecord): Promise<ApiTokenRecord> {
  // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than rows.
  const [revoked] = (await manager.query(
    `WITH revoked AS (UPDATE api_token SET revoked_at = now() WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM revoked`,
    [token.id],
  )) as ApiTokenRecord[];
  await recordChanges(manager, actor, [
    { operation: 'revoke', entityType: 'api_token', entityKey: token.id, before: auditedToken(token), after: auditedToken(revoked) },
  ]);
  // The table's trigger notifies every API instance on commit (TOKEN_REVOKED_CHANNEL).
  return revoked;
}

/** Creates a token; its secret is in the answer and nowhere else. Also what the CLI calls. */
export async function createToken(
  dataSource: DataSource,
  name: string,
  role: Role,
  actor: string = SYSTEM_ACTOR,
): Promise<{ token: ApiTokenRecord; secret: string }> {
  checkName(name);
  const secret = newSecret();
  const token = await dataSource.transaction((manager) => insertToken(manager, actor, name, role, secret));
  return { token, secret };
}

/**
 * Revokes a token at once: on this instance when the transaction commits, on the others when they
 * hear of it (see VerifiedTokenCache). Revoking twice changes nothing.
 */
export async function revokeToken(dataSource: DataSource, id: string, actor: string): Promise<ApiTokenRecord> {
  if (!UUID_PATTERN.test(id)) throw notFound('API token', 'id', id);
  const revoked = await dataSource.transaction(async (manager) => {
    const [token] = (await manager.query(`SELECT ${COLUMNS} FROM api_token WHERE id = $1 FOR UPDATE`, [id])) as ApiTokenRecord[];
    if (!token) throw notFound('API token', 'id', id);
    return token.revokedAt ? token : revokeIn(manager, actor, token);
  });
  tokenCacheOf(dataSource)?.forgetAll();
  return revoked;
}

export async function listTokens(dataSource: DataSource): Promise<ApiTokenRecord[]> {
  return (await dataSource.query(`SELECT ${COLUMNS} FROM api_token ORDER BY created_at, name`)) as ApiTokenRecord[];
}

/** The caller a secret stands for, or null when it is unknown or revoked. */
export async function authenticate(dataSource: DataSource, secret: string): Promise<Caller | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  const hash = hashSecret(secret);
  const cache = tokenCacheOf(dataSource);
  const remembered = cache?.get(hash);
  if (remembered) return remembered;
  const generation = cache?.generation ?? 0;
  const [token] = (await dataSource.query(
    `SELECT id, name, role, coalesce(last_used_at < now() - interval '${LAST_USED_PRECISION}', true) AS "lastUseStale"
       FROM api_token WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash],
  )) as { id: string; name: string; role: Role; lastUseStale: boolean }[];
  if (!token) return null;
  if (token.lastUseStale) await dataSource.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [token.id]);
  const caller = { name: token.name, role: token.role };
  cache?.remember(hash, caller, generation);
  return caller;
}

/**
 * Makes `secret` (FLOWMAP_ADMIN_TOKEN) the secret of the `env-admin` token. A new secret replaces
 * the previous one, which is revoked; a secret revoked through the API stays revoked.
 */
export async function seedAdminToken(dataSource: DataSource, secret: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const known = (await manager.query('SELECT 1 FROM api_token WHERE token_hash = $1', [hashSecret(secret)])) as unknown[];
    if (known.length > 0) return;
    const [previous] = (await manager.query(`SELECT ${COLUMNS} FROM api_token WHERE name = $1 AND revoked_at IS NULL FOR UPDATE`, [
      SEEDED_ADMIN_NAME,
    ])) as ApiTokenRecord[];
    if (previous) await revokeIn(manager, SYSTEM_ACTOR, previous);
    await insertToken(manager, SYSTEM_ACTOR, SEEDED_ADMIN_NAME, Role.ADMIN, secret);
  });
}

/** On a database with no token at all, creates an admin token and returns its secret; else null. */
export async function createFirstAdminToken(dataSource: DataSource): Promise<string | null> {
  const [{ any }] = (await dataSource.query('SELECT EXISTS (SELECT 1 FROM api_token) AS any')) as { any: boolean }[];
  if (any) return null;
  return (await createToken(dataSource, FIRST_ADMIN_NAME, Role.ADMIN)).secret;
}
