import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { connectDatabase } from '../src/db/database';
import { seedAdminToken } from '../src/modules/auth/api-token.service';
import { loadExampleIfEmpty } from '../src/modules/inventory/example-inventory';
import { startServer } from '../src/server';
import { BENCH_ADMIN_TOKEN, freePort, tail, waitForExit, waitForHealth } from './bench-server';
import { GraphQLHttpClient } from './http-load';
import { MAIN_SCRIPT } from './repo-root';
import { median, msSince } from './stats';

export interface ColdStart {
  /** `node dist/main.js` as `npm start` runs it, or the same start-up inside this process (the smoke test). */
  mode: 'child-process' | 'in-process';
  /** From launch to /healthz answering: embedded PostgreSQL initialised and started, migrations, example loaded, server listening. */
  healthzMs: number;
  /** From launch to the first answer of a person's data flows. */
  firstAnswerMs: number;
  /** From SIGTERM (or stop) to the process having exited, the database stopped. */
  stopMs: number;
}

/** Several cold starts one after another: the medians, and each start's first answer. */
export interface ColdStarts extends ColdStart {
  starts: number;
  firstAnswerRunsMs: number[];
}

/**
 * `count` cold starts in a row, each on a new data directory. One start says little on a shared
 * machine: PostgreSQL's initdb and the first fsyncs wait on whatever else the disk and cores do.
 */
export async function measureColdStarts(count: number, mainScript = MAIN_SCRIPT): Promise<ColdStarts> {
  const runs: ColdStart[] = [];
  for (let n = 0; n < count; n += 1) runs.push(await measureColdStart(mainScript));
  return {
    mode: 'child-process',
    starts: runs.length,
    healthzMs: median(runs.map((run) => run.healthzMs)),
    firstAnswerMs: median(runs.map((run) => run.firstAnswerMs)),
    stopMs: median(runs.map((run) => run.stopMs)),
    firstAnswerRunsMs: runs.map((run) => run.firstAnswerMs),
  };
}

const EXAMPLE = 'zkbio-entrance-2022';
/** A person of that example (README, "Asking where data flows"). */
const FIRST_QUESTION = `{ person(externalId: "de-user-1") { dataFlows { hops { flowKey lawful } summary { countriesReached } findings { ruleId } } } }`;

/** A fresh data directory that the embedded server's OS user (postgres, when we are root) can reach. */
function freshDataDir(): { root: string; dataDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-cold-start-'));
  fs.chmodSync(root, 0o755);
  return { root, dataDir: path.join(root, 'postgres') };
}

async function askFirstQuestion(url: string): Promise<void> {
  const client = new GraphQLHttpClient(url, BENCH_ADMIN_TOKEN, 1);
  try {
    const answer = await client.send(JSON.stringify({ query: FIRST_QUESTION }));
    const body = JSON.parse(answer.body) as { data?: { person?: { dataFlows?: unknown } | null }; errors?: unknown };
    if (answer.status !== 200 || !body.data?.person?.dataFlows) throw new Error(`first question: HTTP ${answer.status}: ${answer.body.slice(0, 500)}`);
  } finally {
    client.close();
  }
}

/** Stops a postmaster left behind in `dataDir` by a server that had to be killed. */
function stopOrphanedPostgres(dataDir: string): void {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // no postmaster
  }
}

/**
 * `npm start` from nothing: `node dist/main.js` with no DATABASE_URL and an empty data directory,
 * timed until /healthz answers and then until a first GraphQL question is answered; then SIGTERM.
 */
export async function measureColdStart(mainScript = MAIN_SCRIPT): Promise<ColdStart> {
  const { root, dataDir } = freshDataDir();
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FLOWMAP_DATA_DIR: dataDir,
    FLOWMAP_EMBEDDED_PG_PORT: String(pgPort),
    HOST: '127.0.0.1',
    PORT: String(port),
    FLOWMAP_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    FLOWMAP_EXAMPLE: EXAMPLE,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const origin = `http://127.0.0.1:${port}`;
  const launched = process.hrtime.bigint();
  const child = spawn(process.execPath, [mainScript], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = tail(child.stderr);
  try {
    await waitForHealth(origin, 60_000, () => (child.exitCode !== null ? `cold start: the server exited with ${child.exitCode}: ${stderr()}` : null));
    const healthzMs = msSince(launched);
    await askFirstQuestion(`${origin}/graphql`);
    const firstAnswerMs = msSince(launched);
    const stopping = process.hrtime.bigint();
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 30_000))) throw new Error('cold start: the server did not stop within 30 s of SIGTERM');
    return { mode: 'child-process', healthzMs, firstAnswerMs, stopMs: msSince(stopping) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
      stopOrphanedPostgres(dataDir);
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * What main.ts does at start-up, inside this process: for the smoke test, which must not depend on
 * a build in dist/. Node's own start and module loading are not in it.
 */
export async function measureInProcessColdStart(): Promise<ColdStart> {
  const { root, dataDir } = freshDataDir();
  const launched = process.hrtime.bigint();
  const database = await connectDatabase({ databaseUrl: null, auditKey: null, dataDir, embeddedPort: await freePort() });
  try {
    await loadExampleIfEmpty(database.dataSource, EXAMPLE);
    await seedAdminToken(database.dataSource, BENCH_ADMIN_TOKEN);
    const server = await startServer({ database, logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0 });
    const origin = server.url.replace(/\/graphql$/, '');
    await waitForHealth(origin, 10_000, () => null);
    const healthzMs = msSince(launched);
    await askFirstQuestion(server.url);
    const firstAnswerMs = msSince(launched);
    const stopping = process.hrtime.bigint();
    await server.stop();
    await database.close();
    return { mode: 'in-process', healthzMs, firstAnswerMs, stopMs: msSince(stopping) };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
