import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/db/database';
import type { Database } from '../src/db/data-source';
import { auditKeyFrom, generateAuditKeyText } from '../src/modules/audit/audit-key';
import { flowKind } from '../src/modules/flow/flow.store';
import { loadInventorySnapshot } from '../src/modules/flow-query/load-inventory-snapshot';
import { createDatabaseBefore, type LegacyDatabase } from './support/legacy-database';

let legacy: LegacyDatabase;
let database: Database;

beforeAll(async () => {
  // The schema as it was before flows named their receiver's role, with an SDK flow in it.
  legacy = await createDatabaseBefore('20261202_0021_flow_recipient_role.sql');
  await legacy.asOwner(`INSERT INTO party (key, name, kind) VALUES ('app', 'App', 'CONTROLLER'), ('ads-sdk', 'Ads SDK', 'SDK_PROVIDER')`);
  await legacy.asOwner(`INSERT INTO activity (key, name, purpose, controller_id, legal_basis, effective_from)
    SELECT 'app-use', 'App use', 'Running the app', id, 'CONTRACT', '2020-01-01' FROM party WHERE key = 'app'`);
  await legacy.asOwner(`INSERT INTO flow (key, activity_id, from_party_id, to_party_id, necessity, effective_from)
    SELECT 'app-to-ads', a.id, s.id, r.id, 'ads pay for the free app', '2020-01-01' FROM activity a, party s, party r
    WHERE a.key = 'app-use' AND s.key = 'app' AND r.key = 'ads-sdk'`);
  database = await prepareDatabase(legacy.url, { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await legacy?.drop();
});

describe('giving the flows of a database a recipient role', () => {
  it("keeps every flow as it was, its role left to the party kind's default", async () => {
    const entries = [...(await flowKind.readEntries(database.dataSource.manager)).values()];
    expect(entries.map((entry) => [entry.key, entry.to, entry.necessity, entry.recipientRole])).toEqual([
      ['app-to-ads', 'ads-sdk', 'ads pay for the free app', null],
    ]);
    const snapshot = await loadInventorySnapshot(database.dataSource.manager);
    expect([...snapshot.flows.values()].map((flow) => flow.recipientRole)).toEqual([null]);
  });
});
