import { Client } from 'pg';
import { syncReferenceData } from '../modules/reference/reference.service';
import { openDatabase, type Database } from './data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { runMigrations } from './migrate';

export interface ConnectedDatabase extends Database {
  /** The embedded server, when one was started. */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE_NAME = 'flowmap';

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Opens a database at `url`, brings its schema up to date and refreshes the reference data. */
export async function prepareDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  const database = await openDatabase(url, options);
  try {
    await runMigrations(database.pool);
    await syncReferenceData(database.dataSource);
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  return database;
}

/** The PostgreSQL of DATABASE_URL, or else an embedded one keeping its data in `dataDir`. */
export async function connectDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  embeddedPort: number;
  poolSize?: number;
  /** Told what is changed on the machine to run the embedded PostgreSQL. */
  notice?: (message: string) => void;
}): Promise<ConnectedDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.databaseUrl;
  if (url === null) {
    embedded = await startEmbeddedDatabase({ dataDir: options.dataDir, port: options.embeddedPort, notice: options.notice });
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
  }
  let database: Database;
  try {
    if (embedded) await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
    database = await prepareDatabase(url, { poolSize: options.poolSize });
  } catch (error) {
    // An embedded server this process started must not outlive a failed start.
    await embedded?.stop();
    throw error;
  }
  return {
    ...database,
    embedded,
    async close() {
      await database.dataSource.destroy();
      await embedded?.stop();
    },
  };
}
