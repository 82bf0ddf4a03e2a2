import path from 'node:path';
import { Client } from 'pg';
import { BENCH_AUDIT_KEY_TEXT } from './bench-server';
import { REPO_ROOT } from './repo-root';
import { prepareDatabase } from '../src/db/database';
import { auditKeyFrom } from '../src/modules/audit/audit-key';
import type { Database } from '../src/db/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded-database';

export interface BenchServerAccess {
  /** A connection string to a database on the server where the bench may create and drop its own. */
  adminUrl: string;
  kind: 'DATABASE_URL' | 'embedded';
  embedded: EmbeddedDatabase | null;
}

/** The PostgreSQL of DATABASE_URL, or else an embedded one whose data stays in .data/bench-postgres (git-ignored). */
export async function benchPostgres(): Promise<BenchServerAccess> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, kind: 'DATABASE_URL', embedded: null };
  const embedded = await startEmbeddedDatabase({
    dataDir: path.join(REPO_ROOT, '.data', 'bench-postgres'),
    port: Number(process.env.FLOWMAP_BENCH_PG_PORT || 54339),
  });
  return { adminUrl: embedded.adminUrl, kind: 'embedded', embedded };
}

export interface BenchDatabase extends Database {
  name: string;
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
  /** Closes the pool and leaves the database for a look afterwards. */
  close(): Promise<void>;
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The bench database `name` at `url`, migrated, and able to drop itself through `adminUrl`. */
async function openBenchDatabase(adminUrl: string, name: string, url: URL): Promise<BenchDatabase> {
  const database = await prepareDatabase(url.toString(), { poolSize: 10, auditKey: auditKeyFrom(BENCH_AUDIT_KEY_TEXT) });
  return {
    ...database,
    name,
    url: url.toString(),
    async drop() {
      await database.dataSource.destroy();
      await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    async close() {
      await database.dataSource.destroy();
    },
  };
}

/** `name` as it is, when it holds `persons` persons (a run with --keep-db left it); else null. */
export async function existingBenchDatabase(adminUrl: string, name: string, persons: number): Promise<BenchDatabase | null> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    if (rows[0]?.n !== persons) return null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
  return openBenchDatabase(adminUrl, name, url);
}

/** Drops `name` if it is there and creates it anew, with the migrations applied. */
export async function freshBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench database name '${name}': lowercase letters, digits and _ only`);
  await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openBenchDatabase(adminUrl, name, url);
}
