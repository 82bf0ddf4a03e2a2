import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type GraphQLClient, type TestServer } from './support/test-server';

let api: TestServer;

const PERSON = { externalId: 'matrix-person', countryOfResidence: 'DE', subjectCategories: ['app-user'], dateOfBirth: '1990-05-01' };
const UPSERT_PERSON = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted updated } }';
const IMPORT = 'mutation($file: String!) { importInventory(file: $file, dryRun: true) { applied } }';
const example = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');
const exampleWithoutPersons = example.slice(0, example.indexOf('\npersons:'));

/** One representative operation of each kind; `key` keeps the writes of different roles apart. */
const OPERATIONS: Record<string, (client: GraphQLClient, key: string) => Promise<{ status: number; errors?: { extensions?: { code?: string } }[] }>> = {
  'read the map': (client) => client.graphql('{ parties { totalCount } flows { nodes { key from { key } } } findings { nodes { ruleId } } }'),
  'change the map': (client, key) => client.graphql(CREATE.party, { input: makeParty({ key: `party-${key}` }) }),
  'import an inventory file': (client) => client.graphql(IMPORT, { file: exampleWithoutPersons }),
  'read persons': (client) => client.graphql('{ persons { totalCount nodes { externalId consents { kind } } } }'),
  'change persons': (client, key) => client.graphql(UPSERT_PERSON, { input: { ...PERSON, externalId: `person-${key}` } }),
  'read the audit log': (client) => client.graphql('{ auditLog(first: 1) { totalCount } verifyAuditLog { valid } }'),
  'manage tokens': (client) => client.graphql('{ apiTokens { name } }'),
};

const { VIEWER, EDITOR, AUDITOR, ADMIN } = Role;
const ALLOWED: Record<string, Role[]> = {
  'read the map': [VIEWER, EDITOR, AUDITOR, ADMIN],
  'change the map': [EDITOR, ADMIN],
  'import an inventory file': [EDITOR, ADMIN],
  'read persons': [AUDITOR, ADMIN],
  'change persons': [ADMIN],
  'read the audit log': [AUDITOR, ADMIN],
  'manage tokens': [ADMIN],
};

beforeAll(async () => {
  api = await startTestServer();
  await api.graphql(CREATE.party, { input: makeParty() });
  await api.graphql(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud', kind: 'PROCESSOR', countries: ['US'] }) });
  await api.graphql(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await api.graphql(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await api.graphql(CREATE.subject, { input: makeSubject() });
  await api.graphql(CREATE.activity, { input: makeActivity() });
  await api.graphql(CREATE.flow, { input: makeFlow() });
  expect((await api.graphql(UPSERT_PERSON, { input: PERSON })).errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe('each role against each kind of operation', () => {
  const cases = Object.values(Role).flatMap((role) => Object.keys(OPERATIONS).map((operation) => [role, operation] as const));

  it.each(cases)('%s: %s', async (role, operation) => {
    const result = await OPERATIONS[operation](await api.as(role), role.toLowerCase());
    if (ALLOWED[operation].includes(role)) {
      expect(result.errors).toBeUndefined();
    } else {
      expect(result.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    }
  });

  it.each(Object.keys(OPERATIONS))('without a token: %s is UNAUTHENTICATED, HTTP 401', async (operation) => {
    const result = await OPERATIONS[operation](api.anonymous, 'anonymous');
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('wrote nothing for the operations it refused', async () => {
    const parties = (await api.database.dataSource.query("SELECT key FROM party WHERE key LIKE 'party-%' ORDER BY key")) as { key: string }[];
    expect(parties.map((party) => party.key)).toEqual(['party-admin', 'party-editor']);
    const [{ persons }] = (await api.database.dataSource.query('SELECT count(*)::int AS persons FROM person')) as { persons: number }[];
    expect(persons).toBe(2);
  });
});

describe('person data inside answers about the map', () => {
  it('refuses person ids in findings to VIEWER and EDITOR, not to AUDITOR', async () => {
    for (const role of [VIEWER, EDITOR]) {
      const result = await (await api.as(role)).graphql('{ findings { nodes { ruleId personIds } } }');
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Finding.personIds' });
    }
    expect((await (await api.as(AUDITOR)).graphql('{ findings { nodes { ruleId personIds } } }')).errors).toBeUndefined();
  });

  it('exports persons only to those who may read them', async () => {
    const query = 'query($withPersons: Boolean!) { exportInventory(includePersons: $withPersons, format: JSON) }';
    const viewer = await api.as(VIEWER);
    expect((await viewer.graphql(query, { withPersons: false })).errors).toBeUndefined();
    const refused = await viewer.graphql(query, { withPersons: true });
    expect(refused.errors?.[0].message).toContain('includePersons: true');
    const audited = await (await api.as(AUDITOR)).graphql<{ exportInventory: string }>(query, { withPersons: true });
    expect(audited.data?.exportInventory).toContain('matrix-person');
  });

  it('refuses an import that writes persons to EDITOR', async () => {
    const result = await (await api.as(EDITOR)).graphql(IMPORT, { file: example });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('persons section') });
  });

  it('answers no more than FORBIDDEN: no data of the refused field', async () => {
    const result = await (await api.as(EDITOR)).graphql('{ parties { totalCount } person(externalId: "matrix-person") { externalId } }');
    expect(result.data).toEqual({ parties: { totalCount: expect.any(Number) }, person: null });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.person' });
    expect(JSON.stringify(result)).not.toContain('matrix-person');
  });
});
