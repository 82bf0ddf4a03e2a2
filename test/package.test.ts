import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port';

const ROOT = path.resolve(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let userRepo: string;
let env: NodeJS.ProcessEnv;

/** `flowmap ARGS` as a user runs it in their own repository, after installing the packed tarball. */
function flowmap(...args: string[]) {
  const result = spawnSync(path.join(userRepo, 'node_modules/.bin/flowmap'), args, { cwd: userRepo, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The recipe of docs/cli.md ("Using flowmap in your own repository"), run as written: the package is packed as
// `npm pack` makes it, installed into an empty folder, and used on the folder's own map.yaml with the embedded database.
describe('the packed package, installed into a repository of its own', () => {
  beforeAll(async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-package-'));
    fs.chmodSync(work, 0o755);
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
    // --ignore-scripts: dist/ was just built; `prepare` would rebuild it under the feet of other test files.
    const packed = execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim();
    userRepo = path.join(work, 'repo');
    fs.mkdirSync(userRepo);
    fs.writeFileSync(path.join(userRepo, 'package.json'), JSON.stringify({ name: 'our-data-map', private: true }));
    execFileSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, packed)], { cwd: userRepo, stdio: 'ignore' });
    fs.copyFileSync(path.join(ROOT, 'examples/zkbio-entrance-2022.yaml'), path.join(userRepo, 'map.yaml'));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, FLOWMAP_EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'silent' };
  }, 300_000);
  afterAll(() => {
    if (userRepo) fs.rmSync(path.dirname(userRepo), { recursive: true, force: true });
  });

  it('ships the built command with its migrations, examples and licence, and nothing of the tests', () => {
    const installed = path.join(userRepo, 'node_modules/flowmap');
    for (const file of ['dist/cli/flowmap.js', 'dist/main.js', 'bin/flowmap.js', 'LICENSE', 'examples/zkbio-entrance-2022.yaml']) {
      expect(fs.existsSync(path.join(installed, file)), file).toBe(true);
    }
    expect(fs.readdirSync(path.join(installed, 'migrations')).filter((name) => name.endsWith('.sql')).length).toBe(
      fs.readdirSync(path.join(ROOT, 'migrations')).filter((name) => name.endsWith('.sql')).length,
    );
    expect(fs.existsSync(path.join(installed, 'test'))).toBe(false);
    expect(fs.existsSync(path.join(installed, 'dist/bench'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).license).toBe('Apache-2.0');
  });

  it('runs flowmap --help', () => {
    const help = flowmap('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flowmap COMMAND');
  });

  it('checks, imports and gates the repository own map.yaml on the embedded database', () => {
    const dryRun = flowmap('import', 'map.yaml', '--dry-run');
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('Dry run of map.yaml: nothing written.');
    const imported = flowmap('import', 'map.yaml');
    expect(imported.code, imported.stderr).toBe(0);
    // The example map has HIGH findings, so the gate fails, as it should on such a pull request.
    const gate = flowmap('findings', '--fail-on', 'HIGH');
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/HIGH\s+PIPL-/);
    expect(fs.existsSync(path.join(userRepo, '.data/postgres/PG_VERSION'))).toBe(true);
  });
});
