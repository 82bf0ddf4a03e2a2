import { createHash, randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/data-source';
import { createFirstAdminToken, SEEDED_ADMIN_NAME, seedAdminToken } from '../src/modules/auth/api-token.service';
import { Role } from '../src/modules/auth/role';
import { TOKEN_REVOKED_CHANNEL } from '../src/modules/auth/verified-token-cache';
import { startServer, type RunningServer } from '../src/server';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const CREATE_TOKEN = 'mutation($name: String!, $role: Role!) { createApiToken(name: $name, role: $role) { secret token { id name role createdAt lastUsedAt revokedAt } } }';
const REVOKE_TOKEN = 'mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }';

interface Created {
  createApiToken: { secret: string; token: { id: string; name: string; role: string; lastUsedAt: string | null; revokedAt: string | null } };
}

async function createToken(name: string, role: string) {
  const result = await api.graphql<Created>(CREATE_TOKEN, { name, role });
  expect(result.errors).toBeUndefined();
  return result.data!.createApiToken;
}

async function withSecret(secret: string, query: string, authorization = `Bearer ${secret}`) {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
}

async function tokenRow(id: string) {
  const [row] = (await api.database.dataSource.query('SELECT * FROM api_token WHERE id = $1', [id])) as Record<string, unknown>[];
  return row;
}

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('API tokens', () => {
  it('shows the secret once, and stores only its SHA-256 hash', async () => {
    const { secret, token } = await createToken('reporting', 'VIEWER');
    expect(secret).toMatch(/^fm_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'reporting', role: 'VIEWER', lastUsedAt: null, revokedAt: null });
    const row = await tokenRow(token.id);
    expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    const listed = await api.graphql<{ apiTokens: { name: string }[] }>('{ apiTokens { id name role createdAt lastUsedAt revokedAt } }');
    expect(listed.data?.apiTokens.map((listedToken) => listedToken.name)).toContain('reporting');
    expect(JSON.stringify(listed)).not.toContain(secret.slice(3));
  });

  it('authenticates with the secret and notes its last use at most once a minute', async () => {
    const { secret, token } = await createToken('dashboard', 'VIEWER');
    expect((await withSecret(secret, '{ parties { totalCount } }')).body.errors).toBeUndefined();
    const firstUse = (await tokenRow(token.id)).last_used_at as Date;
    expect(firstUse).toBeInstanceOf(Date);
    await withSecret(secret, '{ parties { totalCount } }');
    expect((await tokenRow(token.id)).last_used_at).toEqual(firstUse);
  });

  it('refuses a revoked token at once, with 401 UNAUTHENTICATED', async () => {
    const { secret, token } = await createToken('leaked', 'EDITOR');
    expect((await withSecret(secret, '{ parties { totalCount } }')).status).toBe(200);
    const revoked = await api.graphql<{ revokeApiToken: { revokedAt: string } }>(REVOKE_TOKEN, { id: token.id });
    expect(revoked.data?.revokeApiToken.revokedAt).toEqual(expect.any(String));
    const refused = await withSecret(secret, '{ parties { totalCount } }');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(refused.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const again = await api.graphql<{ revokeApiToken: { revokedAt: string } }>(REVOKE_TOKEN, { id: token.id });
    expect(again.data?.revokeApiToken.revokedAt).toBe(revoked.data?.revokeApiToken.revokedAt);
  });

  it('refuses unknown tokens and malformed Authorization headers with 401', async () => {
    const unknown = `fm_${randomBytes(32).toString('base64url')}`;
    for (const authorization of [`Bearer ${unknown}`, 'Bearer fm_short', `Basic ${Buffer.from('a:b').toString('base64')}`, 'Bearer', `Token ${unknown}`]) {
      const result = await withSecret(unknown, '{ parties { totalCount } }', authorization);
      expect(result.status).toBe(401);
      expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers only /healthz, /readyz and the schema itself without a token', async () => {
    expect((await fetch(api.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(api.url.replace('/graphql', '/readyz'))).status).toBe(200);
    const schemaOnly = await api.anonymous.graphql('{ __typename __type(name: "Party") { name } }');
    expect(schemaOnly).toEqual({ status: 200, data: { __typename: 'Query', __type: { name: 'Party' } } });
    const data = await api.anonymous.graphql('{ __typename countries { code } }');
    expect(data.status).toBe(401);
    expect(data.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps live token names unique, so that audit actors are unambiguous', async () => {
    const { token } = await createToken('importer', 'EDITOR');
    const duplicate = await api.graphql(CREATE_TOKEN, { name: 'importer', role: 'VIEWER' });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'DUPLICATE_KEY', field: 'name' });
    await api.graphql(REVOKE_TOKEN, { id: token.id });
    await createToken('importer', 'EDITOR');
  });

  it('refuses bad names and unknown ids with coded errors', async () => {
    expect((await api.graphql(CREATE_TOKEN, { name: ' padded', role: 'VIEWER' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.graphql(CREATE_TOKEN, { name: '', role: 'VIEWER' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.graphql(REVOKE_TOKEN, { id: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.graphql(REVOKE_TOKEN, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('writes token creation and revocation to the audit log, by the admin token name, without secret or hash', async () => {
    const { secret, token } = await createToken('short-lived', 'AUDITOR');
    await api.graphql(REVOKE_TOKEN, { id: token.id });
    const entries = (await api.database.dataSource.query("SELECT actor, operation, before, after FROM audit_entry WHERE entity_type = 'api_token' AND entity_key = $1 ORDER BY seq", [
      token.id,
    ])) as { actor: string; operation: string; after: { name: string } }[];
    expect(entries.map((entry) => [entry.actor, entry.operation, entry.after.name])).toEqual([
      [SEEDED_ADMIN_NAME, 'create', 'short-lived'],
      [SEEDED_ADMIN_NAME, 'revoke', 'short-lived'],
    ]);
    const hash = createHash('sha256').update(secret).digest('hex');
    expect(JSON.stringify(entries)).not.toContain(secret.slice(3));
    expect(JSON.stringify(entries)).not.toContain(hash);
  });
});

describe('FLOWMAP_ADMIN_TOKEN and the first start', () => {
  const liveSeeds = async () =>
    (await api.database.dataSource.query('SELECT token_hash FROM api_token WHERE name = $1 AND revoked_at IS NULL', [SEEDED_ADMIN_NAME])) as { token_hash: string }[];

  it('seeds the same secret once, and a new secret replaces the old one', async () => {
    const secret = `fm_${randomBytes(32).toString('base64url')}`;
    await seedAdminToken(api.database.dataSource, secret);
    await seedAdminToken(api.database.dataSource, secret);
    expect(await liveSeeds()).toEqual([{ token_hash: createHash('sha256').update(secret).digest('hex') }]);
    expect((await withSecret(secret, '{ apiTokens { name } }')).body.errors).toBeUndefined();
    expect((await api.graphql('{ apiTokens { name } }')).status).toBe(401);
  });

  it('leaves a seeded token revoked through the API revoked', async () => {
    const secret = `fm_${randomBytes(32).toString('base64url')}`;
    await seedAdminToken(api.database.dataSource, secret);
    const [{ id }] = (await api.database.dataSource.query('SELECT id FROM api_token WHERE name = $1 AND revoked_at IS NULL', [SEEDED_ADMIN_NAME])) as { id: string }[];
    await withSecret(secret, `mutation { revokeApiToken(id: "${id}") { id } }`);
    await seedAdminToken(api.database.dataSource, secret);
    expect(await liveSeeds()).toEqual([]);
    expect((await withSecret(secret, '{ apiTokens { name } }')).status).toBe(401);
  });

  it('creates a first admin token only on a database without any', async () => {
    expect(await createFirstAdminToken(api.database.dataSource)).toBeNull();
  });
});

describe('verified tokens, remembered by each instance', () => {
  // A second API instance on the same database, with a connection pool (and caches) of its own.
  let otherDatabase: Database;
  let other: RunningServer;
  beforeAll(async () => {
    otherDatabase = await openDatabase(api.database.url, { poolSize: 2, auditKey: api.database.auditKey });
    other = await startServer({ logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, database: otherDatabase });
  });
  afterAll(async () => {
    await other?.stop();
    await otherDatabase?.dataSource.destroy();
  });

  // Earlier tests replace the seeded admin token: these use one of their own.
  const tokenFor = async (name: string) => {
    const created = await (await api.as(Role.ADMIN)).graphql<Created>(CREATE_TOKEN, { name, role: 'VIEWER' });
    expect(created.errors).toBeUndefined();
    return created.data!.createApiToken;
  };

  const statusAt = async (url: string, secret: string): Promise<number> =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{"query":"{ rules { id } }"}' })).status;

  it('costs no token look-up once the token is verified', async () => {
    const { secret } = await tokenFor('status-board');
    expect(await statusAt(api.url, secret)).toBe(200);
    const before = api.database.statements.count;
    expect(await statusAt(api.url, secret)).toBe(200);
    expect(api.database.statements.count).toBe(before);
  });

  it('refuses a token revoked through another instance as soon as the news arrives', async () => {
    const { secret, token } = await tokenFor('kiosk');
    expect(await statusAt(api.url, secret)).toBe(200);
    const revoke = await fetch(other.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await api.as(Role.ADMIN)).token}` },
      body: JSON.stringify({ query: REVOKE_TOKEN, variables: { id: token.id } }),
    });
    expect(revoke.status).toBe(200);
    await expect.poll(() => statusAt(api.url, secret), { timeout: 2_000, interval: 20 }).toBe(401);
  });

  it('remembers nothing while it cannot hear of revocations', async () => {
    const { secret, token } = await tokenFor('nightly-export');
    expect(await statusAt(api.url, secret)).toBe(200);
    // As the owner: the server's role may neither see nor end another login's sessions.
    await api.database.asOwner((client) =>
      client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${TOKEN_REVOKED_CHANNEL}'`),
    );
    // Revoked where no instance hears of it, as a revocation while this one's listener is down would be.
    await api.database.dataSource.query('UPDATE api_token SET revoked_at = now() WHERE id = $1', [token.id]);
    await expect.poll(() => statusAt(api.url, secret), { timeout: 2_000, interval: 20 }).toBe(401);
  });
});
