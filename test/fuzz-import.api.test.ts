import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from './support/row-counts';
import { startTestServer, type TestServer } from './support/test-server';

const SEED = 20_261_202;
const FILES = 400;
const CONCURRENCY = 4;
const EXAMPLES = path.join(__dirname, '..', 'examples');

let api: TestServer;

/** The seed policies' files: real maps, which the fuzzer breaks in small ways. */
const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(path.join(EXAMPLES, name), 'utf8'));

/** YAML features and values that once reached the stores or the parser's edges. */
const insertions = [
  '', ':', '- ', '  ', '\n', '\t', '"', "'", '{', '[', ']', '}', ',', '#', '? ', '|', '>',
  '&a ', '*a', '<<: *a\n', '!!binary ', '!!set ', '!!timestamp ', '!!int ', '!!float ', '!foo ', '!<tag:x> ',
  '%YAML 1.1\n', '---\n', '...\n', '~', 'null', 'true', '.nan', '-.inf',
  '9'.repeat(30), '1e400', '-0', '0x1F', '2024-02-30', '2024-13-01T25:61:00Z', 'P-1D',
  '\u0000', '\uD800', '\uDFFF', '\u202E', '\uFEFF', '\u2028', '𝕱𝖑𝖔𝖜', 'x'.repeat(5_000),
];

/** One of the seed files with one to six characters dropped, replaced or inserted, at any place. */
const brokenYaml = fc
  .record({
    base: fc.constantFrom(...examples),
    edits: fc.array(fc.record({ at: fc.nat(), drop: fc.nat({ max: 3 }), insert: fc.constantFrom(...insertions) }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ base, edits }) =>
    edits.reduce((text, { at, drop, insert }) => {
      const place = at % (text.length + 1);
      return text.slice(0, place) + insert + text.slice(place + drop);
    }, base),
  );

/** Whole documents that are JSON but not an inventory, or only nearly one. */
const oddJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      section: fc.constantFrom('parties', 'flows', 'activities', 'dataCategories', 'subjectCategories', 'persons', 'organisation'),
      entry: fc.dictionary(fc.constantFrom('key', 'name', 'kind', 'countries', 'from', 'to', 'activity', 'externalId', 'dateOfBirth', 'annualSubjects'), fc.jsonValue({ maxDepth: 2 })),
    })
    .map(({ section, entry }) => JSON.stringify({ [section]: [entry] })),
);

const importRequest = fc.oneof(
  { weight: 4, arbitrary: fc.record({ file: brokenYaml, format: fc.constant('YAML'), prune: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ file: oddJson, format: fc.constant('JSON'), prune: fc.boolean() }) },
);

beforeAll(async () => {
  api = await startTestServer();
  const seeded = await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file: examples[0] });
  expect(seeded.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe(`${FILES} broken inventory files, dry runs as ADMIN`, () => {
  // Bounded by the number of files, not by a time budget: on a loaded machine it just takes longer.
  it('are each answered with the file errors or a report, never an internal error, and write nothing', { timeout: 0 }, async () => {
    const requests = fc.sample(importRequest, { seed: SEED, numRuns: FILES });
    const before = await rowCounts(api.database.dataSource);
    const outcomes = new Map<string, number>();
    const internal: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const { file, format, prune } = requests[next++];
          const result = await api.graphql<{ importInventory: { applied: boolean } }>(
            'mutation($file: String!, $format: InventoryFormat!, $prune: Boolean!) { importInventory(file: $file, format: $format, prune: $prune, dryRun: true) { applied diff { unchanged } } }',
            { file, format, prune },
          );
          const codes = (result.errors ?? []).map((error) => String(error.extensions?.code));
          const outcome = `${result.status} ${codes.length === 0 ? 'report' : [...new Set(codes)].sort().join('+')}`;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (result.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) internal.push(`${outcome}: ${file.slice(0, 300)}`);
          if (result.data?.importInventory) expect(result.data.importInventory.applied).toBe(false);
        }
      }),
    );
    const byOutcome = Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b)));
    process.stdout.write(`fuzz-import: ${FILES} files (seed ${SEED}); outcomes ${JSON.stringify(byOutcome)}\n`);

    expect(internal.slice(0, 5)).toEqual([]);
    expect(await rowCounts(api.database.dataSource)).toEqual(before);
    // The fuzzer reaches both sides: files refused, and files that parse and are diffed.
    expect(Object.keys(byOutcome).some((outcome) => outcome.endsWith('report'))).toBe(true);
    expect(Object.keys(byOutcome).some((outcome) => !outcome.endsWith('report'))).toBe(true);
  });
});
