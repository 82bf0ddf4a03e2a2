import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHAIN_LOCK_ID } from '../src/modules/audit/audit-log';
import { CREATE, makeParty, makeSubject } from './support/factories';
import { createTestDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const ROOT = path.resolve(__dirname, '..');
const BULK = 'mutation($persons: [PersonInput!]!) { bulkUpsertPersons(persons: $persons) { inserted } }';
const PERSONS = Array.from({ length: 2_000 }, (_, index) => ({ externalId: `bulk-${index}`, countryOfResidence: 'DE', subjectCategories: ['app-user'] }));

async function count(table: string): Promise<number> {
  const [row] = (await api.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
  return row.n;
}

/** Holds the audit log's lock from outside, so that writes stall inside their transaction until released. */
async function holdAuditLock(databaseUrl: string): Promise<{ client: Client; release(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK_ID]);
  return { client, release: () => client.query('SELECT pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK_ID]).then(() => client.end()) };
}

/**
 * Resolves once `condition` holds, asking again every 20 ms for as long as it takes (a loaded
 * machine is slow, not wrong); rejects as soon as `gaveUp` settles, e.g. the process under test exited.
 */
async function until<T>(condition: () => Promise<T | undefined | false> | T | undefined | false, gaveUp?: Promise<unknown>): Promise<T> {
  let stop: string | null = null;
  void gaveUp?.then((reason) => (stop = `gave up waiting: ${String(reason)}`));
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (stop) throw new Error(stop);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The backend of the write stalled on that lock: by then it has written its rows, uncommitted. */
async function stalledWriter(client: Client, request: Promise<unknown>): Promise<number> {
  // A request answered without waiting (refused, say) will never stall: fail with its answer, not hang.
  const answered = request.then(
    async (response) => `answered without waiting for the lock: ${response instanceof Response ? await response.clone().text() : JSON.stringify(response)}`,
    (error: unknown) => `failed without waiting for the lock: ${String(error)}`,
  );
  return until(async () => {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()",
    );
    return rows[0]?.pid;
  }, answered);
}

beforeAll(async () => {
  api = await startTestServer();
  await api.graphql(CREATE.party, { input: makeParty() });
  await api.graphql(CREATE.subject, { input: makeSubject() });
});
afterAll(async () => {
  await api?.stop();
});

describe('a connection killed in the middle of a write transaction', () => {
  it('leaves nothing partial behind, and the server serves the next request without a restart', async () => {
    const auditEntries = await count('audit_entry');
    const lock = await holdAuditLock(api.database.url);
    const pending = api.graphql(BULK, { persons: PERSONS });
    const pid = await stalledWriter(lock.client, pending);
    await lock.client.query('SELECT pg_terminate_backend($1)', [pid]);
    await lock.release();

    const failed = await pending;
    expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await count('person')).toBe(0);
    expect(await count('audit_entry')).toBe(auditEntries);

    const retried = await api.graphql<{ bulkUpsertPersons: { inserted: number } }>(BULK, { persons: PERSONS });
    expect(retried.data).toEqual({ bulkUpsertPersons: { inserted: PERSONS.length } });
    expect(await count('person')).toBe(PERSONS.length);
  });
});

describe('/readyz', () => {
  const readyz = async () => {
    const response = await fetch(api.url.replace('/graphql', '/readyz'));
    return { status: response.status, body: await response.json() };
  };

  it('reports the database reachable and every migration applied, or which are pending', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { ready: true } });
    const [applied] = (await api.database.dataSource.query('SELECT name, checksum FROM schema_migration ORDER BY name DESC LIMIT 1')) as { name: string; checksum: string }[];
    // The server's role may only read which migrations ran: the owner un-applies one.
    await api.database.asOwner((client) => client.query('DELETE FROM schema_migration WHERE name = $1', [applied.name]));
    expect(await readyz()).toEqual({ status: 503, body: { ready: false, reason: `migrations pending: ${applied.name}` } });
    await api.database.asOwner((client) => client.query('INSERT INTO schema_migration (name, checksum) VALUES ($1, $2)', [applied.name, applied.checksum]));
    expect((await readyz()).status).toBe(200);
  });
});

/** `node dist/main.js` (built first) on `database`, and the URL it says it serves at, once it says so. */
async function startMain(database: { url: string; auditKeyText: string }, adminToken: string, env: Record<string, string> = {}) {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: database.auditKeyText, HOST: '127.0.0.1', PORT: '0', FLOWMAP_ADMIN_TOKEN: adminToken, FLOWMAP_EXAMPLE: 'none', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<{ url: string; said: string }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready at (\S+)(.*)\n/.exec(output);
      if (ready) resolve({ url: ready[1], said: ready[0] });
    });
    child.on('exit', () => reject(new Error(`exited before serving: ${output}`)));
  });
  return { child, exited, ready: url };
}

/** The child processes of `pid` (Linux). */
function childrenOf(pid: number): number[] {
  const tasks = readdirSync(`/proc/${pid}/task`);
  return tasks.flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

// These start real processes (after building dist/): they wait on what the processes do, however
// long a loaded machine takes, and give up only when the process under test has exited.
describe('FLOWMAP_WORKERS', () => {
  it('serves from several processes on one port, replaces one that dies, and stops them all on SIGTERM', { timeout: 0 }, async () => {
    const database = await createTestDatabase();
    const adminToken = `fm_${randomBytes(32).toString('base64url')}`;
    const { child, exited, ready } = await startMain(database, adminToken, { FLOWMAP_WORKERS: '2' });
    const ask = async (url: string): Promise<number> =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: '{"query":"{ parties { totalCount } }"}' })).status;
    try {
      const { url, said } = await ready;
      expect(said).toContain('(2 server processes)');
      const workers = childrenOf(child.pid as number);
      expect(workers).toHaveLength(2);
      for (let request = 0; request < 6; request += 1) expect(await ask(url)).toBe(200);

      process.kill(workers[0], 'SIGKILL');
      await until(() => childrenOf(child.pid as number).filter((pid) => !workers.includes(pid)).length === 1, exited);
      await until(async () => (await ask(url).catch(() => 0)) === 200, exited);

      const serving = childrenOf(child.pid as number);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(serving.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await database.drop();
    }
  });
});

describe('SIGTERM', () => {
  it('drains the request in flight, then exits 0', { timeout: 0 }, async () => {
    const database = await createTestDatabase();
    const adminToken = `fm_${randomBytes(32).toString('base64url')}`;
    const { child, exited, ready } = await startMain(database, adminToken);
    let lock: Awaited<ReturnType<typeof holdAuditLock>> | undefined;
    try {
      const { url } = await ready;
      lock = await holdAuditLock(database.url);
      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: CREATE.party, variables: { input: makeParty({ key: 'drained' }) } }),
      });
      await stalledWriter(lock.client, inFlight);
      child.kill('SIGTERM');
      // Once it has stopped listening it has heard the signal; it must still be there, draining.
      await until(() => fetch(url.replace('/graphql', '/healthz')).then(() => false, () => true), exited);
      expect(child.exitCode).toBeNull();
      await lock.release();
      lock = undefined;

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { createParty: { key: 'drained' } } });
      expect(await exited).toBe(0);
      expect(await database.dataSource.query("SELECT key FROM party WHERE key = 'drained'")).toEqual([{ key: 'drained' }]);
    } finally {
      child.kill('SIGKILL');
      await lock?.release();
      await database.drop();
    }
  });
});
