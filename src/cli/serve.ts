import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { assertPortFree } from '../common/startup-error';
import { loadConfig, type Config } from '../config';
import { openDatabase } from '../db/data-source';
import { connectDatabase, type ConnectedDatabase } from '../db/database';
import { createLogger } from '../logger';
import { auditKeyFrom } from '../modules/audit/audit-key';
import { createFirstAdminToken, FIRST_ADMIN_NAME, seedAdminToken } from '../modules/auth/api-token.service';
import { loadExampleIfEmpty } from '../modules/inventory/example-inventory';
import { startServer, type RunningServer } from '../server';
import { defineCommand, type CliIo } from './command';

/** A worker that crashes this often within RESTART_WINDOW_MS means something is wrong: stop, rather than loop. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * What `npm start` does: connects the database (loading the example data map into an empty one),
 * serves GraphQL, and on SIGTERM or SIGINT drains the requests in flight, stops and exits 0.
 * With FLOWMAP_WORKERS > 1, this process prepares the database and supervises that many server
 * processes sharing the port (node:cluster): the API keeps no state between requests, so they need
 * nothing from each other. Resolves once the server listens.
 */
export async function serve(io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel, { pretty: io.stdout.isTTY === true });
  if (cluster.isWorker) return serveAsWorker(config, logger);
  // Checked before the database starts and the first token is printed; listen() checks again.
  await assertPortFree(config.host, config.port, 'PORT', 'the API cannot listen');
  const database = await connectDatabase({ ...config, notice: (message) => io.stdout.write(`${message}\n`) });
  try {
    await prepareContent(config, logger, database, io);
    if (config.workers > 1) return await superviseWorkers(config, logger, database, io);
    const server = await startServer(serverOptions(config, logger, database));
    announce(logger, io, server.url, database, 1);
    stopOnSignal(logger, async () => {
      await server.stop();
      await database.close();
    });
  } catch (error) {
    // Stops an embedded PostgreSQL this process started, which would otherwise keep it alive.
    await database.close();
    throw error;
  }
}

async function prepareContent(config: Config, logger: Logger, database: ConnectedDatabase, io: CliIo): Promise<void> {
  if (await loadExampleIfEmpty(database.dataSource, config.exampleInventory)) {
    logger.info({ example: config.exampleInventory }, 'empty registry: loaded the example data map');
  }
  if (config.adminToken) {
    await seedAdminToken(database.dataSource, config.adminToken);
  } else if (database.embedded) {
    const secret = await createFirstAdminToken(database.dataSource);
    // Printed, not logged: shown this once, on the terminal of whoever started Flowmap.
    if (secret) io.stdout.write(`First start: created the ADMIN API token '${FIRST_ADMIN_NAME}'. Its secret, shown this once:\n\n  ${secret}\n\nSend it as 'Authorization: Bearer <secret>'.\n`);
  }
}

function serverOptions(config: Config, logger: Logger, database: Parameters<typeof startServer>[0]['database']): Parameters<typeof startServer>[0] {
  return {
    database,
    logger,
    host: config.host,
    port: config.port,
    limits: config.limits,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    tokenCacheSeconds: config.tokenCacheSeconds,
    authFailuresPerMinute: config.authFailuresPerMinute,
    trustedDocuments: config.trustedDocuments,
  };
}

function announce(logger: Logger, io: CliIo, url: string, database: ConnectedDatabase, workers: number): void {
  logger.info({ url, embedded: database.embedded !== null, workers }, 'Flowmap is serving GraphQL');
  io.stdout.write(`Flowmap GraphQL API ready at ${url}${workers > 1 ? ` (${workers} server processes)` : ''}\n`);
}

let stopping = false;

/** On SIGTERM or SIGINT, runs `stop` once, then exits 0. */
function stopOnSignal(logger: Logger, stop: () => Promise<void>): void {
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining requests, then stopping');
    await stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
}

/** A server process started by superviseWorkers: the database is ready, its URL in DATABASE_URL. */
async function serveAsWorker(config: Config, logger: Logger): Promise<void> {
  if (!config.databaseUrl || !config.auditKey) throw new Error('a server process needs DATABASE_URL and FLOWMAP_AUDIT_KEY from the process that started it');
  const database = await openDatabase(config.databaseUrl, { auditKey: auditKeyFrom(config.auditKey) });
  let server: RunningServer;
  try {
    server = await startServer(serverOptions(config, logger.child({ worker: cluster.worker?.id }), database));
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  stopOnSignal(logger, async () => {
    await server.stop();
    await database.dataSource.destroy();
  });
}

/**
 * Starts config.workers server processes on the port and restarts one that dies, unless they die
 * too often. On SIGTERM or SIGINT each drains its requests; then the database closes and this exits 0.
 */
async function superviseWorkers(config: Config, logger: Logger, database: ConnectedDatabase, io: CliIo): Promise<void> {
  const { url: databaseUrl } = database.dataSource.options as { url: string };
  const restarts: number[] = [];
  // The key reaches the workers in their environment, which only this OS user can read.
  const auditKey = database.auditKey.secret.export().toString('utf8');
  const fork = (): Worker => cluster.fork({ DATABASE_URL: databaseUrl, FLOWMAP_AUDIT_KEY: auditKey, FLOWMAP_EXAMPLE: 'none' });
  const listening = new Promise<string>((resolve, reject) => {
    let ready = 0;
    cluster.on('listening', (_worker, address) => {
      ready += 1;
      if (ready === config.workers) resolve(`http://${config.host}:${address.port}/graphql`);
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      logger.error({ worker: worker.id, code, signal }, 'a server process stopped');
      if (ready < config.workers) {
        reject(new Error(`a server process exited with ${code ?? signal} before serving`));
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        logger.error({ restarts: restarts.length }, 'server processes keep stopping: shutting down');
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      fork();
    });
  });
  for (let index = 0; index < config.workers; index += 1) fork();
  try {
    announce(logger, io, await listening, database, config.workers);
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    throw error;
  }
  stopOnSignal(logger, async () => {
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await database.close();
  });
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'serve the GraphQL API (what npm start does)',
  help: `Usage: flowmap serve

Serves the GraphQL API at http://HOST:PORT/graphql until SIGTERM or SIGINT, then drains the
requests in flight and exits 0. Uses DATABASE_URL, or else starts the embedded PostgreSQL in
FLOWMAP_DATA_DIR; loads the example data map (FLOWMAP_EXAMPLE) into an empty registry.
FLOWMAP_WORKERS=N serves from N processes sharing the port.
Environment: see README.md, Configuration.
`,
  options: {},
  positionals: 0,
  async run(_args, io) {
    await serve(io);
    // Serves until a signal: the shutdown in serve() ends the process.
    return new Promise<never>(() => undefined);
  },
});
