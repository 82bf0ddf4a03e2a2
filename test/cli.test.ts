import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/flowmap';
import { importInventory } from '../src/modules/inventory/inventory.service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const EXAMPLE = path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml');
const exampleText = fs.readFileSync(EXAMPLE, 'utf8');

/** A processor in Ireland fed from the Chinese controller: one cross-border transfer on top of the example. */
const CLOUD_FILE = `flowmap: 1
parties:
  - { key: zkteco-xiamen, name: 'Xiamen ZKTeco Information Technology Co., Ltd.', kind: CONTROLLER, countries: [CN] }
  - { key: cloud-eu, name: 'Cloud EU, Ltd', kind: PROCESSOR, countries: [IE] }
flows:
  - key: accounts-to-cloud
    activity: account-and-device-service
    from: zkteco-xiamen
    to: cloud-eu
    dataCategories: [contact.email]
    mechanism: PIPL_STANDARD_CONTRACT
    safeguards: [ENCRYPTION]
    effectiveFrom: 2022-08-01
`;

const BAD_FILE = `flowmap: 1
parties:
  - { key: acme, name: Acme, kind: CONTROLLER, countries: [XX] }
flows:
  - { key: f, activity: accounts, from: acme, to: clod, dataCategories: [], effectiveFrom: 2022-08-01 }
`;

let seeded: TestDatabase;
let workDir: string;

beforeAll(async () => {
  seeded = await createTestDatabase();
  for (const text of [exampleText, CLOUD_FILE]) await importInventory(seeded.dataSource, 'test', text, 'yaml', { dryRun: false, prune: false });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-cli-'));
});
afterAll(async () => {
  await seeded?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs the CLI in this process, as bin/flowmap.js does, against `database`. */
async function flowmap(argv: string[], database: TestDatabase | { url: string } = seeded) {
  // A database that is never reached still needs a key: without one the command stops at that.
  const auditKey = 'auditKeyText' in database ? database.auditKeyText : 'unused-audit-key-unused-audit-key-unused';
  const output = { stdout: '', stderr: '' };
  const code = await run(argv, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: auditKey },
  });
  return { code, ...output };
}

function writeFile(name: string, text: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('flowmap import', () => {
  it('imports a file, prints the diff and the findings added, records the OS user; the same file again changes nothing', async () => {
    const fresh = await createTestDatabase();
    try {
      const first = await flowmap(['import', EXAMPLE], fresh);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/^Imported .*zkbio-entrance-2022\.yaml\.\nAdded \(43\):\n {2}\+ subjectCategories\/app-user\n/);
      expect(first.stdout).toMatch(/\nFindings added \([1-9]\d*\):\n {2}(CRITICAL|HIGH) +[A-Z0-9-]+ {2}\S/);
      const actors = (await fresh.dataSource.query("SELECT DISTINCT actor FROM audit_entry WHERE entity_type = 'inventory'")) as { actor: string }[];
      expect(actors).toEqual([{ actor: `cli:${os.userInfo().username}` }]);

      const again = await flowmap(['import', EXAMPLE, '--json'], fresh);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ applied: true, diff: { added: [], changed: [], removed: [], unchanged: 43 }, findingsAdded: [] });
    } finally {
      await fresh.drop();
    }
  });

  it('dry-runs a change: each changed field before and after, nothing written', async () => {
    const renamed = writeFile('renamed.yaml', CLOUD_FILE.replace("'Cloud EU, Ltd'", 'Cloud Europe'));
    const result = await flowmap(['import', renamed, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Dry run of ${renamed}: nothing written.`);
    expect(result.stdout).toContain('Changed (1):\n  ~ parties/cloud-eu\n      name: "Cloud EU, Ltd" → "Cloud Europe"\n');
    expect(await seeded.dataSource.query("SELECT name FROM party WHERE key = 'cloud-eu'")).toEqual([{ name: 'Cloud EU, Ltd' }]);
  });

  it('rejects a bad file with every error as FILE:LINE:COLUMN path message, and exits 1', async () => {
    const bad = writeFile('bad.yaml', BAD_FILE);
    const result = await flowmap(['import', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `${bad}:3:60 /parties/0/countries/0 countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code`,
      `${bad}:5:51 /flows/0/to to: no party 'clod'`,
      `flowmap import: ${bad} rejected with 2 error(s); nothing written`,
      '',
    ]);
  });
});

describe('flowmap export', () => {
  it('round-trips: the export imports as no change, and exports again to the same text', async () => {
    for (const format of ['yaml', 'json']) {
      const file = path.join(workDir, `export.${format}`);
      const exported = await flowmap(['export', '--persons', '--format', format, '--output', file]);
      expect(exported).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${file}\n` });
      const reimport = await flowmap(['import', file, '--dry-run', '--json']);
      expect(JSON.parse(reimport.stdout).diff).toMatchObject({ added: [], changed: [], removed: [] });
      expect((await flowmap(['export', '--persons', '--format', format])).stdout).toBe(fs.readFileSync(file, 'utf8'));
    }
  });
});

describe('flowmap export --format jsonld', () => {
  it('writes the map as JSON-LD over DPV with an inline context, and refuses --persons', async () => {
    const result = await flowmap(['export', '--format', 'jsonld']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { '@context': Record<string, unknown>; '@graph': { '@id': string; '@type': string | string[] }[] };
    expect(document['@context'].dpv).toBe('https://w3id.org/dpv#');
    expect(document['@graph']).toContainEqual(expect.objectContaining({ '@id': 'fm:party/cloud-eu', '@type': ['dpv:DataProcessor'] }));
    expect((await flowmap(['export', '--format', 'jsonld', '--persons'])).code).toBe(2);
  });
});

describe('flowmap flows', () => {
  it("answers where a stored person's data flows, as text", async () => {
    const result = await flowmap(['flows', '--person', 'de-user-1', '--as-of', '2024-06-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Where the data of person de-user-1 flows, as of 2024-06-01T00:00:00.000Z (max depth 8)');
    expect(result.stdout).toContain('  zkteco-xiamen (CN) -> government-authorities (CN) via disclosure-to-authorities, LEGAL_OBLIGATION, no mechanism:');
    expect(result.stdout).toContain('  CRITICAL GDPR-TRANSFER-NO-MECHANISM');
  });

  it('answers as JSON and as a Mermaid diagram grouped by country', async () => {
    const json = await flowmap(['flows', '--person', 'de-user-1', '--as-of', '2024-06-01', '--format', 'json']);
    expect(JSON.parse(json.stdout).summary.countriesReached).toEqual(['CN', 'IE']);
    const mermaid = await flowmap(['flows', '--person', 'de-user-1', '--as-of', '2024-06-01', '--format', 'mermaid']);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n {2}subgraph country_CN\["People's Republic of China \(CN\)"\]\n/);
    // The standard contract holds; only its filing and notice are missing: drawn as gaps, not unlawful.
    expect(mermaid.stdout).toContain('  p_zkteco_xiamen_CN -->|"GAPS: contact.email"| p_cloud_eu_IE\n');
  });

  it('answers for a profile with consents', async () => {
    const withConsent = await flowmap(['flows', '--profile', '--subject', 'app-user', '--country', 'CN', '--age', '12', '--consent', 'activity:system-permissions:guardian', '--format', 'json']);
    expect(withConsent.code).toBe(0);
    expect(JSON.parse(withConsent.stdout).collections.map((collection: { activityKey: string }) => collection.activityKey)).toContain('system-permissions');
  });

  it('exits 2 for a person or a subject category that does not exist', async () => {
    expect(await flowmap(['flows', '--person', 'nobody'])).toMatchObject({ code: 2, stderr: expect.stringContaining("no person 'nobody'") });
    expect(await flowmap(['flows', '--profile', '--subject', 'alien', '--country', 'DE'])).toMatchObject({ code: 2, stderr: expect.stringContaining("no subject category 'alien'") });
  });
});

describe('flowmap findings', () => {
  it('exits 1 when findings at or above --fail-on exist, 0 when the threshold is above all', async () => {
    const failing = await flowmap(['findings', '--fail-on', 'HIGH']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^(CRITICAL|HIGH) +[A-Z0-9-]+ {2}\S/);
    expect(failing.stderr).toMatch(/^flowmap findings: \d+ finding\(s\) at or above HIGH\n$/);
    // PIPL-NO-PIA findings are MEDIUM: listed, and below the threshold.
    const passing = await flowmap(['findings', '--rule', 'PIPL-NO-PIA', '--fail-on', 'high']);
    expect(passing).toMatchObject({ code: 0, stderr: '' });
    expect(passing.stdout).toMatch(/^MEDIUM {3}PIPL-NO-PIA {2}.*\n[^]*\n[1-9]\d* finding\(s\)\n$/);
  });

  it('filters by rule and party, as JSON', async () => {
    const result = await flowmap(['findings', '--rule', 'PIPL-MECHANISM-NO-FILING', '--party', 'cloud-eu', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ ruleId: 'PIPL-MECHANISM-NO-FILING', flowKeys: ['accounts-to-cloud'] })]);
    expect((await flowmap(['findings', '--party', 'nobody'])).code).toBe(2);
  });
});

describe('flowmap ropa and transfers', () => {
  it('writes the Art. 30 record as CSV and as Markdown', async () => {
    const csv = await flowmap(['ropa']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toMatch(/^\uFEFFactivity,name,controller,controller contact,purposes,/);
    expect(rows.find((row) => row.startsWith('account-and-device-service,'))).toContain(
      ',"Cloud EU, Ltd (PROCESSOR)","Cloud EU, Ltd (IE): PIPL_STANDARD_CONTRACT; safeguards: ENCRYPTION",',
    );
    const markdown = await flowmap(['ropa', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^# Record of processing activities \(GDPR Art\. 30\(1\)\)\n/);
    expect(markdown.stdout).toContain('## Account and device service (account-and-device-service)');
    expect(markdown.stdout).toContain('| Recipients | Cloud EU, Ltd (PROCESSOR) |');
  });

  it('writes the record with the transfer register as an XLSX workbook into --output, and as HTML', async () => {
    expect((await flowmap(['ropa', '--format', 'xlsx'])).stderr).toContain('--format xlsx writes a workbook: give it a file with --output');
    const file = path.join(workDir, 'ropa.xlsx');
    const written = await flowmap(['ropa', '--format', 'xlsx', '--output', file]);
    expect(written.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Controller (Art. 30(1)(a))', 'Record of processing', 'Processor records (Art. 30(2))', 'Transfer register']);
    const html = await flowmap(['ropa', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n/);
    expect(html.stdout).toContain('<td>Cloud EU, Ltd (PROCESSOR)</td>');
  });

  it('writes the transfer register as CSV', async () => {
    const result = await flowmap(['transfers', '--as-of', '2024-06-01']);
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\r\n');
    expect(rows[0]).toBe('\uFEFFflow,activity,exporter,exporter name,importer,importer name,from countries,to countries,categories,mechanism,safeguards,regimes,transfer regimes,verdict,lawful,reasons');
    expect(rows).toContainEqual(
      expect.stringMatching(/^accounts-to-cloud,account-and-device-service,zkteco-xiamen,"Xiamen ZKTeco Information Technology Co\., Ltd\.",cloud-eu,"Cloud EU, Ltd",CN,IE,contact\.email,PIPL_STANDARD_CONTRACT,ENCRYPTION,[A-Z_; ]*PIPL,PIPL,LAWFUL_WITH_GAPS,yes,"flow 'accounts-to-cloud'/),
    );
    expect(rows.at(-1)).toBe('');
  });
});

describe('flowmap usage', () => {
  it.each(['serve', 'import', 'export', 'flows', 'findings', 'ropa', 'transfers', 'expiring'])('prints the help of %s', async (command) => {
    const result = await flowmap([command, '--help'], { url: 'postgres://unused' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: flowmap ${command}`));
  });

  it('prints the commands and the exit codes', async () => {
    const result = await flowmap(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  findings   list the compliance findings');
    expect(result.stdout).toContain('  3  runtime failure');
  });

  it.each([[[]], [['bogus']], [['findings', '--bogus']], [['findings', '--fail-on', 'SEVERE']], [['import']], [['flows', '--person', 'x', '--profile']], [['flows', '--as-of', 'yesterday', '--person', 'x']], [['ropa', '--as-of', '2024-06-01T12:00']], [['transfers', '--as-of', '2024-02-30']]])(
    'exits 2 on a usage error: %j',
    async (argv) => {
      const result = await flowmap(argv, { url: 'postgres://unused' });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toBe('');
    },
  );

  it('exits 3 when the database cannot be reached', async () => {
    const result = await flowmap(['findings'], { url: 'postgres://flowmap@127.0.0.1:1/none' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^flowmap findings: cannot use DATABASE_URL: /);
  });
});
