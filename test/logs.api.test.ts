import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
const lines: string[] = [];

// A person has no name field: the external id carries one, as many real systems' ids do.
const PERSON = { externalId: 'jane.doe@example.com', countryOfResidence: 'DE', subjectCategories: ['app-user'], dateOfBirth: '1987-06-05' };
const UPSERT = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted updated } }';

beforeAll(async () => {
  const destination = { write: (line: string) => void lines.push(line) };
  api = await startTestServer({ logger: pino({ level: 'trace' }, destination) });
});
afterAll(async () => {
  await api?.stop();
});

describe('logs', () => {
  it('keep no personal data and no token secrets, whatever the requests carried', async () => {
    await api.graphql(CREATE.party, { input: makeParty() });
    await api.graphql(CREATE.subject, { input: makeSubject() });
    const created = await api.graphql<{ createApiToken: { secret: string } }>('mutation { createApiToken(name: "auditor-jane", role: AUDITOR) { secret } }');
    const secret = created.data!.createApiToken.secret;
    const asAuditor = (query: string, variables?: Record<string, unknown>) =>
      fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query, variables }) });

    expect((await api.graphql(UPSERT, { input: PERSON })).errors).toBeUndefined();
    const read = (await (await asAuditor(`{ person(externalId: "${PERSON.externalId}") { externalId dateOfBirth } }`)).json()) as { data: unknown };
    expect(read.data).toEqual({ person: { externalId: PERSON.externalId, dateOfBirth: PERSON.dateOfBirth } });
    // Errors that quote the person, the secret in the wrong places, a GET with the data in the URL.
    await api.graphql(UPSERT, { input: { ...PERSON, countryOfResidence: 'XX' } });
    await asAuditor(UPSERT, { input: PERSON });
    await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}x` }, body: '{}' });
    await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: secret }, body: `{"query": "${PERSON.externalId}` });
    await fetch(`${api.url}?query=${encodeURIComponent(`{ person(externalId: "${PERSON.externalId}") { dateOfBirth } }`)}&token=${secret}`, {
      headers: { authorization: `Bearer ${secret}`, 'apollo-require-preflight': 'true' },
    });
    await api.graphql('mutation($id: ID!) { erasePerson(externalId: $id) { personsDeleted } }', { id: PERSON.externalId });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(9);
    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request');
    expect(requests[0]).toMatchObject({ requestId: expect.any(String), method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number) });
    expect(requests.map((entry) => entry.caller)).toContain('auditor-jane');
    for (const secretOrPersonal of [secret, secret.slice(3, 20), api.token!, PERSON.externalId, 'jane.doe', PERSON.dateOfBirth]) {
      expect(log).not.toContain(secretOrPersonal);
    }
    expect(log.toLowerCase()).not.toContain('authorization');
  });
});
