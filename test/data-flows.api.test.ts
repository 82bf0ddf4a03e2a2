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

const PERSON_FLOWS = `query($id: String!, $asOf: AsOf) { person(externalId: $id) { dataFlows(asOf: $asOf) {
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

describe('asOf', () => {
  it('takes a date or a date-time in every question about a moment', async () => {
    const data = await ok<{ recordOfProcessing: string; transferRegister: string; findings: { totalCount: number } }>(
      `{ recordOfProcessing(format: CSV, asOf: "2024-06-01") transferRegister(asOf: "2024-06-01T12:00:00+02:00")
         findings(asOf: "2024-06-01") { totalCount } crossBorderTransfers(asOf: "2024-06-01") { totalCount } }`,
    );
    expect(data.recordOfProcessing.length).toBeGreaterThan(0);
    const byDate = await ok<{ person: { dataFlows: FlowMap } }>(PERSON_FLOWS, { id: 'li-wei', asOf: '2024-06-01' });
    const byMidnight = await ok<{ person: { dataFlows: FlowMap } }>(PERSON_FLOWS, { id: 'li-wei', asOf: '2024-06-01T00:00:00Z' });
    expect(byDate).toEqual(byMidnight);
  });

  it.each([['literal', '{ findings(asOf: "2024-06-31") { totalCount } }', undefined], ['variable', 'query($asOf: AsOf) { findings(asOf: $asOf) { totalCount } }', { asOf: '2024-06-01T12:00' }]])(
    'refuses a %s that is neither, naming the argument',
    async (_how, query, variables) => {
      const result = await api.graphql(query, variables);
      expect(result.errors?.[0].message).toMatch(/asOf: .* is not a date or a date-time/);
      expect(result.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    },
  );
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

  it('gives every hop a verdict with the findings that produced it, and counts hops per verdict', async () => {
    // With separate consent, the standard contract holds on the first hop; only evidence is missing.
    const { profileDataFlows } = await ok<{ profileDataFlows: { hops: { flowKey: string; verdict: string; lawful: boolean; findings: { ruleId: string; flowKeys: string[] }[] }[]; summary: Record<string, number> } }>(
      `{ profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "CN", consents: [
           { activity: "accounts", kind: ORDINARY, givenAt: "2024-02-01T00:00:00Z" }, { activity: "accounts", kind: SEPARATE, givenAt: "2024-02-01T00:00:00Z" }] }) {
         hops { flowKey verdict lawful findings { ruleId flowKeys } }
         summary { lawfulHopCount lawfulWithGapsHopCount unlawfulHopCount undeterminedHopCount } } }`,
    );
    expect(profileDataFlows.hops.map((hop) => [hop.flowKey, hop.verdict, hop.lawful, hop.findings.map((finding) => finding.ruleId)])).toEqual([
      ['to-cloud', 'LAWFUL_WITH_GAPS', true, ['PIPL-EXPORT-NO-NOTICE', 'PIPL-MECHANISM-NO-FILING', 'PIPL-ENTRUSTMENT-NO-AGREEMENT']],
      ['to-backup', 'UNLAWFUL', false, ['GDPR-TRANSFER-NO-MECHANISM', 'GDPR-PROCESSOR-NO-DPA', 'PIPL-EXPORT-NO-MECHANISM', 'PIPL-EXPORT-NO-NOTICE', 'PIPL-ENTRUSTMENT-NO-AGREEMENT']],
    ]);
    expect(profileDataFlows.hops[0].findings.every((finding) => finding.flowKeys.includes('to-cloud'))).toBe(true);
    expect(profileDataFlows.summary).toEqual({ lawfulHopCount: 0, lawfulWithGapsHopCount: 1, unlawfulHopCount: 1, undeterminedHopCount: 0 });
  });

  it('answers from the cached data map: a handful of statements per question, whatever its size', async () => {
    await ok(PERSON_FLOWS, { id: 'li-wei' });
    const before = api.database.statements.count;
    await ok(PERSON_FLOWS, { id: 'li-wei' });
    // The person with their consents and the inventory revision, in one; the caller's token was
    // verified by the first request and is remembered (VerifiedTokenCache).
    expect(api.database.statements.count - before).toBe(1);
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

type Nodes<T> = { nodes: T[] };

describe('inventory-wide questions', () => {
  it('lists cross-border transfers, filtered', async () => {
    const data = await ok<{ all: Nodes<{ flowKey: string }>; unlawful: Nodes<{ flowKey: string }>; toUs: Nodes<{ flowKey: string }> }>(`{
      all: crossBorderTransfers { nodes { flowKey } }
      unlawful: crossBorderTransfers(filter: { lawful: false }) { nodes { flowKey } }
      toUs: crossBorderTransfers(filter: { destinationCountry: "US" }) { nodes { flowKey } }
    }`);
    expect(data.all.nodes.map((hop) => hop.flowKey).sort()).toEqual(['to-backup', 'to-cloud']);
    expect(data.unlawful.nodes.map((hop) => hop.flowKey)).toContain('to-backup');
    expect(data.toUs.nodes.map((hop) => hop.flowKey)).toEqual(['to-backup']);
  });

  it('says under which regimes each hop is a restricted transfer, and judges it per destination', async () => {
    const data = await ok<{ crossBorderTransfers: Nodes<{ flowKey: string; regimes: string[]; transferRegimes: string[]; destinationVerdicts: { country: string; verdict: string }[] }> }>(
      '{ crossBorderTransfers { nodes { flowKey regimes transferRegimes destinationVerdicts { country verdict } } } }',
    );
    const byFlow = new Map(data.crossBorderTransfers.nodes.map((hop) => [hop.flowKey, hop]));
    // Held in China and then in Germany: CN -> DE is a PIPL export only; DE -> US leaves the EEA too.
    expect(byFlow.get('to-cloud')).toMatchObject({ regimes: ['PIPL'], transferRegimes: ['PIPL'], destinationVerdicts: [{ country: 'DE' }] });
    expect(byFlow.get('to-backup')).toMatchObject({ regimes: ['GDPR', 'PIPL'], transferRegimes: ['GDPR', 'PIPL'], destinationVerdicts: [{ country: 'US', verdict: 'UNLAWFUL' }] });
  });

  it('says which parties receive a category and where', async () => {
    const { recipientsOfCategory } = await ok<{ recipientsOfCategory: unknown[] }>('{ recipientsOfCategory(category: "contact.phone") { partyKey countries } }');
    expect(recipientsOfCategory).toEqual([{ partyKey: 'cloud-de', countries: ['DE'] }]);
  });

  it('counts the persons whose data reaches a party or a country', async () => {
    const data = await ok<Record<string, { totalCount: number; nodes?: { externalId: string }[] }>>(`{
      us: personsReaching(country: "US") { totalCount nodes { externalId } }
      cloud: personsReaching(party: "cloud-de") { totalCount nodes { externalId } }
      nowhere: personsReaching(country: "JP") { totalCount }
    }`);
    expect(data).toEqual({
      us: { totalCount: 1, nodes: [{ externalId: 'li-wei' }] },
      cloud: { totalCount: 1, nodes: [{ externalId: 'li-wei' }] },
      nowhere: { totalCount: 0 },
    });
  });

  it('reports findings across the inventory, filtered by rule, severity and party', async () => {
    const { all } = await ok<{ all: Nodes<{ ruleId: string; severity: string; partyKeys: string[] }> }>('{ all: findings { nodes { ruleId severity partyKeys } } }');
    expect(all.nodes.length).toBeGreaterThan(0);
    const ruleId = all.nodes[0].ruleId;
    const { byRule } = await ok<{ byRule: Nodes<{ ruleId: string }> }>('query($rule: String) { byRule: findings(rule: $rule) { nodes { ruleId } } }', { rule: ruleId });
    expect(byRule.nodes.every((finding) => finding.ruleId === ruleId)).toBe(true);
    const { critical } = await ok<{ critical: Nodes<{ severity: string }> }>('{ critical: findings(severity: CRITICAL) { nodes { severity } } }');
    expect(critical.nodes.every((finding) => finding.severity === 'CRITICAL')).toBe(true);
    const { backup } = await ok<{ backup: Nodes<{ partyKeys: string[] }> }>('{ backup: findings(party: "backup-us") { nodes { partyKeys } } }');
    expect(backup.nodes.every((finding) => finding.partyKeys.includes('backup-us'))).toBe(true);
  });

  it('pages through findings and transfers: the pages join up into the whole list', async () => {
    const PAGE = `query($after: String) {
      findings(first: 1, after: $after) { totalCount nodes { ruleId message } pageInfo { hasNextPage endCursor } }
    }`;
    const { whole } = await ok<{ whole: { totalCount: number; nodes: { ruleId: string; message: string }[] } }>('{ whole: findings(first: 500) { totalCount nodes { ruleId message } } }');
    expect(whole.totalCount).toBe(whole.nodes.length);
    const paged: { ruleId: string; message: string }[] = [];
    let after: string | null = null;
    for (;;) {
      type FindingPage = { findings: { totalCount: number; nodes: { ruleId: string; message: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const { findings }: FindingPage = await ok<FindingPage>(PAGE, { after });
      expect(findings.totalCount).toBe(whole.totalCount);
      paged.push(...findings.nodes);
      if (!findings.pageInfo.hasNextPage) break;
      after = findings.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.nodes);
    type TransferPage = { transfers: { totalCount: number; nodes: { flowKey: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const TRANSFERS = 'query($after: String) { transfers: crossBorderTransfers(first: 1, after: $after) { totalCount nodes { flowKey } pageInfo { hasNextPage endCursor } } }';
    const first = (await ok<TransferPage>(TRANSFERS)).transfers;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = (await ok<TransferPage>(TRANSFERS, { after: first.pageInfo.endCursor })).transfers;
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    const { whole: everyTransfer } = await ok<{ whole: { nodes: { flowKey: string }[] } }>('{ whole: crossBorderTransfers { nodes { flowKey } } }');
    expect([...first.nodes, ...second.nodes]).toEqual(everyTransfer.nodes);
    const bad = await api.graphql('{ findings(after: "not-a-cursor") { totalCount } }');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });

  it('follows the residences of the stored persons, as soon as they change', async () => {
    await ok(CREATE.party, { input: makeParty({ key: 'shop-de', countries: ['DE'] }) });
    await ok(CREATE.subject, { input: makeSubject({ key: 'subscriber', name: 'Subscriber' }) });
    await ok(CREATE.activity, { input: makeActivity({ key: 'newsletter', controller: 'shop-de', legalBasis: 'CONSENT', subjectCategories: ['subscriber'] }) });
    await ok(CREATE.flow, {
      input: makeFlow({ key: 'newsletter-to-us', activity: 'newsletter', from: 'shop-de', to: 'backup-us', dataCategories: ['contact'], mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }),
    });
    const PIPL_ON_FLOW = '{ findings(party: "shop-de", first: 500) { nodes { ruleId flowKeys } } }';
    const piplRules = async () =>
      (await ok<{ findings: Nodes<{ ruleId: string; flowKeys: string[] }> }>(PIPL_ON_FLOW)).findings.nodes
        .filter((finding) => finding.flowKeys.includes('newsletter-to-us') && finding.ruleId.startsWith('PIPL-'))
        .map((finding) => finding.ruleId);
    expect(await piplRules()).toEqual([]);
    // A subscriber living in mainland China brings PIPL along (Art. 3(2)): the SCCs are no PIPL mechanism.
    await ok('mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted } }', {
      input: { externalId: 'wang-fang', countryOfResidence: 'CN', subjectCategories: ['subscriber'] },
    });
    expect(await piplRules()).toContain('PIPL-EXPORT-NO-MECHANISM');
    await ok('mutation { erasePerson(externalId: "wang-fang") { personsDeleted } }');
    expect(await piplRules()).toEqual([]);
  });

  it('lists the rules it checks', async () => {
    const { rules } = await ok<{ rules: { id: string; legalReference: string }[] }>('{ rules { id legalReference } }');
    expect(rules.length).toBeGreaterThan(15);
    expect(rules.every((rule) => rule.legalReference.length > 0)).toBe(true);
  });
});
