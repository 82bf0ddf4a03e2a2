import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * Which regimes reach a hop follows from where its subjects live (GDPR Art. 3(2)), and a VIEWER may
 * not read persons: the transfers it sees must be those of the map alone, the same whether or not
 * a person living in Germany is stored.
 */

let api: TestServer;
const example = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');
const exampleWithoutPersons = example.slice(0, example.indexOf('\npersons:'));
const IMPORT = 'mutation($file: String!) { importInventory(file: $file) { applied } }';
const UPSERT_PERSON = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted } }';
const TRANSFERS = `{
  crossBorderTransfers(asOf: "2024-06-01") { totalCount nodes { flowKey transferRegimes } }
  gdpr: crossBorderTransfers(asOf: "2024-06-01", filter: { regime: "GDPR" }) { totalCount }
  transferRegister(asOf: "2024-06-01")
  recordOfProcessing(asOf: "2024-06-01", format: CSV)
}`;

beforeAll(async () => {
  api = await startTestServer();
  expect((await api.graphql(IMPORT, { file: exampleWithoutPersons })).errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe("a VIEWER's cross-border transfers", () => {
  it('do not change when a person living elsewhere is stored, while an AUDITOR sees the transfers that person adds', async () => {
    const viewer = await api.as(Role.VIEWER);
    const auditor = await api.as(Role.AUDITOR);
    const viewerBefore = await viewer.graphql(TRANSFERS);
    const auditorBefore = await auditor.graphql(TRANSFERS);
    expect(viewerBefore.errors).toBeUndefined();
    expect(auditorBefore.data).toEqual(viewerBefore.data);

    const stored = await api.graphql(UPSERT_PERSON, { input: { externalId: 'lives-in-germany', countryOfResidence: 'DE', subjectCategories: ['app-user'] } });
    expect(stored.errors).toBeUndefined();

    const auditorAfter = await auditor.graphql<{ gdpr: { totalCount: number } }>(TRANSFERS);
    expect(auditorAfter.data!.gdpr.totalCount).toBeGreaterThan((auditorBefore.data as { gdpr: { totalCount: number } }).gdpr.totalCount);
    expect((await viewer.graphql(TRANSFERS)).data).toEqual(viewerBefore.data);
  });
});
