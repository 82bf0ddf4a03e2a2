import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/flowmap';
import { createToken } from '../src/modules/auth/api-token.service';
import { Role } from '../src/modules/auth/role';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ['first', 'second', 'third']) await createToken(database.dataSource, name, Role.VIEWER);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-audit-cli-'));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function flowmap(argv: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: database.auditKeyText }) {
  const output = { stdout: '', stderr: '' };
  const code = await run(argv, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env,
  });
  return { code, ...output };
}

/** Removes the last entry of the log, as the owner of the table can with its triggers off. */
async function deleteLastEntry(): Promise<void> {
  await database.asOwner(async (client) => {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
    await client.query('DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)');
    await client.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
    await client.query('COMMIT');
  });
}

describe('flowmap audit', () => {
  it('writes a checkpoint that verifies, and fails once the log was cut back', async () => {
    const file = path.join(workDir, 'checkpoint.json');
    const taken = await flowmap(['audit', 'checkpoint', '--output', file]);
    expect(taken).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${file}\n` });
    const checkpoint = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; seq: number; hash: string };
    expect(checkpoint).toMatchObject({ format: 'flowmap-audit-checkpoint', seq: 3 });

    const intact = await flowmap(['audit', 'verify', '--checkpoint', file]);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toBe(`audit log intact: 3 entries; head: entry 3, hash ${checkpoint.hash}\nmatches the checkpoint of ${JSON.parse(fs.readFileSync(file, 'utf8')).takenAt} (entry 3)\n`);

    await deleteLastEntry();
    // Without the checkpoint the shorter log is whole; against it, it is not.
    expect((await flowmap(['audit', 'verify'])).code).toBe(0);
    const cut = await flowmap(['audit', 'verify', '--checkpoint', file]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/^audit log BROKEN at entry 3: entry 3 is missing: the log ends at entry 2, the checkpoint of \S+ holds entry 3\n/);
    expect(cut.stderr).toMatch(/^flowmap audit: the audit log is broken at entry 3/);

    // As JSON: broken, and no checkpoint of it offered.
    const json = JSON.parse((await flowmap(['audit', 'verify', '--checkpoint', file, '--format', 'json'])).stdout) as { valid: boolean; checkpoint: unknown };
    expect(json).toMatchObject({ valid: false, checkpoint: null });
  });

  it('refuses a checkpoint file that was edited or is not one', async () => {
    await createToken(database.dataSource, 'fourth', Role.VIEWER);
    const file = path.join(workDir, 'edited.json');
    expect((await flowmap(['audit', 'checkpoint', '--output', file])).code).toBe(0);
    const checkpoint = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number };
    fs.writeFileSync(file, JSON.stringify({ ...checkpoint, seq: checkpoint.seq - 1 }));
    const edited = await flowmap(['audit', 'verify', '--checkpoint', file]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/^flowmap audit: checkpoint\.signature: the checkpoint is not signed with this audit key/);

    fs.writeFileSync(file, '{"format":"flowmap-audit-checkpoint","seq":1}');
    const malformed = await flowmap(['audit', 'verify', '--checkpoint', file]);
    expect(malformed).toMatchObject({ code: 2 });
    expect(malformed.stderr).toContain(`--checkpoint: ${file}: hash: expected 64 hex digits`);
  });

  it('needs the audit key with DATABASE_URL, and an action', async () => {
    const keyless = await flowmap(['audit', 'verify'], { DATABASE_URL: database.url });
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toMatch(/^flowmap audit: FLOWMAP_AUDIT_KEY must be set with DATABASE_URL/);
    const wrongKey = await flowmap(['audit', 'verify'], { DATABASE_URL: database.url, FLOWMAP_AUDIT_KEY: 'w'.repeat(43) });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/^audit log BROKEN at entry 1: content does not match its hash/);
    expect((await flowmap(['audit', 'sign'])).code).toBe(2);
    expect((await flowmap(['audit', 'checkpoint', '--checkpoint', 'x'])).code).toBe(2);
  });
});
