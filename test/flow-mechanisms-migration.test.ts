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
  // The schema as it was when a flow had one mechanism column, with three flows and a TIA in it.
  legacy = await createDatabaseBefore('20261202_0022_flow_mechanisms.sql');
  await legacy.asOwner(`INSERT INTO party (key, name, kind) VALUES ('app', 'App', 'CONTROLLER'), ('cloud', 'Cloud', 'PROCESSOR'), ('hotel', 'Hotel', 'THIRD_PARTY')`);
  await legacy.asOwner(`INSERT INTO activity (key, name, purpose, controller_id, legal_basis, effective_from)
    SELECT 'booking', 'Booking', 'Booking hotels', id, 'CONTRACT', '2020-01-01' FROM party WHERE key = 'app'`);
  await legacy.asOwner(`INSERT INTO flow (key, activity_id, from_party_id, to_party_id, mechanism, pipl_exemption, effective_from)
    SELECT v.key, a.id, s.id, r.id, v.mechanism, v.exemption, '2020-01-01'
    FROM (VALUES ('to-cloud', 'cloud', 'STANDARD_CONTRACTUAL_CLAUSES', NULL), ('to-hotel', 'hotel', 'PIPL_EXEMPTION', 'CONTRACT_NECESSITY'),
                 ('to-hotel-plain', 'hotel', NULL, NULL)) AS v (key, receiver, mechanism, exemption)
    JOIN activity a ON a.key = 'booking' JOIN party s ON s.key = 'app' JOIN party r ON r.key = v.receiver`);
  await legacy.asOwner(`INSERT INTO evidence (flow_id, kind, dated_on, reference)
    SELECT id, 'TRANSFER_IMPACT_ASSESSMENT', '2023-05-01', 'TIA-7' FROM flow WHERE key = 'to-cloud'`);
  database = await prepareDatabase(legacy.url, { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await legacy?.drop();
});

describe('moving each flow\'s single mechanism into its list of mechanisms', () => {
  it('makes the mechanism the first entry, with its exemption, and keeps the evidence on the flow', async () => {
    const entries = [...(await flowKind.readEntries(database.dataSource.manager)).values()];
    expect(entries.map((entry) => [entry.key, entry.mechanisms, entry.evidence])).toEqual([
      ['to-cloud', [{ mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', sccModule: null, piplExemption: null, evidence: [] }],
        [{ kind: 'TRANSFER_IMPACT_ASSESSMENT', datedOn: '2023-05-01', expiresOn: null, reference: 'TIA-7' }]],
      ['to-hotel', [{ mechanism: 'PIPL_EXEMPTION', sccModule: null, piplExemption: 'CONTRACT_NECESSITY', evidence: [] }], []],
      ['to-hotel-plain', [], []],
    ]);
    const snapshot = await loadInventorySnapshot(database.dataSource.manager);
    const byKey = new Map([...snapshot.flows.values()].map((flow) => [flow.key, flow]));
    expect(byKey.get('to-cloud')?.evidence.map((record) => record.reference)).toEqual(['TIA-7']);
    expect(byKey.get('to-hotel')?.mechanisms).toEqual([{ mechanism: 'PIPL_EXEMPTION', sccModule: null, piplExemption: 'CONTRACT_NECESSITY', evidence: [] }]);
  });
});
