import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

interface ProvisionAnswer {
  profileDataFlows: { hops: { flowKey: string; verdict: string; lawful: boolean | null; findings: { ruleId: string; message: string }[] }[] };
}

const ASK = `{ profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "CN" }, asOf: "2024-06-01") {
  hops { flowKey verdict lawful findings { ruleId message } } } }`;

beforeAll(async () => {
  api = await startTestServer();
  // A Chinese app giving contact data to an analytics SDK in China, which uses it for its own ends.
  await ok(CREATE.party, { input: makeParty({ key: 'app', countries: ['CN'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'sdk', name: 'Stats SDK Co.', kind: 'SDK_PROVIDER', countries: ['CN'] }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity({ controller: 'app', evidence: [{ kind: 'PI_IMPACT_ASSESSMENT', datedOn: '2024-01-01' }] }) });
  await ok(CREATE.flow, { input: makeFlow({ key: 'to-sdk', from: 'app', to: 'sdk', dataCategories: ['contact'], necessity: 'crash reports for the contract' }) });
});
afterAll(async () => {
  await api?.stop();
});

describe('the PIPL Art. 23 notice of a provision to another handler', () => {
  it('is missing while the recipient has no contact on record: a gap on a hop that is otherwise lawful', async () => {
    const { profileDataFlows } = await ok<ProvisionAnswer>(ASK);
    expect(profileDataFlows.hops).toEqual([
      {
        flowKey: 'to-sdk',
        verdict: 'LAWFUL_WITH_GAPS',
        lawful: true,
        findings: [
          {
            ruleId: 'PIPL-PROVISION-NO-NOTICE',
            message: "flow 'to-sdk' (app → sdk) provides personal information to the handler Stats SDK Co. ('sdk') with no contact of it on record for the Art. 23 notice",
          },
        ],
      },
    ]);
  });

  it('holds once the contact is on record', async () => {
    await ok('mutation { updateParty(key: "sdk", input: { evidence: [{ kind: RECIPIENT_CONTACT, datedOn: "2024-01-01", reference: "privacy@stats-sdk.example" }] }) { key } }');
    const { profileDataFlows } = await ok<ProvisionAnswer>(ASK);
    expect(profileDataFlows.hops).toEqual([{ flowKey: 'to-sdk', verdict: 'LAWFUL', lawful: true, findings: [] }]);
  });
});
