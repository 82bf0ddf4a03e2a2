import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/db/database';
import type { Database } from '../src/db/data-source';
import { activityKind } from '../src/modules/activity/activity.store';
import { auditKeyFrom, generateAuditKeyText } from '../src/modules/audit/audit-key';
import { loadInventorySnapshot } from '../src/modules/flow-query/load-inventory-snapshot';
import { createDatabaseBefore, type LegacyDatabase } from './support/legacy-database';

let legacy: LegacyDatabase;
let database: Database;

beforeAll(async () => {
  // The schema as it was before activities recorded what their notice states of ages, with an activity in it.
  legacy = await createDatabaseBefore('20261202_0024_activity_age_limits.sql');
  await legacy.asOwner(`INSERT INTO party (key, name, kind) VALUES ('app', 'App', 'CONTROLLER')`);
  await legacy.asOwner(`INSERT INTO activity (key, name, purpose, controller_id, legal_basis, description, targets_residents, effective_from)
    SELECT 'app-use', 'App use', 'Running the app', id, 'CONTRACT', 'kept as it was', false, '2020-01-01' FROM party WHERE key = 'app'`);
  database = await prepareDatabase(legacy.url, { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await legacy?.drop();
});

describe('giving the activities of a database what their notice states', () => {
  it('keeps every activity as it was, with no age limit of its own, no personalised advertising and no automated decisions', async () => {
    const entries = [...(await activityKind.readEntries(database.dataSource.manager)).values()];
    expect(entries.map((entry) => [entry.key, entry.purpose, entry.description, entry.targetsResidents, entry.minimumAge, entry.guardianConsentUnder])).toEqual([
      ['app-use', 'Running the app', 'kept as it was', false, null, null],
    ]);
    expect(entries[0]).toMatchObject({ personalisedAdvertising: false, advertisingOptOut: false, automatedDecisions: 'NONE', humanReview: false });
    const snapshot = await loadInventorySnapshot(database.dataSource.manager);
    expect([...snapshot.activities.values()].map((activity) => [activity.minimumAge, activity.guardianConsentUnder])).toEqual([[null, null]]);
  });
});
