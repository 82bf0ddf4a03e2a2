import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseInventory } from '../src/modules/inventory/normalise-inventory';
import { parseInventoryFile } from '../src/modules/inventory/parse-inventory-file';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const AS_OF = '2024-06-01';
const NOTICE = '[ { kind: ART39_NOTICE, datedOn: 2024-01-01 } ]';

// An app in China on consent with two SDKs it entrusts with processing: the push SDK under an
// Art. 21 agreement, the crash SDK without one; and an ads SDK left to its kind's default.
const INVENTORY = `flowmap: 1
subjectCategories:
  - { key: user, name: User }
dataCategories:
  - { key: device, name: Device identifiers }
parties:
  - { key: app, name: App, kind: CONTROLLER, countries: [CN], evidence: [ { kind: RECIPIENT_CONTACT, datedOn: 2024-01-01 } ] }
  - { key: push-sdk, name: Push SDK, kind: SDK_PROVIDER, countries: [CN],
      evidence: [ { kind: PIPL_ENTRUSTMENT_AGREEMENT, datedOn: 2024-01-01 }, { kind: DATA_PROCESSING_AGREEMENT, datedOn: 2024-01-01 } ] }
  - { key: crash-sdk, name: Crash SDK, kind: SDK_PROVIDER, countries: [CN] }
  - { key: ads-sdk, name: Ads SDK, kind: SDK_PROVIDER, countries: [CN] }
activities:
  - { key: app-use, name: App use, purpose: Running the app, controller: app, legalBasis: CONSENT, subjectCategories: [user],
      dataCategories: [ { category: device, required: true } ], retention: { period: P1Y }, effectiveFrom: 2020-01-01,
      evidence: [ { kind: PI_IMPACT_ASSESSMENT, datedOn: 2020-01-01 } ] }
flows:
  - { key: app-to-push, activity: app-use, from: app, to: push-sdk, dataCategories: [device], recipientRole: PROCESSOR,
      effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
  - { key: app-to-crash, activity: app-use, from: app, to: crash-sdk, dataCategories: [device], recipientRole: PROCESSOR,
      effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
  - { key: app-to-ads, activity: app-use, from: app, to: ads-sdk, dataCategories: [device], effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
`;

const IMPORT = 'mutation($file: String!) { importInventory(file: $file) { applied } }';

async function ruleIdsOnFlow(flowKey: string): Promise<string[]> {
  const result = await api.graphql<{ findings: { nodes: { ruleId: string; flowKeys: string[] }[] } }>(
    `{ findings(asOf: "${AS_OF}", first: 500) { nodes { ruleId flowKeys } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.findings.nodes.filter((finding) => finding.flowKeys.includes(flowKey)).map((finding) => finding.ruleId).sort();
}

beforeAll(async () => {
  api = await startTestServer();
  const imported = await api.graphql(IMPORT, { file: INVENTORY });
  expect(imported.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe("an SDK's role on a flow (recipientRole)", () => {
  it('is answered as recorded, and null where the party kind decides', async () => {
    const result = await api.graphql(
      '{ push: flow(key: "app-to-push") { recipientRole } ads: flow(key: "app-to-ads") { recipientRole } }',
    );
    expect(result.data).toEqual({ push: { recipientRole: 'PROCESSOR' }, ads: { recipientRole: null } });
  });

  it('makes an SDK entrusted under an agreement no provision to another handler', async () => {
    expect(await ruleIdsOnFlow('app-to-push')).toEqual([]);
  });

  it('makes an SDK entrusted without an agreement need one, and not a separate consent', async () => {
    const ids = await ruleIdsOnFlow('app-to-crash');
    expect(ids).toContain('PIPL-ENTRUSTMENT-NO-AGREEMENT');
    expect(ids).not.toContain('PIPL-PROVISION-NO-SEPARATE-CONSENT');
  });

  it('leaves an SDK without a role to its kind: a provision needing separate consent', async () => {
    const ids = await ruleIdsOnFlow('app-to-ads');
    expect(ids).toContain('PIPL-PROVISION-NO-SEPARATE-CONSENT');
    expect(ids).not.toContain('PIPL-ENTRUSTMENT-NO-AGREEMENT');
  });

  it('is changed through the API, and the rules follow', async () => {
    const updated = await api.graphql<{ updateFlow: { recipientRole: string } }>(
      'mutation { updateFlow(key: "app-to-ads", input: { recipientRole: INDEPENDENT_HANDLER }) { recipientRole } }',
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateFlow.recipientRole).toBe('INDEPENDENT_HANDLER');
    const created = await api.graphql<{ createFlow: { recipientRole: string } }>(`mutation { createFlow(input: { key: "app-to-ads-entrusted",
      activity: "app-use", from: "app", to: "ads-sdk", dataCategories: ["device"], recipientRole: PROCESSOR, effectiveFrom: "2020-01-01" }) { recipientRole } }`);
    expect(created.errors).toBeUndefined();
    expect(await ruleIdsOnFlow('app-to-ads-entrusted')).toContain('PIPL-ENTRUSTMENT-NO-AGREEMENT');
    const removed = await api.graphql('mutation { deleteFlow(key: "app-to-ads-entrusted") { key } }');
    expect(removed.errors).toBeUndefined();
    const reset = await api.graphql('mutation { updateFlow(key: "app-to-ads", input: { recipientRole: null }) { key } }');
    expect(reset.errors).toBeUndefined();
  });

  it('is refused, naming the field, when it is no role', async () => {
    const result = await api.graphql(IMPORT, { file: INVENTORY.replace('recipientRole: PROCESSOR', 'recipientRole: CONTROLLER') });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toMatch(/recipientRole/);
  });

  it("round-trips through the file: the exported flows are the normalised file's", async () => {
    const parsed = parseInventoryFile(INVENTORY);
    if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
    const exported = await api.graphql<{ exportInventory: string }>('{ exportInventory }');
    expect(exported.errors).toBeUndefined();
    const reparsed = parseInventoryFile(exported.data!.exportInventory);
    if ('errors' in reparsed) throw new Error(JSON.stringify(reparsed.errors));
    expect(reparsed.document.flows).toEqual(normaliseInventory(parsed.document).flows);
    expect(reparsed.document.flows?.map((flow) => flow.recipientRole)).toEqual([null, 'PROCESSOR', 'PROCESSOR']);
  });
});
