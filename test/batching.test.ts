import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  await api.graphql(CREATE.party, { input: makeParty({ key: 'hub', countries: ['DE'] }) });
  await api.graphql(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await api.graphql(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await api.graphql(CREATE.subject, { input: makeSubject() });
  await api.graphql(CREATE.activity, { input: makeActivity({ controller: 'hub' }) });
  for (let index = 0; index < 99; index += 1) {
    const key = `processor-${String(index).padStart(3, '0')}`;
    await api.graphql(CREATE.party, { input: makeParty({ key, kind: 'PROCESSOR', countries: index % 2 ? ['US'] : ['FR', 'IE'] }) });
    await api.graphql(CREATE.flow, { input: makeFlow({ key: `to-${key}`, from: 'hub', to: key, dataCategories: ['contact.email'] }) });
  }
});
afterAll(async () => {
  await api?.stop();
});

describe('relations load in batches', () => {
  it('lists 100 parties with their countries, flows and categories in a constant number of statements', async () => {
    const before = api.database.statements.count;
    const result = await api.graphql<{ parties: { nodes: { inboundFlows: unknown[] }[] } }>(`{
      parties(first: 100) {
        nodes {
          key countries { code }
          inboundFlows { key from { key } dataCategories { key parent { key } } countries { code } crossesBorder }
          outboundFlows { key to { key countries { code } } activity { key } }
          categoriesReceived { key }
          evidence { kind }
        }
      }
    }`);
    const statements = api.database.statements.count - before;
    expect(result.errors).toBeUndefined();
    expect(result.data?.parties.nodes).toHaveLength(100);
    // One count and one page, then one batch per relation level, whatever the number of parties.
    expect(statements).toBeLessThanOrEqual(16);
  });
});
