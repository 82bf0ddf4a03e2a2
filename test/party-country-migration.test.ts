import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../src/db/database';
import type { Database } from '../src/db/data-source';
import { MIGRATIONS_DIR, readMigrationFiles, runMigrations } from '../src/db/migrate';
import { auditKeyFrom, generateAuditKeyText } from '../src/modules/audit/audit-key';
import { indexOn, indexSnapshot } from '../src/modules/flow-engine/snapshot-index';
import { loadInventorySnapshot } from '../src/modules/flow-query/load-inventory-snapshot';
import { partyKind } from '../src/modules/party/party.store';

const PERIODS_MIGRATION = '20261202_0020_party_country_periods.sql';
const name = `flowmap_test_${randomBytes(6).toString('hex')}`;
const url = new URL(inject('adminDatabaseUrl'));
url.pathname = `/${name}`;
let database: Database;
let legacyDir: string;

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const asOwner = async <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${name}`);
  // The schema as it was before countries had periods, with parties in it.
  legacyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-migrations-'));
  for (const migration of readMigrationFiles(MIGRATIONS_DIR).filter((file) => file.name < PERIODS_MIGRATION)) {
    fs.writeFileSync(path.join(legacyDir, migration.name), migration.sql);
  }
  const pool = new Pool({ connectionString: url.toString(), max: 1 });
  try {
    await runMigrations(pool, legacyDir);
  } finally {
    await pool.end();
  }
  await asOwner(`INSERT INTO country (code, name) VALUES ('DE', 'Germany'), ('IE', 'Ireland'), ('US', 'United States') ON CONFLICT DO NOTHING`);
  await asOwner(`INSERT INTO party (key, name, kind) VALUES ('acme', 'Acme GmbH', 'CONTROLLER'), ('cloud', 'Cloud Inc.', 'PROCESSOR'), ('nowhere', 'Unplaced', 'THIRD_PARTY')`);
  await asOwner(`INSERT INTO party_country (party_id, country_code) SELECT id, c FROM party, unnest($1::text[]) AS c WHERE key = 'cloud'`, [['IE', 'US']]);
  await asOwner(`INSERT INTO party_country (party_id, country_code) SELECT id, 'DE' FROM party WHERE key = 'acme'`);
  database = await prepareDatabase(url.toString(), { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(legacyDir, { recursive: true, force: true });
});

describe('giving the countries of a database with parties their periods', () => {
  it('keeps every country, held with neither start nor end', async () => {
    expect(
      await asOwner(`SELECT p.key, pc.country_code, pc.effective_from, pc.effective_to FROM party_country pc JOIN party p ON p.id = pc.party_id ORDER BY 1, 2`),
    ).toEqual([
      { key: 'acme', country_code: 'DE', effective_from: null, effective_to: null },
      { key: 'cloud', country_code: 'IE', effective_from: null, effective_to: null },
      { key: 'cloud', country_code: 'US', effective_from: null, effective_to: null },
    ]);
    const entries = [...(await partyKind.readEntries(database.dataSource.manager)).values()];
    expect(entries.map((entry) => [entry.key, entry.countries, entry.countryHistory])).toEqual([
      ['acme', ['DE'], []],
      ['cloud', ['IE', 'US'], []],
      ['nowhere', [], []],
    ]);
  });

  it('answers about any date with the countries as they were read before', async () => {
    const index = indexSnapshot(await loadInventorySnapshot(database.dataSource.manager));
    for (const on of ['2001-01-01', '2026-12-02', '2090-06-30']) {
      const cloud = [...indexOn(index, on).snapshot.parties.values()].find((party) => party.key === 'cloud');
      expect(cloud?.countries).toEqual(['IE', 'US']);
    }
  });
});
