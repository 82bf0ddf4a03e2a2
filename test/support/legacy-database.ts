import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { inject } from 'vitest';
import { MIGRATIONS_DIR, readMigrationFiles, runMigrations } from '../../src/db/migrate';

/** A fresh database with the schema as it was before one migration, to fill with data and then migrate. */
export interface LegacyDatabase {
  url: string;
  /** Runs SQL as the database's owner, beside the application's roles. */
  asOwner<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabaseBefore(migrationName: string): Promise<LegacyDatabase> {
  const name = `flowmap_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  await onServer(`CREATE DATABASE ${name}`);
  const legacyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-migrations-'));
  try {
    for (const migration of readMigrationFiles(MIGRATIONS_DIR).filter((file) => file.name < migrationName)) {
      fs.writeFileSync(path.join(legacyDir, migration.name), migration.sql);
    }
    const pool = new Pool({ connectionString: url.toString(), max: 1 });
    try {
      await runMigrations(pool, legacyDir);
    } finally {
      await pool.end();
    }
  } finally {
    fs.rmSync(legacyDir, { recursive: true, force: true });
  }
  return {
    url: url.toString(),
    asOwner: async <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql, parameters)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
