import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/flowmap';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const FIXTURES = path.resolve(__dirname, 'fixtures');

let database: TestDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-fides-'));
  // The documentation's manifests and the complete one, in one folder as a fides project keeps them.
  fs.cpSync(path.join(FIXTURES, 'fides'), path.join(workDir, 'manifests'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'fides-complete.yml'), path.join(workDir, 'manifests', 'shop.yml'));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function flowmap(argv: string[]) {
  const output = { stdout: '', stderr: '' };
  const code = await run(argv, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: database.auditKeyText },
  });
  return { code, ...output };
}

describe('flowmap import --from fides and export --to fides', () => {
  it('imports a folder of manifests, warns at each manifest, and a second import changes nothing', async () => {
    const manifests = path.join(workDir, 'manifests');
    const first = await flowmap(['import', '--from', 'fides', manifests, '--effective-from', '2026-01-01']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('  + activities/shop_app.essential.service\n');
    expect(first.stdout).toContain('  + flows/shop_app.essential.service.cloud_crm.to.mail_relay\n');
    expect(first.stderr).toContain(
      `${path.join(manifests, 'system.yml')}: system[0] (demo_analytics_system).privacy_declarations[0] (Analyze customer behaviour for improvements.): warning: no legal_basis_for_processing`,
    );
    const [{ count }] = (await database.dataSource.query('SELECT count(*)::int AS count FROM activity')) as { count: number }[];
    expect(count).toBe(2);

    const again = await flowmap(['import', '--from', 'fides', manifests, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { diff: { added: unknown[]; changed: unknown[]; removed: unknown[] }; warnings: unknown[] };
    expect(report.diff).toMatchObject({ added: [], changed: [], removed: [] });
    expect(report.warnings.length).toBeGreaterThan(0);
  });

  it('exports the map as a manifest that imports back without a change', async () => {
    const output = path.join(workDir, 'exported.yml');
    const exported = await flowmap(['export', '--to', 'fides', '--output', output]);
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toMatch(/^organization:\n {2}- fides_key: default_organization\n/);
    const back = await flowmap(['import', '--from', 'fides', output, '--json']);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { diff: unknown }).diff).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it('refuses a file that is no manifest, at its place, and writes nothing', async () => {
    const bad = path.join(workDir, 'bad.yml');
    fs.writeFileSync(bad, 'system:\n  - name: no key\n');
    const result = await flowmap(['import', '--from', 'fides', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: system[0]: a resource is a mapping with a fides_key\n`);
  });

  it('names the manifest entry when the registry refuses what it became', async () => {
    const bad = path.join(workDir, 'bad-country.yml');
    fs.writeFileSync(bad, 'system:\n  - fides_key: far_away\n    system_type: Service\n    meta: { flowmap: { countries: [QQ] } }\n    privacy_declarations: []\n');
    const result = await flowmap(['import', '--from', 'fides', bad, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: system\\[0\\] \\(far_away\\) -> /parties/\\d+/countries/0: .*QQ`));
  });

  it('takes no --format with --from fides', async () => {
    const result = await flowmap(['import', '--from', 'fides', workDir, '--format', 'json']);
    expect(result.code).toBe(2);
  });
});
