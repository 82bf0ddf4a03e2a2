import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import type { InventoryDocument } from '../src/domain/inventory-document';
import { normaliseInventory } from '../src/modules/inventory/normalise-inventory';
import { parseInventoryFile } from '../src/modules/inventory/parse-inventory-file';
import { startTestServer, type GraphQLResult, type TestServer } from './support/test-server';

let api: TestServer;
/** What the server logged at warn and above, one JSON line each. */
const logLines: string[] = [];

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
  api = await startTestServer({ logger: pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }) });
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

const exampleDocument = normaliseInventory((parseInventoryFile(exampleWithoutPersons) as { document: InventoryDocument }).document);

/** The example's map (no persons) as JSON, with `change` applied to its first flow. */
function withFirstFlow(change: Record<string, unknown>): string {
  const [first, ...others] = exampleDocument.flows!;
  return JSON.stringify({ ...exampleDocument, flows: [{ ...first, ...change }, ...others] });
}

describe('files a client got wrong answer BAD_USER_INPUT, naming the field', () => {
  it('refuses annualSubjects that PostgreSQL cannot store', async () => {
    for (const annualSubjects of [2 ** 31, 2 ** 53, 1e300]) {
      const result = await api.graphql(IMPORT, { file: withFirstFlow({ annualSubjects }), format: 'JSON', dryRun: true });
      expect(result.errors?.[0].extensions?.code, String(annualSubjects)).toBe('BAD_USER_INPUT');
      expect(fileErrors(result), String(annualSubjects)).toContainEqual(expect.objectContaining({ path: '/flows/0/annualSubjects', message: expect.stringContaining('annualSubjects') }));
    }
    const largest = await api.graphql(IMPORT, { file: withFirstFlow({ annualSubjects: 2 ** 31 - 1 }), format: 'JSON', dryRun: true });
    expect(largest.errors).toBeUndefined();
  });

  it('refuses a NUL or a lone surrogate in any string of a file, at its path', async () => {
    const cases = [
      { file: withFirstFlow({ description: 'a\u0000b' }), format: 'JSON', path: '/flows/0/description', what: 'NUL' },
      { file: withFirstFlow({ description: 'broken \uD800 pair' }), format: 'JSON', path: '/flows/0/description', what: 'surrogate' },
      { file: withFirstFlow({ description: '\uDC00' }), format: 'JSON', path: '/flows/0/description', what: 'surrogate' },
      { file: 'flowmap: 1\nsubjectCategories:\n  - { key: s, name: "x\\0y" }\n', format: 'YAML', path: '/subjectCategories/0/name', what: 'NUL' },
      { file: 'flowmap: 1\nsubjectCategories:\n  - { key: s, name: "\\uD83D" }\n', format: 'YAML', path: '/subjectCategories/0/name', what: 'surrogate' },
      { file: 'flowmap: 1\nsubjectCategories:\n  - { key: s, name: s, "a\\0": 1 }\n', format: 'YAML', path: '/subjectCategories/0', what: 'NUL' },
    ];
    for (const { file, format, path: fieldPath, what } of cases) {
      const result = await api.graphql(IMPORT, { file, format, dryRun: true });
      expect(result.errors?.[0].extensions?.code, file).toBe('BAD_USER_INPUT');
      expect(fileErrors(result), file).toContainEqual(
        expect.objectContaining({ path: fieldPath, code: 'INVALID_CHARACTER', message: expect.stringContaining(what), line: expect.any(Number) }),
      );
    }
  });

  it('answers STILL_REFERENCED, naming what refers to what, when a prune would remove a flow a stored consent is to', async () => {
    await importExampleAsAdmin();
    const consented = 'sharing-with-consent';
    const withoutFlow = { ...exampleDocument, flows: exampleDocument.flows!.filter((flow) => flow.key !== consented) };
    const before = await personCount();
    const result = await api.graphql(IMPORT, { file: JSON.stringify(withoutFlow), format: 'JSON', prune: true });
    expect(result.errors?.[0].extensions?.code).toBe('STILL_REFERENCED');
    expect(result.errors?.[0].message).toContain(`flow '${consented}': 1 consent(s) of stored persons refer to it`);
    expect(result.errors?.[0].message).not.toMatch(/Key \(id\)|is still referenced|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await personCount()).toBe(before);
    const flows = (await api.database.dataSource.query('SELECT key FROM flow WHERE key = $1', [consented])) as unknown[];
    expect(flows).toHaveLength(1);
  });
});

describe('files that would make the parser work without bound', () => {
  it('refuses deep flow nesting at its line and column, before parsing it', async () => {
    for (const file of ['['.repeat(1_000_000), `flowmap: 1\nparties: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, `{"flowmap": 1, "x": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}}`]) {
      const result = await api.graphql(IMPORT, { file, dryRun: true });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const [error] = fileErrors(result);
      expect(error).toMatchObject({ code: 'TOO_COMPLEX', line: expect.any(Number), column: expect.any(Number), message: expect.stringContaining('64 levels') });
      expect(JSON.stringify(result)).not.toContain('call stack');
    }
  });

  it('refuses deep block nesting the same way', async () => {
    const compact = `flowmap: 1\nx: ${'- '.repeat(100_000)}1\n`;
    const indented = `flowmap: 1\n${Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} 1\n`;
    for (const file of [compact, indented]) {
      const result = await api.graphql(IMPORT, { file, dryRun: true });
      expect(fileErrors(result)).toEqual([expect.objectContaining({ code: 'TOO_COMPLEX', line: expect.any(Number) })]);
      expect(fileErrors(result)[0].line).toBeGreaterThan(1);
    }
  });

  it('refuses aliases that expand past the limit ("billion laughs")', async () => {
    const levels = Array.from({ length: 9 }, (_, level) => `l${level + 1}: &l${level + 1} [${Array(10).fill(`*l${level}`).join(', ')}]`);
    const file = `flowmap: 1\nl0: &l0 lol\n${levels.join('\n')}\n`;
    const result = await api.graphql(IMPORT, { file, dryRun: true });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fileErrors(result)).toEqual([expect.objectContaining({ code: 'TOO_COMPLEX' })]);
  });

  it('still reads aliases that repeat a value', async () => {
    const file = 'flowmap: 1\nparties:\n  - { key: a, name: A, kind: CONTROLLER, countries: &eu [DE, FR] }\n  - { key: b, name: B, kind: PROCESSOR, countries: *eu }\n';
    const result = await api.graphql(IMPORT, { file, dryRun: true });
    expect(result.errors).toBeUndefined();
  });
});

describe("the YAML parser's warnings", () => {
  it('reach the log by code and place, never with the text of the file, and never stderr', async () => {
    const printed: unknown[] = [];
    const onWarning = (warning: Error): void => void printed.push(warning.message);
    process.on('warning', onWarning);
    try {
      const tagged = await api.graphql(IMPORT, { file: 'flowmap: 1\norganisation: { name: !secret-tag very-secret-name }\n', dryRun: true });
      expect(tagged.errors).toBeUndefined();
      const complexKey = await api.graphql(IMPORT, { file: 'flowmap: 1\n? [very-secret-key]\n: 1\n', dryRun: true });
      expect(fileErrors(complexKey)).toEqual([expect.objectContaining({ code: 'UNWRITTEN_KEY', line: 2 })]);
      // process.emitWarning delivers on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(printed).toEqual([]);
    const warnings = logLines.filter((line) => line.includes('YAML warning'));
    expect(warnings.map((line) => JSON.parse(line).yamlWarning)).toContainEqual({ code: 'TAG_RESOLVE_FAILED', line: 2, column: expect.any(Number) });
    expect(logLines.join('\n')).not.toContain('very-secret');
  });
});
