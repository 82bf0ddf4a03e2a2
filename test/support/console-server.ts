import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './test-server';

const REPO_DIR = path.resolve(__dirname, '..', '..');

/**
 * Builds the console from web/ as `npm run build` does, into a folder of its own: the browser tests
 * check the code of this checkout, never a dist/web left from an earlier build.
 */
export async function buildConsole(): Promise<{ dir: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-console-'));
  const vite = path.join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  // Vite and the React plugin build for production only when NODE_ENV says so, and vitest sets it to 'test'.
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', path.join(REPO_DIR, 'web', 'vite.config.mts'), '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: REPO_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ConsoleServer extends TestServer {
  /** The console's address, e.g. http://127.0.0.1:PORT/ */
  origin: string;
}

/** The real server on a fresh database with the ZKBio example map loaded, serving the console from `consoleDir`. */
export async function startConsoleServer(consoleDir: string): Promise<ConsoleServer> {
  const server = await startTestServer({ consoleDir });
  const file = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'zkbio-entrance-2022.yaml'), 'utf8');
  const imported = await server.graphql<{ importInventory: { applied: boolean } }>('mutation($file: String!) { importInventory(file: $file) { applied } }', { file });
  if (!imported.data?.importInventory.applied) throw new Error(`the example did not load: ${JSON.stringify(imported.errors)}`);
  return { ...server, origin: new URL('/', server.url).toString() };
}
