import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/db/database';
import type { Database } from '../src/db/data-source';
import { auditKeyFrom, generateAuditKeyText } from '../src/modules/audit/audit-key';
import { indexOn, indexSnapshot } from '../src/engine/core/snapshot-index';
import { loadInventorySnapshot } from '../src/modules/flow-query/load-inventory-snapshot';
import { partyKind } from '../src/modules/party/party.store';
import { createDatabaseBefore, type LegacyDatabase } from './support/legacy-database';

const PERIODS_MIGRATION = '20261202_0020_party_country_periods.sql';
let legacy: LegacyDatabase;
let database: Database;

beforeAll(async () => {
  // The schema as it was before countries had periods, with parties in it.
  legacy = await createDatabaseBefore(PERIODS_MIGRATION);
  await legacy.asOwner(`INSERT INTO country (code, name) VALUES ('DE', 'Germany'), ('IE', 'Ireland'), ('US', 'United States') ON CONFLICT DO NOTHING`);
  await legacy.asOwner(`INSERT INTO party (key, name, kind) VALUES ('acme', 'Acme GmbH', 'CONTROLLER'), ('cloud', 'Cloud Inc.', 'PROCESSOR'), ('nowhere', 'Unplaced', 'THIRD_PARTY')`);
  await legacy.asOwner(`INSERT INTO party_country (party_id, country_code) SELECT id, c FROM party, unnest($1::text[]) AS c WHERE key = 'cloud'`, [['IE', 'US']]);
  await legacy.asOwner(`INSERT INTO party_country (party_id, country_code) SELECT id, 'DE' FROM party WHERE key = 'acme'`);
  database = await prepareDatabase(legacy.url, { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await legacy?.drop();
});

describe('giving the countries of a database with parties their periods', () => {
  it('keeps every country, held with neither start nor end', async () => {
    expect(
      await legacy.asOwner(`SELECT p.key, pc.country_code, pc.effective_from, pc.effective_to FROM party_country pc JOIN party p ON p.id = pc.party_id ORDER BY 1, 2`),
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
