import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

// The console's operations are typed from web/src/graphql-env.d.ts: generated from schema.graphql,
// it must follow it, or the type check would accept a query the API no longer answers.
it('web/src/graphql-env.d.ts is generated from the committed schema.graphql (run `npm run schema`)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-web-types-'));
  try {
    const output = path.join(dir, 'graphql-env.d.ts');
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/gql.tada/bin/cli.js'), 'generate', 'output', '--tsconfig', 'web/tsconfig.json', '--output', output], { cwd: ROOT });
    expect(fs.readFileSync(output, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'web/src/graphql-env.d.ts'), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
