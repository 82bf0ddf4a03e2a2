import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

interface UnknownDestinationAnswer {
  hops: { flowKey: string; toCountries: string[]; crossesBorder: boolean | null; verdict: string; lawful: boolean | null; findings: { ruleId: string; message: string }[] }[];
  summary: { countriesReached: string[]; unknownDestinations: string[]; unknownDestinationHopCount: number; crossBorderHopCount: number; undeterminedHopCount: number };
}

beforeAll(async () => {
  api = await startTestServer();
  // A German controller's CRM vendor whose country the company never recorded.
  await ok(CREATE.party, { input: makeParty({ key: 'acme', countries: ['DE'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'crm', name: 'Somewhere CRM Ltd', kind: 'PROCESSOR', countries: [], evidence: [{ kind: 'DATA_PROCESSING_AGREEMENT', datedOn: '2024-01-01' }] }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity() });
  await ok(CREATE.flow, { input: makeFlow({ key: 'to-crm', to: 'crm', dataCategories: ['contact'] }) });
});
afterAll(async () => {
  await api?.stop();
});

describe('a recipient with no country on record', () => {
  it('makes the hop UNDETERMINED, with the finding that says why, and shows the destination as unknown', async () => {
    const { profileDataFlows } = await ok<{ profileDataFlows: UnknownDestinationAnswer }>(
      `{ profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "DE" }, asOf: "2024-06-01") {
         hops { flowKey toCountries crossesBorder verdict lawful findings { ruleId message } }
         summary { countriesReached unknownDestinations unknownDestinationHopCount crossBorderHopCount undeterminedHopCount } } }`,
    );
    expect(profileDataFlows.hops).toEqual([
      {
        flowKey: 'to-crm',
        toCountries: [],
        crossesBorder: null,
        verdict: 'UNDETERMINED',
        lawful: null,
        findings: [
          {
            ruleId: 'GDPR-DESTINATION-UNKNOWN',
            message: "destination unknown: the transfer cannot be assessed under GDPR: Somewhere CRM Ltd ('crm'), reached by flow 'to-crm' (acme → crm), has no country on record",
          },
        ],
      },
    ]);
    expect(profileDataFlows.summary).toEqual({ countriesReached: ['DE'], unknownDestinations: ['crm'], unknownDestinationHopCount: 1, crossBorderHopCount: 0, undeterminedHopCount: 1 });
  });

  it('lists the finding across the whole map, and the rule in the catalogue with what it cannot know', async () => {
    const data = await ok<{
      findings: { nodes: { ruleId: string; flowKeys: string[] }[] };
      rules: { id: string; verdictEffect: string; legalReference: string; scope: string; regime: string | null; limitation: string }[];
    }>(`{ findings(asOf: "2024-06-01") { nodes { ruleId flowKeys } } rules { id verdictEffect legalReference scope regime limitation } }`);
    expect(data.findings.nodes).toContainEqual({ ruleId: 'GDPR-DESTINATION-UNKNOWN', flowKeys: ['to-crm'] });
    const limitation = expect.stringMatching(/cannot say whether the data in fact leaves/);
    expect(data.rules.filter((rule) => rule.id.endsWith('-DESTINATION-UNKNOWN'))).toEqual([
      { id: 'GDPR-DESTINATION-UNKNOWN', verdictEffect: 'UNDETERMINED', legalReference: 'GDPR Arts. 30(1)(e), 44', scope: 'HOP', regime: 'GDPR', limitation },
      { id: 'PIPL-DESTINATION-UNKNOWN', verdictEffect: 'UNDETERMINED', legalReference: 'PIPL Arts. 38(1), 39', scope: 'HOP', regime: 'PIPL', limitation },
      { id: 'UK-GDPR-DESTINATION-UNKNOWN', verdictEffect: 'UNDETERMINED', legalReference: 'UK GDPR Arts. 30(1)(e), 44', scope: 'HOP', regime: 'UK_GDPR', limitation },
    ]);
  });
});
