import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { prepareDatabase } from '../../src/db/database';
import type { Database } from '../../src/db/data-source';
import { auditKeyFrom, generateAuditKeyText, type AuditKey } from '../../src/modules/audit/audit-key';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(inject('adminDatabaseUrl'), work);
}

export interface TestDatabase extends Database {
  /** The login the tables belong to (the test server's superuser); `dataSource` runs as flowmap_server. */
  url: string;
  /** The audit key of this database, as FLOWMAP_AUDIT_KEY would give it. */
  auditKeyText: string;
  auditKey: AuditKey;
  /** Works on a connection of the owner of the tables, as a database administrator could: outside the server role. */
  asOwner<T>(work: (client: Client) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** A fresh database with the real migrations applied, dropped again by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `flowmap_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const auditKeyText = generateAuditKeyText();
  const auditKey = auditKeyFrom(auditKeyText);
  const database = await prepareDatabase(url.toString(), { poolSize: 10, auditKey });
  return {
    ...database,
    url: url.toString(),
    auditKeyText,
    auditKey,
    asOwner: (work) => withClient(url.toString(), work),
    async drop() {
      await database.dataSource.destroy();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
