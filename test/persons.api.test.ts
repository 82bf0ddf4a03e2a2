import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const UPSERT = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted updated consents } }';
const BULK = 'mutation($persons: [PersonInput!]!) { bulkUpsertPersons(persons: $persons) { inserted updated consents } }';

beforeAll(async () => {
  api = await startTestServer();
  await ok(CREATE.party, { input: makeParty() });
  await ok(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud', kind: 'PROCESSOR', countries: ['US'] }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity({ legalBasis: 'CONSENT' }) });
  await ok(CREATE.flow, { input: makeFlow() });
});
afterAll(async () => {
  await api?.stop();
});

describe('persons and consents', () => {
  it('creates a person with consents and reads them back', async () => {
    const written = await ok(UPSERT, {
      input: {
        externalId: 'user-1', countryOfResidence: 'DE', subjectCategories: ['app-user'], dateOfBirth: '1990-05-01',
        consents: [{ activity: 'accounts', kind: 'ORDINARY', givenAt: '2024-01-01T00:00:00Z' }],
      },
    });
    expect(written).toEqual({ upsertPerson: { inserted: 1, updated: 0, consents: 1 } });
    const { person } = await ok<{ person: unknown }>(`{ person(externalId: "user-1") {
      externalId countryOfResidence { code } dateOfBirth subjectCategories { key }
      consents { kind givenByGuardian givenAt withdrawnAt activity { key } flow { key } } } }`);
    expect(person).toEqual({
      externalId: 'user-1', countryOfResidence: { code: 'DE' }, dateOfBirth: '1990-05-01', subjectCategories: [{ key: 'app-user' }],
      consents: [{ kind: 'ORDINARY', givenByGuardian: false, givenAt: '2024-01-01T00:00:00.000Z', withdrawnAt: null, activity: { key: 'accounts' }, flow: null }],
    });
  });

  it('gives and withdraws a consent one at a time; the withdrawal is a new fact', async () => {
    const given = await ok<{ giveConsent: { id: string } }>(
      'mutation { giveConsent(externalId: "user-1", input: { flow: "accounts-to-cloud", kind: SEPARATE, givenAt: "2024-02-01T00:00:00Z" }) { id } }',
    );
    const withdrawn = await ok<{ withdrawConsent: { withdrawnAt: string } }>(
      'mutation($id: ID!) { withdrawConsent(consentId: $id, withdrawnAt: "2024-03-01T00:00:00Z") { withdrawnAt } }',
      { id: given.giveConsent.id },
    );
    expect(withdrawn.withdrawConsent.withdrawnAt).toBe('2024-03-01T00:00:00.000Z');
    const again = await api.graphql('mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }', { id: given.giveConsent.id });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { person } = await ok<{ person: { consents: unknown[] } }>('{ person(externalId: "user-1") { consents { id } } }');
    expect(person.consents).toHaveLength(2);
  });

  it('upserts thousands of persons with their consents in one call, idempotently', async () => {
    const persons = Array.from({ length: 2000 }, (_, index) => ({
      externalId: `bulk-${index}`,
      countryOfResidence: index % 2 ? 'CN' : 'FR',
      subjectCategories: ['app-user'],
      consents: [{ activity: 'accounts', kind: 'ORDINARY', givenAt: '2024-01-01T00:00:00Z' }],
    }));
    expect(await ok(BULK, { persons })).toEqual({ bulkUpsertPersons: { inserted: 2000, updated: 0, consents: 2000 } });
    expect(await ok(BULK, { persons })).toEqual({ bulkUpsertPersons: { inserted: 0, updated: 2000, consents: 2000 } });
    const { persons: page } = await ok<{ persons: { totalCount: number } }>('{ persons(filter: { country: "CN" }) { totalCount } }');
    expect(page.totalCount).toBe(1000);
  });

  it('rejects a whole batch when one person is bad, naming the field, and writes nothing', async () => {
    const persons = [
      { externalId: 'ok-1', countryOfResidence: 'FR', subjectCategories: ['app-user'] },
      { externalId: 'bad-1', countryOfResidence: 'XX', subjectCategories: ['nobody'], consents: [{ activity: 'nope', kind: 'ORDINARY', givenAt: '2024-01-01T00:00:00Z' }] },
    ];
    const result = await api.graphql(BULK, { persons });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (result.errors?.[0].extensions?.problems as { field: string }[]).map((problem) => problem.field);
    expect(fields).toEqual(['persons[1].countryOfResidence', 'persons[1].subjectCategories[0]', 'persons[1].consents[0].activity']);
    expect(await ok('{ person(externalId: "ok-1") { externalId } }')).toEqual({ person: null });
  });

  it('erases a person with their consents and says how many rows went', async () => {
    expect(await ok('mutation { erasePerson(externalId: "user-1") { personsDeleted consentsDeleted } }')).toEqual({
      erasePerson: { personsDeleted: 1, consentsDeleted: 2 },
    });
    expect(await ok('{ person(externalId: "user-1") { externalId } }')).toEqual({ person: null });
    const [audit] = (await api.database.dataSource.query("SELECT after FROM audit_entry WHERE operation = 'erase'")) as { after: unknown }[];
    expect(JSON.stringify(audit.after)).not.toContain('1990-05-01');
  });

  it('refuses to delete a flow that persons consented to', async () => {
    await ok(UPSERT, { input: { externalId: 'user-2', countryOfResidence: 'DE', subjectCategories: ['app-user'], consents: [{ flow: 'accounts-to-cloud', kind: 'SEPARATE', givenAt: '2024-01-01T00:00:00Z' }] } });
    const result = await api.graphql('mutation { deleteFlow(key: "accounts-to-cloud") { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('STILL_REFERENCED');
    expect(result.errors?.[0].message).toContain('consent');
  });
});
