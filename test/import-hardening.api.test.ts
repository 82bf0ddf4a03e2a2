import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type GraphQLResult, type TestServer } from './support/test-server';

let api: TestServer;

const IMPORT = `mutation($file: String!, $dryRun: Boolean, $prune: Boolean, $format: InventoryFormat) {
  importInventory(file: $file, dryRun: $dryRun, prune: $prune, format: $format) {
    applied diff { added { section key } changed { section key fields { field before after } } removed { section key } unchanged }
  }
}`;

const example = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');
const exampleWithoutPersons = example.slice(0, example.indexOf('\npersons:'));

/** A file whose `persons` section is named by an alias, anchored on a scalar elsewhere. */
function aliasedPersons(persons: string): string {
  return `flowmap: 1\norganisation: { name: &k persons }\n*k : ${persons}\n`;
}

const STORED_PERSON = '[{ externalId: de-user-1, countryOfResidence: DE, subjectCategories: [app-user], dateOfBirth: 2001-01-01 }]';

interface FileError {
  path: string;
  line: number | null;
  column: number | null;
  code: string;
  message: string;
}

function fileErrors(result: GraphQLResult): FileError[] {
  return (result.errors?.[0].extensions?.errors as FileError[] | undefined) ?? [];
}

async function personCount(): Promise<number> {
  const [{ n }] = (await api.database.dataSource.query('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM consent) AS n')) as { n: string }[];
  return Number(n);
}

/** What the import asked the database for, as an ADMIN: the example with its persons and their consents. */
async function importExampleAsAdmin(): Promise<void> {
  const result = await api.graphql(IMPORT, { file: example, prune: true });
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  api = await startTestServer({ logger: (await import("pino")).default({ level: "error" }) });
  await importExampleAsAdmin();
});
afterAll(async () => {
  await api?.stop();
});

describe('an EDITOR cannot reach persons through importInventory', () => {
  const cases = [
    { name: 'a dry run that would show a stored person', file: aliasedPersons(STORED_PERSON), dryRun: true, prune: false },
    { name: 'a dry run of a prune that would list every person', file: aliasedPersons('[]'), dryRun: true, prune: true },
    { name: 'a real import writing a person', file: aliasedPersons(STORED_PERSON), dryRun: false, prune: false },
    { name: 'a real prune erasing every person', file: aliasedPersons('[]'), dryRun: false, prune: true },
  ];

  it.each(cases)('an alias key naming persons: $name', async ({ file, dryRun, prune }) => {
    const before = await personCount();
    const result = await (await api.as(Role.EDITOR)).graphql(IMPORT, { file, dryRun, prune });
    expect(result.data?.importInventory ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'FORBIDDEN']).toContain(result.errors?.[0].extensions?.code);
    const text = JSON.stringify(result);
    expect(text).not.toContain('de-user-1');
    expect(text).not.toContain('1985-02-14');
    expect(await personCount()).toBe(before);
  });

  it('refuses the alias key itself, at its line and column', async () => {
    const result = await (await api.as(Role.EDITOR)).graphql(IMPORT, { file: aliasedPersons('[]'), dryRun: true });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fileErrors(result)).toEqual([expect.objectContaining({ code: 'UNWRITTEN_KEY', line: 3, column: 1, message: expect.stringContaining('*k') })]);
  });

  it('decides on the document the import applies: a persons key spelt with an escape or a tag is FORBIDDEN', async () => {
    const editor = await api.as(Role.EDITOR);
    const spellings = [
      { file: '{"flowmap": 1, "pers\\u006fns": []}', format: 'JSON' },
      { file: 'flowmap: 1\n!!str persons : []\n', format: 'YAML' },
      { file: 'flowmap: 1\n"p\\x65rsons": []\n', format: 'YAML' },
      { file: 'flowmap: 1\n? |-\n  persons\n: []\n', format: 'YAML' },
    ];
    for (const { file, format } of spellings) {
      const before = await personCount();
      const result = await editor.graphql(IMPORT, { file, format, dryRun: false, prune: true });
      expect(result.errors?.[0], file).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('persons section') });
      expect(result.data?.importInventory ?? null).toBeNull();
      expect(await personCount()).toBe(before);
    }
  });

  it('still lets an EDITOR import a file without persons, and an ADMIN one with them', async () => {
    expect((await (await api.as(Role.EDITOR)).graphql(IMPORT, { file: exampleWithoutPersons, dryRun: true })).errors).toBeUndefined();
    expect((await (await api.as(Role.ADMIN)).graphql(IMPORT, { file: example, dryRun: true })).errors).toBeUndefined();
  });
});

describe('a prune that erases persons', () => {
  it('writes one audit entry per person erased, named by external id', async () => {
    await importExampleAsAdmin();
    const stored = (await api.database.dataSource.query(
      'SELECT p.external_id, count(c.id)::int AS consents FROM person p LEFT JOIN consent c ON c.person_id = p.id GROUP BY p.external_id ORDER BY p.external_id',
    )) as { external_id: string; consents: number }[];
    expect(stored.length).toBeGreaterThan(1);
    const [{ seq }] = (await api.database.dataSource.query('SELECT coalesce(max(seq), 0)::int AS seq FROM audit_entry')) as { seq: number }[];

    const result = await api.graphql(IMPORT, { file: `${exampleWithoutPersons}\npersons: []\n`, prune: true });
    expect(result.errors).toBeUndefined();
    expect(await personCount()).toBe(0);

    const entries = (await api.database.dataSource.query(
      "SELECT entity_key, after FROM audit_entry WHERE seq > $1 AND entity_type = 'person' AND operation = 'erase' ORDER BY entity_key",
      [seq],
    )) as { entity_key: string; after: { personsDeleted: number; consentsDeleted: number } }[];
    expect(entries).toEqual(stored.map((person) => ({ entity_key: person.external_id, after: { personsDeleted: 1, consentsDeleted: person.consents } })));
    const verified = await api.graphql<{ verifyAuditLog: { valid: boolean } }>('{ verifyAuditLog { valid } }');
    expect(verified.data?.verifyAuditLog.valid).toBe(true);
  });

  it('writes no erase entry on a dry run', async () => {
    await importExampleAsAdmin();
    const [{ seq }] = (await api.database.dataSource.query('SELECT coalesce(max(seq), 0)::int AS seq FROM audit_entry')) as { seq: number }[];
    const result = await api.graphql(IMPORT, { file: `${exampleWithoutPersons}\npersons: []\n`, prune: true, dryRun: true });
    expect(result.errors).toBeUndefined();
    const [{ n }] = (await api.database.dataSource.query("SELECT count(*)::int AS n FROM audit_entry WHERE seq > $1 AND operation = 'erase'", [seq])) as { n: number }[];
    expect(n).toBe(0);
  });
});
