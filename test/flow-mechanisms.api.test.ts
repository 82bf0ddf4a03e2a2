import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseInventory } from '../src/modules/inventory/normalise-inventory';
import { parseInventoryFile } from '../src/modules/inventory/parse-inventory-file';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const AS_OF = '2024-06-01';

// A German shop whose US cloud relies on its DPF certification, lapsed at the end of January 2024,
// with SCC Module 2 (and their own transfer impact assessment) as fallback.
const INVENTORY = `flowmap: 1
subjectCategories:
  - { key: customer, name: Customer }
dataCategories:
  - { key: contact, name: Contact details }
parties:
  - { key: shop, name: Shop GmbH, kind: CONTROLLER, countries: [DE] }
  - { key: cloud, name: Cloud Inc., kind: PROCESSOR, countries: [US],
      evidence: [ { kind: DATA_PROCESSING_AGREEMENT, datedOn: 2023-01-01 }, { kind: DPF_CERTIFICATION, datedOn: 2023-08-01, expiresOn: 2024-01-31 } ] }
activities:
  - { key: orders, name: Orders, purpose: Selling goods, controller: shop, legalBasis: CONTRACT, subjectCategories: [customer],
      dataCategories: [ { category: contact, required: true } ], retention: { period: P1Y }, effectiveFrom: 2020-01-01 }
flows:
  - key: shop-to-cloud
    activity: orders
    from: shop
    to: cloud
    dataCategories: [contact]
    effectiveFrom: 2020-01-01
    mechanisms:
      - { mechanism: ADEQUACY_DECISION }
      - { mechanism: STANDARD_CONTRACTUAL_CLAUSES, sccModule: CONTROLLER_TO_PROCESSOR,
          evidence: [ { kind: TRANSFER_IMPACT_ASSESSMENT, datedOn: 2024-02-01, reference: TIA-2024-02 } ] }
`;

const HOP_FIELDS = 'flowKey mechanisms mechanism verdict reliedOnMechanisms { regime mechanism position } mechanismTrials { regime mechanism position holds reasons }';

beforeAll(async () => {
  api = await startTestServer();
  const imported = await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file: INVENTORY });
  expect(imported.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe('several mechanisms on one flow (mechanisms)', () => {
  it('answers the list in order, each with its module and its own evidence, and the first as the deprecated single field', async () => {
    const result = await api.graphql(
      '{ flow(key: "shop-to-cloud") { mechanism mechanisms { mechanism sccModule piplExemption evidence { kind reference } } evidence { kind } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      flow: {
        mechanism: 'ADEQUACY_DECISION',
        mechanisms: [
          { mechanism: 'ADEQUACY_DECISION', sccModule: null, piplExemption: null, evidence: [] },
          { mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', sccModule: 'CONTROLLER_TO_PROCESSOR', piplExemption: null,
            evidence: [{ kind: 'TRANSFER_IMPACT_ASSESSMENT', reference: 'TIA-2024-02' }] },
        ],
        evidence: [],
      },
    });
  });

  it('judges the transfer on the fallback once the certification has lapsed, saying what it relied on and why adequacy failed', async () => {
    const result = await api.graphql<{ before: { nodes: unknown[] }; after: { nodes: unknown[] } }>(
      `{ before: crossBorderTransfers(asOf: "2023-12-01") { nodes { ${HOP_FIELDS} } }
         after: crossBorderTransfers(asOf: "${AS_OF}") { nodes { ${HOP_FIELDS} } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.before.nodes).toEqual([{
      flowKey: 'shop-to-cloud', mechanisms: ['ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES'], mechanism: 'ADEQUACY_DECISION', verdict: 'LAWFUL',
      reliedOnMechanisms: [{ regime: 'GDPR', mechanism: 'ADEQUACY_DECISION', position: 0 }],
      mechanismTrials: [{ regime: 'GDPR', mechanism: 'ADEQUACY_DECISION', position: 0, holds: true, reasons: [] }],
    }]);
    expect(result.data!.after.nodes).toEqual([{
      flowKey: 'shop-to-cloud', mechanisms: ['ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES'], mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', verdict: 'LAWFUL',
      reliedOnMechanisms: [{ regime: 'GDPR', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', position: 1 }],
      mechanismTrials: [
        { regime: 'GDPR', mechanism: 'ADEQUACY_DECISION', position: 0, holds: false, reasons: [expect.stringContaining('claims adequacy under GDPR on 2024-06-01')] },
        { regime: 'GDPR', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', position: 1, holds: true, reasons: [] },
      ],
    }]);
  });

  it('narrows the register by the mechanism relied on', async () => {
    const result = await api.graphql<{ scc: { totalCount: number }; adequacy: { totalCount: number } }>(
      `{ scc: crossBorderTransfers(asOf: "${AS_OF}", filter: { mechanism: STANDARD_CONTRACTUAL_CLAUSES }) { totalCount }
         adequacy: crossBorderTransfers(asOf: "${AS_OF}", filter: { mechanism: ADEQUACY_DECISION }) { totalCount } }`,
    );
    expect(result.data).toEqual({ scc: { totalCount: 1 }, adequacy: { totalCount: 0 } });
  });

  it('exports the list as imported: the normalised file comes back', async () => {
    const parsed = parseInventoryFile(INVENTORY);
    if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
    const result = await api.graphql<{ exportInventory: string }>('{ exportInventory }');
    const exported = parseInventoryFile(result.data!.exportInventory);
    if ('errors' in exported) throw new Error(JSON.stringify(exported.errors));
    expect(exported.document.flows).toEqual(normaliseInventory(parsed.document).flows);
  });

  it('takes the single-mechanism shorthand as a list of one, and refuses it together with the list, naming the field', async () => {
    const updated = await api.graphql<{ updateFlow: { mechanisms: { mechanism: string }[] } }>(
      'mutation { updateFlow(key: "shop-to-cloud", input: { mechanism: BINDING_CORPORATE_RULES }) { mechanisms { mechanism } } }',
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateFlow.mechanisms).toEqual([{ mechanism: 'BINDING_CORPORATE_RULES' }]);
    const both = await api.graphql(
      'mutation { updateFlow(key: "shop-to-cloud", input: { mechanism: BINDING_CORPORATE_RULES, mechanisms: [{ mechanism: ADEQUACY_DECISION }] }) { key } }',
    );
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0].message).toMatch(/input\.mechanism: give either mechanisms or the single mechanism shorthand/);
  });

  it('refuses a module on a mechanism that is no SCC and flow-only evidence on a mechanism, naming each field', async () => {
    const result = await api.graphql(
      `mutation { updateFlow(key: "shop-to-cloud", input: { mechanisms: [
         { mechanism: ADEQUACY_DECISION, sccModule: CONTROLLER_TO_PROCESSOR },
         { mechanism: STANDARD_CONTRACTUAL_CLAUSES, evidence: [{ kind: ART39_NOTICE, datedOn: "2024-01-01" }] } ] }) { key } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/input\.mechanisms\[0\]\.sccModule: an SCC module belongs to STANDARD_CONTRACTUAL_CLAUSES/);
    expect(result.errors?.[0].message).toMatch(/input\.mechanisms\[1\]\.evidence\[0\]\.kind: ART39_NOTICE belongs to the flow/);
  });
});
