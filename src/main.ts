import 'reflect-metadata';
import { loadConfig } from './config';
import { connectDatabase } from './db/database';
import { createLogger } from './logger';
import { loadExampleIfEmpty } from './modules/inventory/example-inventory';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config);
  if (await loadExampleIfEmpty(database.dataSource, config.exampleInventory)) {
    logger.info({ example: config.exampleInventory }, 'empty registry: loaded the example data map');
  }
  const server = await startServer({ database, logger, host: config.host, port: config.port });
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
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Flowmap failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
