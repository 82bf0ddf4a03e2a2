import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInventoryFile } from '../src/modules/inventory/parse-inventory-file';
import { normaliseInventory, stringifyInventory } from '../src/modules/inventory/normalise-inventory';
import type { InventoryDocument } from '../src/domain/inventory-document';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const IMPORT = `mutation($file: String!, $dryRun: Boolean, $prune: Boolean, $format: InventoryFormat) {
  importInventory(file: $file, dryRun: $dryRun, prune: $prune, format: $format) {
    applied diff { added { section key } changed { section key fields { field before after } } removed { section key } unchanged }
    findingsAdded { ruleId } findingsResolved { ruleId }
  }
}`;

interface ImportData {
  importInventory: {
    applied: boolean;
    diff: { added: { section: string; key: string }[]; changed: { key: string; fields: { field: string; before: unknown; after: unknown }[] }[]; removed: { key: string }[]; unchanged: number };
    findingsAdded: { ruleId: string }[];
    findingsResolved: { ruleId: string }[];
  };
}

const exampleText = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');

async function tableCounts(): Promise<unknown> {
  return api.database.dataSource.query(
    'SELECT (SELECT count(*) FROM party) AS parties, (SELECT count(*) FROM flow) AS flows, (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM activity) AS activities',
  );
}

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('inventory as code', () => {
  it('dry-runs an import: the diff and the findings it would add, nothing written', async () => {
    const before = await tableCounts();
    const result = await api.graphql<ImportData>(IMPORT, { file: exampleText, dryRun: true });
    expect(result.errors).toBeUndefined();
    const report = result.data!.importInventory;
    expect(report.applied).toBe(false);
    expect(report.diff.added.length).toBeGreaterThan(10);
    expect(report.diff.added.map((entry) => entry.section)).toEqual(expect.arrayContaining(['parties', 'flows', 'activities', 'dataCategories']));
    expect(report.findingsAdded.length).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports, then finds nothing to change on the same file (idempotent)', async () => {
    const first = await api.graphql<ImportData>(IMPORT, { file: exampleText });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importInventory.applied).toBe(true);
    const again = await api.graphql<ImportData>(IMPORT, { file: exampleText });
    expect(again.data!.importInventory.diff).toMatchObject({ added: [], changed: [], removed: [] });
    expect(again.data!.importInventory.findingsAdded).toEqual([]);
  });

  it('exports what it imported (round trip of the normalised file)', async () => {
    const parsed = parseInventoryFile(exampleText);
    if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
    const exported = await api.graphql<{ exportInventory: string }>('{ exportInventory(includePersons: true) }');
    expect(exported.data!.exportInventory).toBe(stringifyInventory(normaliseInventory(parsed.document), 'yaml'));
  });

  it('reports a field-level change and, with prune, what the file no longer names', async () => {
    const parsed = parseInventoryFile(exampleText) as { document: InventoryDocument };
    const document = normaliseInventory(parsed.document);
    const [firstParty, ...otherParties] = document.parties!;
    const renamed = { ...document, parties: [{ ...firstParty, name: 'Renamed Ltd' }, ...otherParties] };
    const changed = await api.graphql<ImportData>(IMPORT, { file: JSON.stringify(renamed), format: 'JSON', dryRun: true });
    expect(changed.data!.importInventory.diff.changed).toEqual([{ section: 'parties', key: firstParty.key, fields: [{ field: 'name', before: firstParty.name, after: 'Renamed Ltd' }] }]);

    const lastFlow = document.flows!.at(-1)!;
    const withoutFlow = { ...document, flows: document.flows!.slice(0, -1) };
    const kept = await api.graphql<ImportData>(IMPORT, { file: JSON.stringify(withoutFlow), format: 'JSON', dryRun: true });
    expect(kept.data!.importInventory.diff.removed).toEqual([]);
    const pruned = await api.graphql<ImportData>(IMPORT, { file: JSON.stringify(withoutFlow), format: 'JSON', dryRun: true, prune: true });
    expect(pruned.data!.importInventory.diff.removed).toEqual([{ section: 'flows', key: lastFlow.key }]);
  });

  it('rejects a bad file with every error, each with its path, line and column, and writes nothing', async () => {
    const before = await tableCounts();
    const bad = exampleText.replace(/countries: \[CN\]/, 'countries: [XX]').replace(/^flowmap: 1/m, 'flowmap: 1\nunknownField: true');
    const result = await api.graphql(IMPORT, { file: bad });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const errors = result.errors?.[0].extensions?.errors as { path: string; line: number; column: number }[];
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((error) => error.line > 0 && error.column > 0)).toBe(true);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('importing one example over another', () => {
  it('prunes persons with their consents and narrows an activity together with its flows', async () => {
    const names = ['zlink-2022', 'kalos-2024', 'zhiqi-2021', 'zkteco-global-2019', 'zkbio-entrance-2022'];
    for (const name of names) {
      const file = fs.readFileSync(path.resolve(__dirname, `../examples/${name}.yaml`), 'utf8');
      const result = await api.graphql<ImportData>(IMPORT, { file, prune: true });
      expect(result.errors, name).toBeUndefined();
      expect(result.data!.importInventory.applied).toBe(true);
      const exported = await api.graphql<{ exportInventory: string }>('{ exportInventory(includePersons: true) }');
      const parsed = parseInventoryFile(file) as { document: InventoryDocument };
      // A party that the earlier file placed elsewhere keeps that past as countryHistory; the rest is the file.
      const exportedDocument = (parseInventoryFile(exported.data!.exportInventory) as { document: InventoryDocument }).document;
      const withoutHistory = { ...exportedDocument, parties: exportedDocument.parties?.map(({ countryHistory: _history, ...party }) => party) };
      expect(stringifyInventory(withoutHistory, 'yaml'), name).toBe(stringifyInventory(normaliseInventory(parsed.document), 'yaml'));
      for (const party of exportedDocument.parties ?? []) {
        expect(party.countryHistory?.filter((period) => period.effectiveTo === undefined || period.effectiveTo === null).map((period) => period.country).sort() ?? party.countries).toEqual(party.countries);
      }
    }
  });
});
