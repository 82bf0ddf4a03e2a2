import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDateOf, dayBefore } from '../src/common/dates';
import type { InventoryDocument } from '../src/domain/inventory-document';
import { normaliseInventory, stringifyInventory } from '../src/modules/inventory/normalise-inventory';
import { parseInventoryFile } from '../src/modules/inventory/parse-inventory-file';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const UPDATE_PARTY = 'mutation($key: String!, $input: UpdatePartyInput!) { updateParty(key: $key, input: $input) { key } }';
const IMPORT = 'mutation($file: String!) { importInventory(file: $file) { applied } }';
const HISTORY = 'query($key: String!) { party(key: $key) { countries { code } countryHistory { country { code } effectiveFrom effectiveTo } } }';

/** Every whole-map and person answer about one moment, as text, so that two moments compare whole. */
const ANSWERS = `query($asOf: AsOf) {
  person(externalId: "de-user") { dataFlows(asOf: $asOf) { hops { flowKey fromKey toKey fromCountries toCountries regimes lawful reasons } summary { countriesReached } findings { ruleId message } } }
  findings(asOf: $asOf) { totalCount nodes { ruleId message } }
  crossBorderTransfers(asOf: $asOf) { totalCount nodes { flowKey toCountries mechanism lawful } }
  recipientsOfCategory(category: "contact.email", asOf: $asOf) { partyKey countries }
  transferRegister(asOf: $asOf)
  recordOfProcessing(format: MARKDOWN, asOf: $asOf)
}`;

const answersAsOf = (asOf: string) => ok(ANSWERS, { asOf });
const hopCountries = async (asOf: string) => {
  const data = await ok<{ crossBorderTransfers: { nodes: { flowKey: string; toCountries: string[] }[] } }>(ANSWERS, { asOf });
  return data.crossBorderTransfers.nodes.map((hop) => [hop.flowKey, hop.toCountries]);
};

beforeAll(async () => {
  api = await startTestServer();
  await ok(CREATE.party, { input: makeParty() });
  await ok(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud Inc.', kind: 'PROCESSOR', countries: ['US'] }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity({ legalBasis: 'CONSENT' }) });
  await ok(CREATE.flow, { input: makeFlow() });
  await ok('mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted } }', {
    input: { externalId: 'de-user', countryOfResidence: 'DE', subjectCategories: ['app-user'], consents: [{ activity: 'accounts', kind: 'ORDINARY', givenAt: '2024-02-01T00:00:00Z' }] },
  });
});
afterAll(async () => {
  await api?.stop();
});

describe("a party's countries over time", () => {
  it('a move closes the old period and opens a new one: the March transfer to the US stays, the August one goes to Germany', async () => {
    await ok(UPDATE_PARTY, { key: 'cloud', input: { countries: ['DE'], countriesEffectiveFrom: '2025-07-01' } });
    const { party } = await ok<{ party: { countryHistory: unknown[] } }>(HISTORY, { key: 'cloud' });
    expect(party).toEqual({
      countries: [{ code: 'DE' }],
      countryHistory: [
        { country: { code: 'DE' }, effectiveFrom: '2025-07-01', effectiveTo: null },
        { country: { code: 'US' }, effectiveFrom: null, effectiveTo: '2025-06-30' },
      ],
    });
    const audit = await ok<{ auditLog: { nodes: { operation: string; after: { countryHistory: unknown[] } }[] } }>(
      '{ auditLog(filter: { entityType: "party", entityKey: "cloud" }) { nodes { operation after } } }',
    );
    expect(audit.auditLog.nodes.find((entry) => entry.operation === 'update')?.after.countryHistory).toEqual([
      { country: 'DE', effectiveFrom: '2025-07-01', effectiveTo: null },
      { country: 'US', effectiveFrom: null, effectiveTo: '2025-06-30' },
    ]);
    expect(await hopCountries('2025-03-01')).toEqual([['accounts-to-cloud', ['US']]]);
    expect(await hopCountries('2025-08-01')).toEqual([]);
    const march = await answersAsOf('2025-03-01');
    expect(JSON.stringify(march)).toContain('US');
    const august = await answersAsOf('2025-08-01T12:00:00Z');
    expect((august as { recipientsOfCategory: unknown }).recipientsOfCategory).toEqual([{ partyKey: 'cloud', countries: ['DE'] }]);
    await ok(UPDATE_PARTY, { key: 'cloud', input: { countries: ['US'], countriesEffectiveFrom: '2025-07-01' } });
    expect((await ok<{ party: unknown }>(HISTORY, { key: 'cloud' })).party).toEqual({
      countries: [{ code: 'US' }],
      countryHistory: [{ country: { code: 'US' }, effectiveFrom: null, effectiveTo: '2025-06-30' }, { country: { code: 'US' }, effectiveFrom: '2025-07-01', effectiveTo: null }],
    });
  });

  it('refuses a change dated before the period it would end, naming the field', async () => {
    await ok(CREATE.party, { input: makeParty({ key: 'late', kind: 'THIRD_PARTY', countries: ['FR'], countriesEffectiveFrom: '2026-01-01' }) });
    const result = await api.graphql(UPDATE_PARTY, { key: 'late', input: { countries: ['IT'], countriesEffectiveFrom: '2025-12-01' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('input.countriesEffectiveFrom');
  });

  it('a file states the periods, and its export gives them back; a file changing countries keeps the past', async () => {
    const file = `flowmap: 1
parties:
  - key: vercel
    name: Vercel Inc.
    kind: THIRD_PARTY
    countries: [DE]
    countryHistory:
      - { country: US, effectiveTo: 2026-06-30 }
      - { country: DE, effectiveFrom: 2026-07-01 }
`;
    await ok(IMPORT, { file });
    const exported = (parseInventoryFile((await ok<{ exportInventory: string }>('{ exportInventory }')).exportInventory) as { document: InventoryDocument }).document;
    const vercel = exported.parties?.find((party) => party.key === 'vercel');
    const stated = normaliseInventory((parseInventoryFile(file) as { document: InventoryDocument }).document).parties?.[0];
    expect(stringifyInventory({ flowmap: 1, parties: [vercel!] }, 'yaml')).toBe(stringifyInventory({ flowmap: 1, parties: [stated!] }, 'yaml'));

    await ok(IMPORT, { file: 'flowmap: 1\nparties:\n  - { key: vercel, name: Vercel Inc., kind: THIRD_PARTY, countries: [IE] }\n' });
    const today = calendarDateOf(new Date());
    expect((await ok<{ party: unknown }>(HISTORY, { key: 'vercel' })).party).toMatchObject({
      countryHistory: [
        { country: { code: 'DE' }, effectiveFrom: '2026-07-01', effectiveTo: dayBefore(today) },
        { country: { code: 'IE' }, effectiveFrom: today, effectiveTo: null },
        { country: { code: 'US' }, effectiveFrom: null, effectiveTo: '2026-06-30' },
      ],
    });
  });

  it('rejects overlapping periods in a file, naming the period', async () => {
    const file = 'flowmap: 1\nparties:\n  - key: twice\n    name: Twice\n    kind: THIRD_PARTY\n    countries: [US]\n    countryHistory: [{ country: US }, { country: US, effectiveFrom: 2025-01-01 }]\n';
    const result = await api.graphql(IMPORT, { file });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0].extensions?.errors)).toContain('/parties/0/countryHistory/1');
  });
});

describe('an answer about last year', () => {
  it("is unchanged by what is done to today's map", async () => {
    const lastYear = `${Number(calendarDateOf(new Date()).slice(0, 4)) - 1}-03-01`;
    const before = await answersAsOf(lastYear);
    const today = calendarDateOf(new Date());
    // Every party moves today, a new recipient and a new activity begin today, the existing flow ends yesterday... in last year's terms, nothing.
    await ok(UPDATE_PARTY, { key: 'acme', input: { countries: ['CN'] } });
    await ok(UPDATE_PARTY, { key: 'cloud', input: { countries: ['IN', 'US'] } });
    await ok(CREATE.party, { input: makeParty({ key: 'ads', name: 'Ads Ltd', kind: 'THIRD_PARTY', countries: ['SG'] }) });
    await ok(CREATE.activity, { input: makeActivity({ key: 'ads', name: 'Ads', effectiveFrom: today }) });
    await ok(CREATE.flow, { input: makeFlow({ key: 'accounts-to-ads', to: 'ads', effectiveFrom: today }) });
    await ok(CREATE.flow, { input: makeFlow({ key: 'ads-to-ads', activity: 'ads', to: 'ads', effectiveFrom: today }) });
    await ok('mutation($key: String!) { updateFlow(key: $key, input: { effectiveTo: "2099-12-31" }) { key } }', { key: 'accounts-to-cloud' });
    await ok('mutation($file: String!) { importInventory(file: $file) { applied } }', {
      file: 'flowmap: 1\nparties:\n  - { key: cloud, name: Cloud Inc., kind: PROCESSOR, countries: [JP] }\n',
    });
    await ok('mutation($at: DateTimeISO!) { giveConsent(externalId: "de-user", input: { activity: "ads", kind: ORDINARY, givenAt: $at }) { id } }', { at: new Date().toISOString() });
    expect(await answersAsOf(lastYear)).toEqual(before);
    expect(await answersAsOf(today)).not.toEqual(await answersAsOf(lastYear));
  });
});
