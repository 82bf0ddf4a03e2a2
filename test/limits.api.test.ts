import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHAIN_LOCK_ID } from '../src/modules/audit/audit-log';
import { CREATE, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function post(body: string, headers: Record<string, string> = {}, url = api.url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

const codeOf = (body: unknown): unknown => (body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

beforeAll(async () => {
  api = await startTestServer({ corsOrigins: ['https://dpo.example'] });
  await api.graphql(CREATE.subject, { input: makeSubject() });
});
afterAll(async () => {
  await api?.stop();
});

describe('query depth and cost', () => {
  it('refuses fields nested deeper than 15 levels with LIMIT_EXCEEDED', async () => {
    const deep = `{ parties { nodes { ${'outboundFlows { to { '.repeat(7)}key${' } }'.repeat(7)} } } }`;
    const result = await api.graphql(deep);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining('query depth') });
  });

  it('refuses an operation of more than 1000 fields', async () => {
    const aliases = Array.from({ length: 1001 }, (_, index) => `a${index}: __typename`).join(' ');
    const result = await api.graphql(`{ ${aliases} }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining('query cost: 1001') });
  });

  it('weighs a traversal by its maxDepth', async () => {
    const traversals = (maxDepth: number) =>
      `{ ${Array.from({ length: 59 }, (_, index) => `p${index}: profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "DE" }, maxDepth: ${maxDepth}) { maxDepth }`).join(' ')} }`;
    expect((await api.graphql(traversals(2))).errors).toBeUndefined();
    const heavy = await api.graphql(traversals(16));
    expect(heavy.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining('query cost: 1003') });
  });

  it('refuses a page larger than 500', async () => {
    expect((await api.graphql('{ parties(first: 501) { totalCount } }')).errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('request size and batching', () => {
  it('refuses a body over 1 MiB with 413 LIMIT_EXCEEDED', async () => {
    const query = `{ __typename } # ${'x'.repeat(1024 * 1024)}`;
    const result = await post(JSON.stringify({ query }));
    expect(result.status).toBe(413);
    expect(codeOf(result.body)).toBe('LIMIT_EXCEEDED');
  });

  it('runs a batch of up to 10 operations and refuses 11', async () => {
    const batch = (size: number) => JSON.stringify(Array.from({ length: size }, () => ({ query: '{ parties { totalCount } }' })));
    const ten = await post(batch(10));
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(10);
    const eleven = await post(batch(11));
    expect(eleven.status).toBe(400);
    expect(codeOf(eleven.body)).toBe('LIMIT_EXCEEDED');
  });
});

describe('CSRF and CORS', () => {
  it('refuses a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ parties { totalCount } }')}`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(response.status).toBe(400);
    const allowed = await fetch(`${api.url}?query=${encodeURIComponent('{ parties { totalCount } }')}`, {
      headers: { authorization: `Bearer ${api.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('answers a preflight from an allowed origin, and gives other origins no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(api.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowed = await preflight('https://dpo.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dpo.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(204);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await post(JSON.stringify({ query: '{ __typename }' }), { origin: 'https://dpo.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://dpo.example');
  });
});

describe('introspection switch', () => {
  it('refuses introspection when FLOWMAP_INTROSPECTION=false', async () => {
    const closed = await startTestServer({ introspection: false });
    try {
      const result = await closed.graphql('{ __schema { queryType { name } } }');
      expect(result.status).toBe(400);
      expect(result.errors?.[0].message).toMatch(/introspection is not allowed/i);
      expect((await closed.graphql('{ parties { totalCount } }')).errors).toBeUndefined();
    } finally {
      await closed.stop();
    }
    expect((await api.graphql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('request timeout', () => {
  it('answers 503 TIMEOUT at the deadline, and commits nothing of the request afterwards', async () => {
    const slow = await startTestServer({ limits: { requestTimeoutMs: 400 } });
    // Holding the audit log's lock stalls every write in the middle of its transaction.
    const blocker = new Client({ connectionString: slow.database.url });
    await blocker.connect();
    try {
      await blocker.query('SELECT pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK_ID]);
      const started = Date.now();
      const result = await slow.graphql(CREATE.party, { input: makeParty({ key: 'too-late' }) });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(result.status).toBe(503);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'TIMEOUT' }, message: expect.stringContaining('400 ms') });
      await blocker.query('SELECT pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK_ID]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await slow.database.dataSource.query("SELECT key FROM party WHERE key = 'too-late'")).toEqual([]);
      expect((await slow.graphql(CREATE.party, { input: makeParty({ key: 'in-time' }) })).errors).toBeUndefined();
    } finally {
      await blocker.end();
      await slow.stop();
    }
  });
});
