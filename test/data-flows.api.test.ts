import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

interface FlowMap {
  parties: { key: string }[];
  hops: { flowKey: string; fromKey: string; toKey: string; depth: number; categoryKeys: string[]; crossesBorder: boolean; fromCountries: string[]; toCountries: string[]; lawful: boolean; regimes: string[] }[];
  summary: { countriesReached: string[]; recipients: { partyKey: string; categoryKeys: string[] }[] };
  findings: { ruleId: string }[];
}

const PERSON_FLOWS = `query($id: String!, $asOf: DateTimeISO) { person(externalId: $id) { dataFlows(asOf: $asOf) {
  parties { key } hops { flowKey fromKey toKey depth categoryKeys crossesBorder fromCountries toCountries lawful regimes }
  summary { countriesReached recipients { partyKey categoryKeys } } findings { ruleId } } } }`;

beforeAll(async () => {
  api = await startTestServer();
  await ok(CREATE.party, { input: makeParty({ key: 'shop-cn', countries: ['CN'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'cloud-de', kind: 'PROCESSOR', countries: ['DE'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'backup-us', kind: 'SUB_PROCESSOR', countries: ['US'], engagedBy: 'cloud-de' }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact.phone', name: 'Phone', parent: 'contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity({ controller: 'shop-cn', legalBasis: 'CONSENT' }) });
  await ok(CREATE.flow, { input: makeFlow({ key: 'to-cloud', from: 'shop-cn', to: 'cloud-de', dataCategories: ['contact'], mechanism: 'PIPL_STANDARD_CONTRACT' }) });
  await ok(CREATE.flow, { input: makeFlow({ key: 'to-backup', from: 'cloud-de', to: 'backup-us', dataCategories: ['contact.email'] }) });
  await ok('mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted } }', {
    input: { externalId: 'li-wei', countryOfResidence: 'CN', subjectCategories: ['app-user'], consents: [{ activity: 'accounts', kind: 'ORDINARY', givenAt: '2024-02-01T00:00:00Z' }] },
  });
});
afterAll(async () => {
  await api?.stop();
});

describe("a person's data flows", () => {
  it('follows the flows hop by hop, narrowing categories, with countries on both sides', async () => {
    const { person } = await ok<{ person: { dataFlows: FlowMap } }>(PERSON_FLOWS, { id: 'li-wei' });
    const answer = person.dataFlows;
    expect(answer.parties.map((party) => party.key)).toEqual(expect.arrayContaining(['backup-us', 'cloud-de', 'shop-cn']));
    expect(answer.hops.map((hop) => [hop.flowKey, hop.depth, hop.categoryKeys, hop.fromCountries, hop.toCountries, hop.crossesBorder])).toEqual([
      ['to-cloud', 1, ['contact'], ['CN'], ['DE'], true],
      ['to-backup', 2, ['contact.email'], ['DE'], ['US'], true],
    ]);
    expect(answer.summary.countriesReached).toEqual(['CN', 'DE', 'US']);
    // PIPL follows a mainland-China resident's data down the chain; the onward hop has no mechanism.
    const onward = answer.hops[1];
    expect(onward.regimes).toContain('PIPL');
    expect(onward.lawful).toBe(false);
    expect(answer.findings.length).toBeGreaterThan(0);
  });

  it('answers from the cached data map: a handful of statements per question, whatever its size', async () => {
    await ok(PERSON_FLOWS, { id: 'li-wei' });
    const before = api.database.statements.count;
    await ok(PERSON_FLOWS, { id: 'li-wei' });
    // The caller's token, the inventory revision, the person with their consents.
    expect(api.database.statements.count - before).toBeLessThanOrEqual(4);
  });

  it('collects nothing before the consent was given', async () => {
    const { person } = await ok<{ person: { dataFlows: FlowMap } }>(PERSON_FLOWS, { id: 'li-wei', asOf: '2024-01-15T00:00:00Z' });
    expect(person.dataFlows.hops).toEqual([]);
    expect(person.dataFlows.parties).toEqual([]);
  });

  it('sees a change to the data map at once (the cached inventory follows the revision)', async () => {
    await ok('mutation { updateFlow(key: "to-backup", input: { effectiveTo: "2024-01-31" }) { key } }');
    const { person } = await ok<{ person: { dataFlows: FlowMap } }>(PERSON_FLOWS, { id: 'li-wei' });
    expect(person.dataFlows.hops.map((hop) => hop.flowKey)).toEqual(['to-cloud']);
    await ok('mutation { updateFlow(key: "to-backup", input: { effectiveTo: null }) { key } }');
  });

  it('answers the same question for a profile that is not stored', async () => {
    const { profileDataFlows } = await ok<{ profileDataFlows: FlowMap }>(`{ profileDataFlows(profile: {
      subjectCategories: ["app-user"], countryOfResidence: "CN",
      consents: [{ activity: "accounts", kind: ORDINARY, givenAt: "2024-02-01T00:00:00Z" }] }) { hops { flowKey } } }`);
    expect(profileDataFlows.hops.map((hop) => hop.flowKey)).toEqual(['to-cloud', 'to-backup']);
    const bad = await api.graphql('{ profileDataFlows(profile: { subjectCategories: ["nobody"], countryOfResidence: "XX" }) { hops { flowKey } } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('profile.countryOfResidence');
  });
});

describe('inventory-wide questions', () => {
  it('lists cross-border transfers, filtered', async () => {
    const data = await ok<{ all: { flowKey: string }[]; unlawful: { flowKey: string }[]; toUs: { flowKey: string }[] }>(`{
      all: crossBorderTransfers { flowKey }
      unlawful: crossBorderTransfers(filter: { lawful: false }) { flowKey }
      toUs: crossBorderTransfers(filter: { destinationCountry: "US" }) { flowKey }
    }`);
    expect(data.all.map((hop) => hop.flowKey).sort()).toEqual(['to-backup', 'to-cloud']);
    expect(data.unlawful.map((hop) => hop.flowKey)).toContain('to-backup');
    expect(data.toUs.map((hop) => hop.flowKey)).toEqual(['to-backup']);
  });

  it('says which parties receive a category and where', async () => {
    const { recipientsOfCategory } = await ok<{ recipientsOfCategory: unknown[] }>('{ recipientsOfCategory(category: "contact.phone") { partyKey countries } }');
    expect(recipientsOfCategory).toEqual([{ partyKey: 'cloud-de', countries: ['DE'] }]);
  });

  it('counts the persons whose data reaches a party or a country', async () => {
    const data = await ok<Record<string, { count: number; externalIds: string[] }>>(`{
      us: personsReaching(country: "US") { count externalIds }
      cloud: personsReaching(party: "cloud-de") { count externalIds }
      nowhere: personsReaching(country: "JP") { count }
    }`);
    expect(data).toEqual({ us: { count: 1, externalIds: ['li-wei'] }, cloud: { count: 1, externalIds: ['li-wei'] }, nowhere: { count: 0 } });
  });

  it('reports findings across the inventory, filtered by rule, severity and party', async () => {
    const { all } = await ok<{ all: { ruleId: string; severity: string; partyKeys: string[] }[] }>('{ all: findings { ruleId severity partyKeys } }');
    expect(all.length).toBeGreaterThan(0);
    const ruleId = all[0].ruleId;
    const { byRule } = await ok<{ byRule: { ruleId: string }[] }>('query($rule: String) { byRule: findings(rule: $rule) { ruleId } }', { rule: ruleId });
    expect(byRule.every((finding) => finding.ruleId === ruleId)).toBe(true);
    const { critical } = await ok<{ critical: { severity: string }[] }>('{ critical: findings(severity: CRITICAL) { severity } }');
    expect(critical.every((finding) => finding.severity === 'CRITICAL')).toBe(true);
    const { backup } = await ok<{ backup: { partyKeys: string[] }[] }>('{ backup: findings(party: "backup-us") { partyKeys } }');
    expect(backup.every((finding) => finding.partyKeys.includes('backup-us'))).toBe(true);
  });

  it('lists the rules it checks', async () => {
    const { rules } = await ok<{ rules: { id: string; legalReference: string }[] }>('{ rules { id legalReference } }');
    expect(rules.length).toBeGreaterThan(15);
    expect(rules.every((rule) => rule.legalReference.length > 0)).toBe(true);
  });
});
