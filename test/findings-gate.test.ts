import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/flowmap';
import type { Finding } from '../src/modules/flow-query/flow-query.type';
import { importInventory } from '../src/modules/inventory/inventory.service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const EXAMPLE = path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml');

let database: TestDatabase;
let workDir: string;
let gating: Finding[];

async function flowmap(argv: string[]) {
  const output = { stdout: '', stderr: '' };
  const code = await run(argv, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: database.auditKeyText },
  });
  return { code, ...output };
}

/** A baseline accepting `findings` (by their first activity) until `until`, plus `extra` lines. */
function writeBaseline(name: string, findings: readonly Finding[], until: string, extra = ''): string {
  const lines = findings.map(
    (finding) => `  - { rule: ${finding.ruleId}, subject: "activity:${finding.activityKeys[0]}", justification: reviewed, acceptedBy: dpo@example.com, until: ${until} }`,
  );
  const file = path.join(workDir, name);
  fs.writeFileSync(file, `accepted:\n${[...lines, extra].filter((line) => line !== '').join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importInventory(database.dataSource, 'test', fs.readFileSync(EXAMPLE, 'utf8'), 'yaml', { dryRun: false, prune: false });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-gate-'));
  const all = JSON.parse((await flowmap(['findings', '--format', 'json'])).stdout) as Finding[];
  gating = all.filter((finding) => ['HIGH', 'CRITICAL'].includes(finding.severity));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('flowmap findings --baseline', () => {
  it('passes the gate when every finding at or above the level is accepted, and says what it accepted', async () => {
    expect(gating.length).toBeGreaterThan(0);
    expect((await flowmap(['findings', '--fail-on', 'HIGH'])).code).toBe(1);
    const result = await flowmap(['findings', '--fail-on', 'HIGH', '--baseline', writeBaseline('all.yaml', gating, '2999-12-31')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^baseline: \d+ finding\(s\) accepted, 0 whose acceptance has expired/);
  });

  it('fails on findings whose acceptance has expired, naming the day', async () => {
    const result = await flowmap(['findings', '--fail-on', 'HIGH', '--baseline', writeBaseline('expired.yaml', gating, '2020-01-01')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expired on 2020-01-01');
    expect(result.stderr).toContain('not accepted by the baseline');
  });

  it('lists acceptances that match nothing any more', async () => {
    const stale = '  - { rule: PIPL-NO-PIA, subject: "flow:no-such-flow", justification: old, acceptedBy: dpo, until: 2999-01-01 }';
    const result = await flowmap(['findings', '--baseline', writeBaseline('stale.yaml', [], '2999-12-31', stale)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 2: PIPL-NO-PIA on flow:no-such-flow matches no finding any more; remove it');
  });

  it('refuses a baseline it cannot read as a usage error, naming the line', async () => {
    const file = path.join(workDir, 'bad.yaml');
    fs.writeFileSync(file, 'accepted:\n  - { rule: X, subject: "thing:y", justification: j, acceptedBy: a, until: soon }\n');
    const result = await flowmap(['findings', '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2: accepted[0].until: 'soon' is not a date`);
  });
});

describe('flowmap findings --format sarif|github --file', () => {
  it('places every finding at the line of the entry that causes it in the inventory file', async () => {
    const result = await flowmap(['findings', '--format', 'sarif', '--file', EXAMPLE]);
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).toBe(path.relative(process.cwd(), EXAMPLE));
      expect(region, result.ruleId).toBeDefined();
      expect(lines[region!.startLine - 1]).toMatch(/^\s+- (\{ )?key: /);
    }
  });

  it('writes GitHub annotations for the findings the baseline does not accept', async () => {
    const [accepted, ...rest] = gating;
    const result = await flowmap(['findings', '--format', 'github', '--file', EXAMPLE, '--baseline', writeBaseline('one.yaml', [accepted], '2999-12-31')]);
    const annotations = result.stdout.trim().split('\n');
    const acceptedCount = gating.filter((finding) => finding.ruleId === accepted.ruleId && finding.activityKeys.includes(accepted.activityKeys[0])).length;
    expect(annotations.filter((line) => line.startsWith('::error file='))).toHaveLength(gating.length - acceptedCount);
    expect(rest.length).toBeGreaterThanOrEqual(gating.length - acceptedCount);
    expect(annotations.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=/.test(line))).toBe(true);
  });
});
