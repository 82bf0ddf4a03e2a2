import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/common/format-error';
import { prepareDatabase } from '../src/db/database';
import { seedAdminToken } from '../src/modules/auth/api-token.service';
import { Role } from '../src/modules/auth/role';
import { startServer } from '../src/server';
import { CREATE, makeParty } from './support/factories';
import { createTestDatabase } from './support/test-database';
import { startTestServer, type GraphQLResult, type TestServer } from './support/test-server';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  await api.graphql(CREATE.party, { input: makeParty() });
});
afterAll(async () => {
  await api?.stop();
});

/** POSTs a raw JSON body (lone surrogates survive only as JSON escapes written by hand). */
async function postRaw(body: string, token: string | null = api.token): Promise<GraphQLResult & { headers: Headers }> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
}

function firstError(result: GraphQLResult): { code: unknown; message: string } {
  return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message ?? '' };
}

describe('an ID argument that is not a UUID', () => {
  it('is BAD_USER_INPUT naming the argument, in a query and in a mutation', async () => {
    const party = await api.graphql('query($id: ID) { party(id: $id) { key } }', { id: 'not-a-uuid' });
    expect(firstError(party)).toEqual({ code: 'BAD_USER_INPUT', message: "id: 'not-a-uuid' is not an id of this API (a UUID)" });
    const flow = await api.graphql('{ flow(id: "1") { key } }');
    expect(firstError(flow).code).toBe('BAD_USER_INPUT');
    const consent = await api.graphql('mutation { withdrawConsent(consentId: "x") { id } }');
    expect(firstError(consent)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^consentId: /) });
  });
});

describe('text PostgreSQL cannot store', () => {
  it('a NUL character is BAD_USER_INPUT naming the field, whether in a variable, a literal or an input field', async () => {
    const created = await api.graphql(CREATE.party, { input: makeParty({ key: 'nul', name: 'a\u0000b' }) });
    expect(firstError(created)).toEqual({ code: 'BAD_USER_INPUT', message: 'input.name: must not contain the NUL character (U+0000)' });
    const byKey = await api.graphql('{ party(key: "a\\u0000") { key } }');
    expect(firstError(byKey).message).toMatch(/^key: must not contain the NUL/);
    const countries = await api.graphql(CREATE.party, { input: makeParty({ key: 'nul', countries: ['DE', '\u0000'] }) });
    expect(firstError(countries).message).toMatch(/^input\.countries\[1\]: must not contain the NUL/);
    expect(await api.database.dataSource.query("SELECT key FROM party WHERE key = 'nul'")).toEqual([]);
  });

  it('a cursor holding a NUL, literally or in its base64, is BAD_USER_INPUT naming `after`', async () => {
    for (const after of ['\u0000', 'AA', Buffer.from('acme\u0000').toString('base64url')]) {
      const result = await api.graphql('query($after: String) { parties(after: $after) { totalCount } }', { after });
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^after: /) });
    }
  });

  it('a lone surrogate is BAD_USER_INPUT naming the field', async () => {
    const body = `{"query": ${JSON.stringify(CREATE.party)}, "variables": {"input": {"key": "lone", "name": "x\\ud800", "kind": "CONTROLLER", "countries": ["DE"]}}}`;
    const result = await postRaw(body);
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^input\.name: must be valid Unicode text/) });
    const inKey = await postRaw('{"query": "query($key: String) { party(key: $key) { key } }", "variables": {"key": "\\udc00"}}');
    expect(firstError(inKey).code).toBe('BAD_USER_INPUT');
  });
});

describe('operations and requests Apollo refuses', () => {
  it('a subscription is a validation error: this API has none', async () => {
    const result = await api.graphql('subscription { parties { totalCount } }');
    expect(result.status).toBe(400);
    expect(firstError(result)).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'subscription: this API has no subscription operations; send a query or a mutation' });
  });

  it('a persisted query with a wrong hash or version is a client error naming the extension', async () => {
    const query = '{ __typename }';
    const sha = createHash('sha256').update(query).digest('hex');
    const send = (persistedQuery: unknown, withQuery = true) =>
      postRaw(JSON.stringify({ ...(withQuery ? { query } : {}), extensions: { persistedQuery } }));

    const wrongHash = await send({ version: 1, sha256Hash: '0'.repeat(64) });
    expect(wrongHash.status).toBe(400);
    expect(firstError(wrongHash)).toEqual({ code: 'BAD_USER_INPUT', message: 'extensions.persistedQuery.sha256Hash: provided sha does not match query' });
    for (const persistedQuery of [{ version: 2, sha256Hash: sha }, { version: 1, sha256Hash: 12 }, { version: 1 }, 'x', [1]]) {
      const result = await send(persistedQuery);
      expect(result.status).toBe(400);
      expect(firstError(result).code).toBe('BAD_USER_INPUT');
    }
    for (const sha256Hash of ['1'.repeat(64), 12, { a: 1 }, null]) {
      const unknown = await send({ version: 1, sha256Hash }, false);
      expect(firstError(unknown).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    const right = await send({ version: 1, sha256Hash: sha });
    expect(right).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });
});

/** The backend of the request waiting for a row lock held by `holder`. */
async function waitingOnRowLock(holder: Client): Promise<number> {
  for (;;) {
    const { rows } = await holder.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    if (rows.length > 0) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a write racing a delete of the same record', () => {
  const raceAgainstDelete = async (key: string, write: string): Promise<GraphQLResult> => {
    await api.graphql(CREATE.party, { input: makeParty({ key, name: key }) });
    const holder = new Client({ connectionString: api.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM party WHERE key = $1 FOR UPDATE', [key]);
      const pending = api.graphql(write, { key });
      await waitingOnRowLock(holder);
      await holder.query('DELETE FROM party WHERE key = $1', [key]);
      await holder.query('COMMIT');
      return await pending;
    } finally {
      await holder.end();
    }
  };

  it('an update that finds the record deleted under it is NOT_FOUND naming the key', async () => {
    const result = await raceAgainstDelete('raced-update', 'mutation($key: String!) { updateParty(key: $key, input: { name: "late" }) { key } }');
    expect(firstError(result)).toEqual({ code: 'NOT_FOUND', message: "key: no party 'raced-update'" });
  });

  it('a second delete is NOT_FOUND, and many racing writers get only NOT_FOUND or VERSION_CONFLICT', async () => {
    const result = await raceAgainstDelete('raced-delete', 'mutation($key: String!) { deleteParty(key: $key) { key } }');
    expect(firstError(result)).toEqual({ code: 'NOT_FOUND', message: "key: no party 'raced-delete'" });

    const codes = new Set<unknown>();
    for (let round = 0; round < 5; round += 1) {
      const key = `contested-${round}`;
      await api.graphql(CREATE.party, { input: makeParty({ key, name: key }) });
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          index % 2 === 0
            ? api.graphql('mutation($key: String!) { deleteParty(key: $key) { key } }', { key })
            : api.graphql('mutation($key: String!, $name: String!) { updateParty(key: $key, input: { name: $name }, expectedVersion: 1) { key } }', { key, name: `n${index}` }),
        ),
      );
      for (const answer of answers) codes.add(answer.errors?.[0]?.extensions?.code ?? 'ok');
    }
    expect([...codes].filter((code) => !['ok', 'NOT_FOUND', 'VERSION_CONFLICT'].includes(code as string))).toEqual([]);
  });
});

describe('a connection lost between the statements of a transaction', () => {
  it('leaves TypeORM a released query runner, whose error is SERVICE_UNAVAILABLE', async () => {
    const killer = new Client({ connectionString: api.database.url });
    await killer.connect();
    let failure: unknown;
    try {
      await api.database.dataSource.transaction(async (manager) => {
        const [{ pid }] = (await manager.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        await killer.query('SELECT pg_terminate_backend($1)', [pid]);
        while (!manager.queryRunner?.isReleased) await new Promise((resolve) => setTimeout(resolve, 10));
        await manager.query('SELECT 1');
      });
    } catch (error) {
      failure = error;
    } finally {
      await killer.end();
    }
    expect((failure as Error).name).toMatch(/^QueryRunner(Provider)?AlreadyReleasedError$/);
    const internal: unknown[] = [];
    const formatted = formatError(
      { message: (failure as Error).message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError((failure as Error).message, { originalError: failure as Error }),
      (error) => internal.push(error),
    );
    expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(internal).toEqual([]);
  });
});

/**
 * A TCP proxy to PostgreSQL that, once armed, lets the next COMMIT through and then cuts the
 * client's side before PostgreSQL's answer can reach it: the write commits, the server never hears.
 */
async function startCommitCuttingProxy(target: URL): Promise<{ url: string; arm(): Promise<void>; close(): Promise<void> }> {
  let armed = false;
  let cut: () => void = () => undefined;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let severed = false;
    upstream.on('data', (chunk) => {
      if (!severed) client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (armed && chunk.includes('COMMIT')) {
        armed = false;
        severed = true;
        client.destroy();
        // PostgreSQL has the COMMIT; its answer (and the session) is dropped once it comes.
        upstream.once('data', () => {
          upstream.end();
          cut();
        });
      }
    });
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
    client.on('close', () => {
      if (!severed) upstream.end();
    });
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(target);
  proxied.port = String((proxy.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    arm: () =>
      new Promise<void>((resolve) => {
        armed = true;
        cut = resolve;
      }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

describe('a connection lost while COMMIT is under way', () => {
  it('is OUTCOME_UNKNOWN, not "unavailable; retry": the write did commit', async () => {
    const database = await createTestDatabase();
    const proxy = await startCommitCuttingProxy(new URL(database.url));
    const proxied = await prepareDatabase(proxy.url, { poolSize: 4, auditKey: database.auditKey });
    const secret = `fm_${randomBytes(32).toString('base64url')}`;
    await seedAdminToken(proxied.dataSource, secret);
    const server = await startServer({ database: proxied, logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, tokenCacheSeconds: 0 });
    try {
      const cutDone = proxy.arm();
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: CREATE.party, variables: { input: makeParty({ key: 'committed' }) } }),
      });
      const result = (await response.json()) as GraphQLResult;
      await cutDone;
      expect(firstError(result)).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringContaining('may have been made') });
      expect(await database.dataSource.query("SELECT key FROM party WHERE key = 'committed'")).toEqual([{ key: 'committed' }]);
    } finally {
      await server.stop();
      await proxied.dataSource.destroy();
      await proxy.close();
      await database.drop();
    }
  });
});

describe('API tokens', () => {
  it('a token revoked in SQL is refused as soon as the trigger’s NOTIFY arrives, whatever the cache time', { timeout: 60_000 }, async () => {
    const cached = await startTestServer({ tokenCacheSeconds: 3600 });
    try {
      const viewer = await cached.as(Role.VIEWER);
      expect((await viewer.graphql('{ parties { totalCount } }')).status).toBe(200);
      await cached.database.dataSource.query("UPDATE api_token SET revoked_at = now() WHERE name = 'test-viewer'");
      await expect.poll(async () => (await viewer.graphql('{ parties { totalCount } }')).status, { timeout: 20_000, interval: 50 }).toBe(401);
    } finally {
      await cached.stop();
    }
  });

  it('names of system actors are refused, naming `name`', async () => {
    for (const name of ['flowmap', 'Flowmap', 'cli:root', 'CLI:ops', 'anonymous']) {
      const result = await api.graphql('mutation($name: String!) { createApiToken(name: $name, role: VIEWER) { secret } }', { name });
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^name: /) });
    }
    expect(await api.database.dataSource.query("SELECT name FROM api_token WHERE name ILIKE 'cli:%' OR name ILIKE 'flowmap'")).toEqual([]);
  });

  it('a malformed token (prefix, length, alphabet) is refused without a database look-up', async () => {
    const before = api.database.statements.count;
    for (const token of ['xx_' + 'a'.repeat(43), 'fm_short', `fm_${'a'.repeat(201)}`, `fm_${'!'.repeat(43)}`, `fm_${'é'.repeat(43)}`]) {
      expect((await limitedPost(api.url, token)).status).toBe(401);
    }
    expect(api.database.statements.count).toBe(before);
  });

  it('failed authentications from one address are limited: 429 RATE_LIMITED with Retry-After, a valid token included', async () => {
    const limited = await startTestServer();
    try {
      const guess = `fm_${'g'.repeat(43)}`;
      for (let attempt = 0; attempt < 20; attempt += 1) expect((await limitedPost(limited.url, guess)).status).toBe(401);
      const refused = await limitedPost(limited.url, guess);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.code).toBe('RATE_LIMITED');
      expect((await limitedPost(limited.url, limited.token as string)).status).toBe(429);
      expect((await limitedPost(limited.url, 'malformed')).status).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});

async function limitedPost(url: string, token: string): Promise<{ status: number; headers: Headers; code: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{"query": "{ parties { totalCount } }"}',
  });
  const body = (await response.json()) as Omit<GraphQLResult, 'status'>;
  return { status: response.status, headers: response.headers, code: body.errors?.[0]?.extensions?.code };
}
