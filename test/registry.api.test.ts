import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

async function rowCount(table: string): Promise<number> {
  const [row] = (await api.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
  return row.n;
}

beforeAll(async () => {
  api = await startTestServer();
  await ok(CREATE.party, { input: makeParty() });
  await ok(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud Inc', kind: 'PROCESSOR', countries: ['US', 'IE'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'backup', name: 'Backup Ltd', kind: 'SUB_PROCESSOR', countries: ['IN'], engagedBy: 'cloud' }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact details' }) });
  await ok(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'biometric', name: 'Biometrics', gdprSpecial: true, piplSensitive: true }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity() });
  await ok(CREATE.flow, { input: makeFlow({ mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', countries: ['US'] }) });
  await ok(CREATE.flow, { input: makeFlow({ key: 'cloud-to-backup', from: 'cloud', to: 'backup', dataCategories: ['contact'] }) });
});
afterAll(async () => {
  await api?.stop();
});

describe('reading the data map', () => {
  it('navigates relations both ways', async () => {
    const data = await ok<{ party: Record<string, unknown> }>(`{
      party(key: "cloud") {
        kind countries { code }
        subProcessorsEngaged { key engagedBy { key } }
        inboundFlows { key from { key } countries { code } crossesBorder mechanism }
        outboundFlows { key to { key } }
        categoriesReceived { key }
      }
    }`);
    expect(data.party).toEqual({
      kind: 'PROCESSOR',
      countries: [{ code: 'IE' }, { code: 'US' }],
      subProcessorsEngaged: [{ key: 'backup', engagedBy: { key: 'cloud' } }],
      inboundFlows: [{ key: 'accounts-to-cloud', from: { key: 'acme' }, countries: [{ code: 'US' }], crossesBorder: true, mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
      outboundFlows: [{ key: 'cloud-to-backup', to: { key: 'backup' } }],
      categoriesReceived: [{ key: 'contact.email' }],
    });
  });

  it('fetches by id as well as by key', async () => {
    const { party } = await ok<{ party: { id: string } }>('{ party(key: "acme") { id } }');
    const byId = await ok<{ party: { key: string } }>('query($id: ID) { party(id: $id) { key } }', { id: party.id });
    expect(byId.party.key).toBe('acme');
  });

  it('filters parties by kind, country and regime, with first-class lists for processors', async () => {
    const data = await ok<Record<string, { nodes: { key: string }[] }>>(`{
      gdpr: parties(filter: { regime: "GDPR" }) { nodes { key } }
      inIndia: parties(filter: { country: "IN" }) { nodes { key } }
      processors { nodes { key } }
      subProcessors { nodes { key } }
    }`);
    expect(data.gdpr.nodes.map((node) => node.key)).toEqual(['acme', 'cloud']);
    expect(data.inIndia.nodes.map((node) => node.key)).toEqual(['backup']);
    expect(data.processors.nodes.map((node) => node.key)).toEqual(['cloud']);
    expect(data.subProcessors.nodes.map((node) => node.key)).toEqual(['backup']);
  });

  it('filters flows by cross-border, mechanism, party, category and activity', async () => {
    const data = await ok<Record<string, { nodes: { key: string }[] }>>(`{
      crossing: flows(filter: { crossBorder: true }) { nodes { key } }
      scc: flows(filter: { mechanisms: [STANDARD_CONTRACTUAL_CLAUSES] }) { nodes { key } }
      unprotected: flows(filter: { withoutMechanism: true }) { nodes { key } }
      viaCloud: flows(filter: { party: "cloud" }) { nodes { key } }
      email: flows(filter: { dataCategory: "contact.email" }) { nodes { key } }
      contactTree: flows(filter: { dataCategory: "contact" }) { nodes { key } }
      byActivity: flows(filter: { activity: "accounts" }) { totalCount }
    }`);
    expect(data.crossing.nodes.map((node) => node.key)).toEqual(['accounts-to-cloud', 'cloud-to-backup']);
    expect(data.scc.nodes.map((node) => node.key)).toEqual(['accounts-to-cloud']);
    expect(data.unprotected.nodes.map((node) => node.key)).toEqual(['cloud-to-backup']);
    expect(data.viaCloud.nodes).toHaveLength(2);
    expect(data.email.nodes.map((node) => node.key)).toEqual(['accounts-to-cloud']);
    expect(data.contactTree.nodes).toHaveLength(2);
    expect(data.byActivity).toEqual({ totalCount: 2 });
  });

  it('filters activities by legal basis, subject and category', async () => {
    const data = await ok<Record<string, { totalCount: number }>>(`{
      contract: activities(filter: { legalBases: [CONTRACT] }) { totalCount }
      consent: activities(filter: { legalBases: [CONSENT] }) { totalCount }
      users: activities(filter: { subjectCategory: "app-user" }) { totalCount }
      email: activities(filter: { dataCategory: "contact.email" }) { totalCount }
      bio: activities(filter: { dataCategory: "biometric" }) { totalCount }
    }`);
    expect(data).toEqual({ contract: { totalCount: 1 }, consent: { totalCount: 0 }, users: { totalCount: 1 }, email: { totalCount: 0 }, bio: { totalCount: 0 } });
  });

  it('pages through a list with cursors', async () => {
    const first = await ok<{ parties: { nodes: { key: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(
      '{ parties(first: 2) { nodes { key } pageInfo { hasNextPage endCursor } totalCount } }',
    );
    expect(first.parties.nodes.map((node) => node.key)).toEqual(['acme', 'backup']);
    expect(first.parties.pageInfo.hasNextPage).toBe(true);
    expect(first.parties.totalCount).toBe(3);
    const second = await ok<{ parties: { nodes: { key: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($after: String) { parties(first: 2, after: $after) { nodes { key } pageInfo { hasNextPage } } }',
      { after: first.parties.pageInfo.endCursor },
    );
    expect(second.parties.nodes.map((node) => node.key)).toEqual(['cloud']);
    expect(second.parties.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page larger than the maximum', async () => {
    const result = await api.graphql('{ parties(first: 100000) { totalCount } }');
    expect(result.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(result.errors?.[0].message).toContain('first');
  });

  it('answers whether a country is adequate on a date', async () => {
    const data = await ok<Record<string, { adequate: boolean }>>(`{
      before: adequacy(regime: "GDPR", country: "US", on: "2023-07-09", dpfCertified: true) { adequate }
      after: adequacy(regime: "GDPR", country: "US", on: "2023-07-10", dpfCertified: true) { adequate }
      uncertified: adequacy(regime: "GDPR", country: "US", on: "2024-01-01") { adequate }
    }`);
    expect(data).toEqual({ before: { adequate: false }, after: { adequate: true }, uncertified: { adequate: false } });
  });

  it('answers for Privacy Shield-certified US recipients in 2019 but not in 2021, saying why', async () => {
    const data = await ok<Record<string, { adequate: boolean; reason: string }>>(`{
      in2019: adequacy(regime: "GDPR", country: "US", on: "2019-06-01", privacyShieldCertified: true) { adequate reason }
      in2021: adequacy(regime: "GDPR", country: "US", on: "2021-06-01", privacyShieldCertified: true) { adequate reason }
      safeHarbourIn2019: adequacy(regime: "GDPR", country: "US", on: "2019-06-01", safeHarbourCertified: true) { adequate reason }
    }`);
    expect(data.in2019.adequate).toBe(true);
    expect(data.in2021).toEqual({
      adequate: false,
      reason:
        'United States of America: Commission Implementing Decision (EU) 2016/1250 (EU-US Privacy Shield) was declared invalid on 2020-07-16 (CJEU C-311/18 (Schrems II)), and no adequacy decision for GDPR followed before 2023-07-10',
    });
    expect(data.safeHarbourIn2019.reason).toMatch(/covers only recipients certified under the EU-US Privacy Shield/);
  });

  it('judges a hop to a Privacy Shield-certified US processor on adequacy by the day asked', async () => {
    await ok(CREATE.party, {
      input: makeParty({
        key: 'shield-cloud',
        name: 'Shield Cloud Inc',
        kind: 'PROCESSOR',
        countries: ['US'],
        evidence: [
          { kind: 'DATA_PROCESSING_AGREEMENT', datedOn: '2016-09-01' },
          { kind: 'PRIVACY_SHIELD_CERTIFICATION', datedOn: '2016-09-01', reference: 'privacyshield.gov/participant/1' },
        ],
      }),
    });
    await ok(CREATE.activity, { input: makeActivity({ key: 'us-hosting', effectiveFrom: '2016-01-01' }) });
    await ok(CREATE.flow, {
      input: makeFlow({ key: 'hosting-to-shield', activity: 'us-hosting', to: 'shield-cloud', mechanism: 'ADEQUACY_DECISION', effectiveFrom: '2016-09-01' }),
    });
    const query = 'query($asOf: AsOf) { findings(party: "shield-cloud", asOf: $asOf) { nodes { ruleId message } } }';
    const in2019 = await ok<{ findings: { nodes: { ruleId: string }[] } }>(query, { asOf: '2019-06-01T00:00:00Z' });
    expect(in2019.findings.nodes.map((finding) => finding.ruleId)).not.toContain('GDPR-ADEQUACY-MISAPPLIED');
    const in2021 = await ok<{ findings: { nodes: { ruleId: string; message: string }[] } }>(query, { asOf: '2021-06-01T00:00:00Z' });
    expect(in2021.findings.nodes.filter((finding) => finding.ruleId === 'GDPR-ADEQUACY-MISAPPLIED')).toEqual([
      { ruleId: 'GDPR-ADEQUACY-MISAPPLIED', message: expect.stringMatching(/Privacy Shield\) was declared invalid on 2020-07-16/) },
    ]);
  });

  it('reports a GDPR-governed activity resting on PIPL\'s "publicly disclosed" basis', async () => {
    await ok(CREATE.activity, { input: makeActivity({ key: 'scraped-profiles', legalBasis: 'PUBLICLY_DISCLOSED' }) });
    const { findings } = await ok<{ findings: { nodes: { ruleId: string; severity: string; message: string }[] } }>(
      '{ findings(rule: "GDPR-ACTIVITY-PUBLICLY-DISCLOSED") { nodes { ruleId severity message } } }',
    );
    expect(findings.nodes).toEqual([
      {
        ruleId: 'GDPR-ACTIVITY-PUBLICLY-DISCLOSED',
        severity: 'HIGH',
        message: "Activity 'scraped-profiles' is governed by GDPR but rests on PUBLICLY_DISCLOSED, which is no GDPR Art. 6(1) basis",
      },
    ]);
  });

  it('follows an EU resident\'s data to a controller outside the EU under GDPR only while the activity targets or monitors them (Art. 3(2))', async () => {
    await ok(CREATE.party, { input: makeParty({ key: 'sg-seller', name: 'SG Seller Pte Ltd', countries: ['SG'] }) });
    await ok(CREATE.activity, { input: makeActivity({ key: 'sg-orders', controller: 'sg-seller', targetsResidents: false }) });
    await ok(CREATE.flow, { input: makeFlow({ key: 'sg-orders-to-cloud', activity: 'sg-orders', from: 'sg-seller', countries: ['US'] }) });
    const regimesOfHop = async () => {
      const { profileDataFlows } = await ok<{ profileDataFlows: { hops: { flowKey: string; regimes: string[] }[] } }>(
        '{ profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "DE" }, asOf: "2024-06-01T00:00:00Z") { hops { flowKey regimes } } }',
      );
      return profileDataFlows.hops.find((hop) => hop.flowKey === 'sg-orders-to-cloud')?.regimes;
    };
    const { activity } = await ok<{ activity: { targetsResidents: boolean } }>('{ activity(key: "sg-orders") { targetsResidents } }');
    expect(activity.targetsResidents).toBe(false);
    const { exportInventory } = await ok<{ exportInventory: string }>('{ exportInventory(format: JSON) }');
    const exported = JSON.parse(exportInventory) as { activities: { key: string; targetsResidents: boolean }[] };
    expect(exported.activities.find((entry) => entry.key === 'sg-orders')?.targetsResidents).toBe(false);
    expect(exported.activities.find((entry) => entry.key === 'accounts')?.targetsResidents).toBe(true);
    expect(await regimesOfHop()).toEqual([]);
    await ok('mutation { updateActivity(key: "sg-orders", input: { targetsResidents: true }) { key } }');
    expect(await regimesOfHop()).toEqual(['GDPR']);
  });

  it('lists countries and regimes from the reference data', async () => {
    const data = await ok<{ countries: unknown[]; regime: { countries: { code: string }[] } }>('{ countries { code } regime(code: "PIPL") { countries { code } } }');
    expect(data.countries.length).toBeGreaterThan(240);
    expect(data.regime.countries).toEqual([{ code: 'CN' }]);
  });
});

describe('validation: a clear coded error naming the field, and nothing written', () => {
  const cases: [string, string, Record<string, unknown>, string, string][] = [
    ['an unknown country code', CREATE.party, makeParty({ key: 'p1', countries: ['DE', 'XX'] }), 'BAD_USER_INPUT', 'input.countries[1]'],
    ['a malformed key', CREATE.party, makeParty({ key: 'Not A Key' }), 'BAD_USER_INPUT', 'input.key'],
    ['a duplicate key', CREATE.party, makeParty(), 'DUPLICATE_KEY', 'input.key'],
    ['a sub-processor without its processor', CREATE.party, makeParty({ key: 'p2', kind: 'SUB_PROCESSOR' }), 'BAD_USER_INPUT', 'input.engagedBy'],
    ['a sub-processor engaged by a controller', CREATE.party, makeParty({ key: 'p3', kind: 'SUB_PROCESSOR', engagedBy: 'acme' }), 'BAD_USER_INPUT', 'input.engagedBy'],
    ['a flow from a party to itself', CREATE.flow, makeFlow({ key: 'f1', to: 'acme' }), 'BAD_USER_INPUT', 'input.to'],
    ['effectiveTo before effectiveFrom', CREATE.flow, makeFlow({ key: 'f2', effectiveTo: '2023-01-01' }), 'BAD_USER_INPUT', 'input.effectiveTo'],
    ['a category its activity does not cover', CREATE.flow, makeFlow({ key: 'f3', dataCategories: ['biometric'] }), 'BAD_USER_INPUT', 'input.dataCategories[0]'],
    ['flow countries outside the receiver', CREATE.flow, makeFlow({ key: 'f4', countries: ['CN'] }), 'BAD_USER_INPUT', 'input.countries[0]'],
    ['an unknown parent category', CREATE.category, makeCategory({ key: 'x.y', parent: 'nope' }), 'BAD_USER_INPUT', 'input.parent'],
    ['an activity run by a processor', CREATE.activity, makeActivity({ key: 'a1', controller: 'cloud' }), 'BAD_USER_INPUT', 'input.controller'],
    ['an exception to no localisation promise', CREATE.activity, makeActivity({ key: 'a2', localisedUnlessConsented: true }), 'BAD_USER_INPUT', 'input.localisedUnlessConsented'],
    ['an invalid retention period', CREATE.activity, makeActivity({ key: 'a2', retention: { period: '30 days' } }), 'BAD_USER_INPUT', 'input.retention.period'],
    ['evidence a party cannot hold', CREATE.party, makeParty({ key: 'p4', evidence: [{ kind: 'ART9_CONDITION', datedOn: '2024-01-01' }] }), 'BAD_USER_INPUT', 'input.evidence[0].kind'],
  ];

  it.each(cases)('refuses %s', async (_label, mutation, input, code, field) => {
    const before = await api.database.dataSource.query('SELECT (SELECT count(*) FROM party) + (SELECT count(*) FROM flow) + (SELECT count(*) FROM data_category) + (SELECT count(*) FROM activity) + (SELECT count(*) FROM audit_entry) AS n');
    const result = await api.graphql(mutation, { input });
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(result.errors?.[0].message).toContain(field);
    const after = await api.database.dataSource.query('SELECT (SELECT count(*) FROM party) + (SELECT count(*) FROM flow) + (SELECT count(*) FROM data_category) + (SELECT count(*) FROM activity) + (SELECT count(*) FROM audit_entry) AS n');
    expect(after).toEqual(before);
  });

  it('lists every problem of an input at once', async () => {
    const result = await api.graphql(CREATE.party, { input: makeParty({ key: 'BAD', countries: ['ZZ'], name: '' }) });
    const problems = result.errors?.[0].extensions?.problems as { field: string }[];
    expect(problems.map((problem) => problem.field).sort()).toEqual(['input.countries[0]', 'input.key', 'input.name']);
  });

  it('refuses a category tree cycle', async () => {
    await ok(CREATE.category, { input: makeCategory({ key: 'loop', name: 'Loop' }) });
    await ok(CREATE.category, { input: makeCategory({ key: 'loop.inner', name: 'Inner', parent: 'loop' }) });
    const result = await api.graphql('mutation { updateDataCategory(key: "loop", input: { parent: "loop.inner" }) { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('input.parent');
    const { dataCategory } = await ok<{ dataCategory: { parent: null } }>('{ dataCategory(key: "loop") { parent { key } } }');
    expect(dataCategory.parent).toBeNull();
  });

  it('refuses an activity change that would strand a flow category', async () => {
    const result = await api.graphql('mutation { updateActivity(key: "accounts", input: { dataCategories: [{ category: "biometric", required: true }] }) { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain("flow 'accounts-to-cloud'");
  });
});

describe('changing and deleting', () => {
  it('updates with a version check and keeps omitted fields', async () => {
    const { party } = await ok<{ party: { version: number } }>('{ party(key: "backup") { version } }');
    const updated = await ok<{ updateParty: { name: string; version: number; countries: { code: string }[] } }>(
      'mutation($v: Int) { updateParty(key: "backup", input: { name: "Backup Services Ltd" }, expectedVersion: $v) { name version countries { code } } }',
      { v: party.version },
    );
    expect(updated.updateParty).toEqual({ name: 'Backup Services Ltd', version: party.version + 1, countries: [{ code: 'IN' }] });
    const stale = await api.graphql('mutation($v: Int) { updateParty(key: "backup", input: { name: "Stale" }, expectedVersion: $v) { name } }', {
      v: party.version,
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: party.version + 1 });
  });

  it('refuses a delete that would orphan something, and says what refers to it', async () => {
    const result = await api.graphql('mutation { deleteParty(key: "cloud") { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('STILL_REFERENCED');
    expect(result.errors?.[0].message).toContain("flow 'accounts-to-cloud'");
    expect(result.errors?.[0].message).toContain("sub-processor 'backup'");
    expect(await rowCount('party')).toBeGreaterThanOrEqual(3);
  });

  it('deletes what nothing refers to, and records it in the audit log', async () => {
    await ok(CREATE.party, { input: makeParty({ key: 'temp', name: 'Temporary' }) });
    expect(await ok('mutation { deleteParty(key: "temp") { key } }')).toEqual({ deleteParty: { key: 'temp' } });
    const entries = (await api.database.dataSource.query("SELECT operation FROM audit_entry WHERE entity_key = 'temp' ORDER BY seq")) as { operation: string }[];
    expect(entries.map((entry) => entry.operation)).toEqual(['create', 'delete']);
  });

  it('reports an unknown key as NOT_FOUND', async () => {
    const result = await api.graphql('mutation { deleteFlow(key: "nope") { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
