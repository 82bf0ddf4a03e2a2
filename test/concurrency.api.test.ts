import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { CREATE, makeParty } from './support/factories';
import { startTestServer, type GraphQLClient, type TestServer } from './support/test-server';

let api: TestServer;

const WRITERS = 20;
const READ = '{ party(key: "shared") { version description } }';
const APPEND = 'mutation($description: String!, $version: Int!) { updateParty(key: "shared", input: { description: $description }, expectedVersion: $version) { version } }';

/** Reads the current version, appends its id on top of it, and starts over on VERSION_CONFLICT. */
async function appendId(client: GraphQLClient, id: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const { data } = await client.graphql<{ party: { version: number; description: string | null } }>(READ);
    const { version, description } = data!.party;
    const result = await client.graphql(APPEND, { description: `${description ?? ''} ${id}`.trim(), version });
    if (!result.errors) return attempt;
    expect(result.errors[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: expect.any(Number) });
  }
}

beforeAll(async () => {
  api = await startTestServer();
  await api.graphql(CREATE.party, { input: makeParty({ key: 'shared' }) });
});
afterAll(async () => {
  await api?.stop();
});

describe('concurrent writers with expectedVersion', () => {
  it(`loses no update among ${WRITERS} writers on one record`, async () => {
    const editor = await api.as(Role.EDITOR);
    const ids = Array.from({ length: WRITERS }, (_, index) => `w${String(index + 1).padStart(2, '0')}`);
    const attempts = await Promise.all(ids.map((id) => appendId(editor, id)));

    const { data } = await api.graphql<{ party: { version: number; description: string } }>(READ);
    expect(data!.party.version).toBe(1 + WRITERS);
    expect(data!.party.description.split(' ').sort()).toEqual(ids);
    const conflicts = attempts.reduce((sum, count) => sum + count - 1, 0);
    process.stdout.write(`concurrency: ${WRITERS} writers, final version ${data!.party.version}, ${conflicts} VERSION_CONFLICT retries, most attempts by one writer ${Math.max(...attempts)}\n`);
    expect(conflicts).toBeGreaterThan(0);
    const [{ updates }] = (await api.database.dataSource.query(
      "SELECT count(*)::int AS updates FROM audit_entry WHERE entity_key = 'shared' AND operation = 'update'",
    )) as { updates: number }[];
    expect(updates).toBe(WRITERS);
  });
});
