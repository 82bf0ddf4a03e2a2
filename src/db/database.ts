import { Client, Pool } from 'pg';
import { ConfigError } from '../config';
import { auditKeyFileFor, auditKeyFrom, loadOrCreateAuditKeyFile, type AuditKey } from '../modules/audit/audit-key';
import { syncReferenceData } from '../modules/reference/reference.service';
import { openDatabase, type Database } from './data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { runMigrations } from './migrate';

export interface ConnectedDatabase extends Database {
  /** The embedded server, when one was started. */
  embedded: EmbeddedDatabase | null;
  auditKey: AuditKey;
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

/** Applies the pending migrations over `ownerUrl`, as the owner of the tables, on a connection of its own. */
export async function migrateDatabase(ownerUrl: string): Promise<string[]> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    return await runMigrations(pool);
  } finally {
    await pool.end();
  }
}

/**
 * Brings the schema at `url` up to date (over `ownerUrl` when given: `url` may then be a login
 * that owns nothing), opens it for requests under the server role and refreshes the reference data.
 */
export async function prepareDatabase(url: string, options: { poolSize?: number; auditKey: AuditKey; ownerUrl?: string | null }): Promise<Database> {
  await migrateDatabase(options.ownerUrl ?? url);
  const database = await openDatabase(url, { poolSize: options.poolSize, auditKey: options.auditKey });
  try {
    await syncReferenceData(database.dataSource);
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  return database;
}

/**
 * The audit key: FLOWMAP_AUDIT_KEY, or for the embedded database the key file beside its data
 * directory (made on first start). A PostgreSQL of DATABASE_URL has no such place of ours, and a
 * key anyone could derive would key nothing: there the variable is required.
 */
export function resolveAuditKey(options: { auditKey: string | null; databaseUrl: string | null; dataDir: string }): AuditKey {
  if (options.auditKey !== null) return auditKeyFrom(options.auditKey);
  if (options.databaseUrl !== null) {
    throw new ConfigError(
      "FLOWMAP_AUDIT_KEY must be set with DATABASE_URL: the audit log is keyed with it (make one with node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\")",
    );
  }
  return loadOrCreateAuditKeyFile(auditKeyFileFor(options.dataDir));
}

/** The PostgreSQL of DATABASE_URL, or else an embedded one keeping its data in `dataDir`. */
export async function connectDatabase(options: {
  databaseUrl: string | null;
  ownerDatabaseUrl?: string | null;
  auditKey: string | null;
  dataDir: string;
  embeddedPort: number;
  poolSize?: number;
  /** Told what is changed on the machine to run the embedded PostgreSQL. */
  notice?: (message: string) => void;
}): Promise<ConnectedDatabase> {
  const auditKey = resolveAuditKey(options);
  let embedded: EmbeddedDatabase | null = null;
  let url = options.databaseUrl;
  if (url === null) {
    embedded = await startEmbeddedDatabase({ dataDir: options.dataDir, port: options.embeddedPort, notice: options.notice });
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
  }
  let database: Database;
  try {
    if (embedded) await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
    database = await prepareDatabase(url, { poolSize: options.poolSize, auditKey, ownerUrl: embedded ? null : options.ownerDatabaseUrl });
  } catch (error) {
    // An embedded server this process started must not outlive a failed start.
    await embedded?.stop();
    throw error;
  }
  return {
    ...database,
    auditKey,
    embedded,
    async close() {
      await database.dataSource.destroy();
      await embedded?.stop();
    },
  };
}
