import { loadConfig } from '../config';
import { connectDatabase } from '../db/database';
import { createLogger } from '../logger';
import { createFirstAdminToken, FIRST_ADMIN_NAME, seedAdminToken } from '../modules/auth/api-token.service';
import { loadExampleIfEmpty } from '../modules/inventory/example-inventory';
import { startServer } from '../server';
import { defineCommand, type CliIo } from './command';

/**
 * What `npm start` does: connects the database (loading the example data map into an empty one),
 * serves GraphQL, and on SIGTERM or SIGINT drains the requests in flight, stops and exits 0.
 * Resolves once the server listens.
 */
export async function serve(io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
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
    server = await startServer({
      database,
      logger,
      host: config.host,
      port: config.port,
      limits: config.limits,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      tokenCacheSeconds: config.tokenCacheSeconds,
    });
  } catch (error) {
    // Stops an embedded PostgreSQL this process started, which would otherwise keep it alive.
    await database.close();
    throw error;
  }
  logger.info({ url: server.url, embedded: database.embedded !== null }, 'Flowmap is serving GraphQL');
  io.stdout.write(`Flowmap GraphQL API ready at ${server.url}\n`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining requests, then stopping');
    await server.stop();
    await database.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'serve the GraphQL API (what npm start does)',
  help: `Usage: flowmap serve

Serves the GraphQL API at http://HOST:PORT/graphql until SIGTERM or SIGINT, then drains the
requests in flight and exits 0. Uses DATABASE_URL, or else starts the embedded PostgreSQL in
FLOWMAP_DATA_DIR; loads the example data map (FLOWMAP_EXAMPLE) into an empty registry.
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
