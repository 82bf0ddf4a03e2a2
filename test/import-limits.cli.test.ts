import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// flowmap first: it loads reflect-metadata, which the modules behind import-command need.
import { run } from '../src/cli/flowmap';
import { DEFAULT_MAX_FILE_MB } from '../src/cli/import-command';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-import-limits-'));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function flowmap(argv: string[], env: Record<string, string> = {}) {
  const output = { stdout: '', stderr: '' };
  const code = await run(argv, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: database.auditKeyText, ...env },
  });
  return { code, ...output };
}

/** A well-formed file of `megabytes` MiB and a little more: one subject category, padded by a comment. */
function fileOfSize(name: string, megabytes: number): string {
  const file = path.join(workDir, name);
  const head = 'flowmap: 1\nsubjectCategories: [{ key: padded, name: Padded }]\n';
  fs.writeFileSync(file, `${head}# ${'x'.repeat(megabytes * 1024 * 1024)}\n`);
  return file;
}

describe('flowmap import: limits of the file', () => {
  it(`refuses a file over ${DEFAULT_MAX_FILE_MB} MiB before reading it, saying how to raise the limit`, async () => {
    const file = fileOfSize('big.yaml', DEFAULT_MAX_FILE_MB);
    const result = await flowmap(['import', file, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`more than the ${DEFAULT_MAX_FILE_MB} MiB allowed`);
    expect(result.stderr).toContain('--max-size');
    expect(result.stderr).toContain('FLOWMAP_IMPORT_MAX_MB');
  });

  it('reads it with a higher limit, from the flag or the environment', async () => {
    const file = fileOfSize('small-over.yaml', 1);
    expect((await flowmap(['import', file, '--dry-run', '--max-size', '1'])).code).toBe(1);
    const byFlag = await flowmap(['import', file, '--dry-run', '--max-size', '2']);
    expect(byFlag).toMatchObject({ code: 0 });
    expect(byFlag.stdout).toContain('subjectCategories/padded');
    expect((await flowmap(['import', file, '--dry-run'], { FLOWMAP_IMPORT_MAX_MB: '1' })).code).toBe(1);
    expect((await flowmap(['import', file, '--dry-run'], { FLOWMAP_IMPORT_MAX_MB: '2' })).code).toBe(0);
  });

  it('refuses a limit that is not a whole number', async () => {
    const file = fileOfSize('tiny.yaml', 0);
    expect(await flowmap(['import', file, '--max-size', 'lots'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-size') });
    expect(await flowmap(['import', file], { FLOWMAP_IMPORT_MAX_MB: '-3' })).toMatchObject({ code: 2, stderr: expect.stringContaining('FLOWMAP_IMPORT_MAX_MB') });
  });

  it('prints deep nesting as FILE:LINE:COLUMN, not a stack overflow', async () => {
    const file = path.join(workDir, 'deep.yaml');
    fs.writeFileSync(file, `flowmap: 1\nparties: ${'['.repeat(1_000_000)}\n`);
    const result = await flowmap(['import', file, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2:`);
    expect(result.stderr).toContain('64 levels');
    expect(result.stderr).not.toContain('call stack');
  });

  it("prints the YAML parser's warnings by code and place, without the file's text", async () => {
    const file = path.join(workDir, 'tagged.yaml');
    fs.writeFileSync(file, 'flowmap: 1\nsubjectCategories: [{ key: s, name: !private-tag secret-name }]\n');
    const result = await flowmap(['import', file, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:2:`);
    expect(result.stderr).toContain('TAG_RESOLVE_FAILED');
    expect(result.stderr).not.toContain('private-tag');
  });
});
