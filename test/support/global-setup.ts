import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../src/db/embedded-database';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to a server where tests may create and drop databases. */
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run: the one of DATABASE_URL, or else an embedded one in a
 * temporary folder. Each test file then creates a database of its own on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return async () => undefined;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-test-'));
  fs.chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'pg'), port: await freePort() });
  project.provide('adminDatabaseUrl', embedded.adminUrl);
  return async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
