import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { createLogger } from '../src/logger';
import { freePort } from './support/free-port';

const ROOT = path.resolve(__dirname, '..');
let work: string;

/** A port held by another listener until `release()`. */
async function occupiedPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `node dist/main.js` on an embedded database in `dataDir`, run to its end. */
function startMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', FLOWMAP_EXAMPLE: 'none', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...output })));
}

/** Processes whose command line names `dataDir`: a postmaster left behind would. */
function processesUsing(dataDir: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-startup-'));
  fs.chmodSync(work, 0o755);
}, 120_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a start-up that fails', () => {
  it('names PORT when the API port is taken, prints no token and leaves no PostgreSQL running', async () => {
    const taken = await occupiedPort();
    const dataDir = path.join(work, 'api-port', 'pg');
    try {
      const result = await startMain({ PORT: String(taken.port), FLOWMAP_DATA_DIR: dataDir, FLOWMAP_EMBEDDED_PG_PORT: String(await freePort()) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`Flowmap failed to start: the API cannot listen: port ${taken.port} on 127.0.0.1 is already in use; set PORT to another port`);
      expect(result.stdout).not.toContain('ADMIN API token');
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      await taken.release();
    }
  });

  it('names FLOWMAP_EMBEDDED_PG_PORT when the embedded PostgreSQL port is taken', async () => {
    const taken = await occupiedPort();
    try {
      const result = await startMain({ PORT: '0', FLOWMAP_DATA_DIR: path.join(work, 'pg-port', 'pg'), FLOWMAP_EMBEDDED_PG_PORT: String(taken.port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${taken.port} on 127.0.0.1 is already in use; set FLOWMAP_EMBEDDED_PG_PORT to another port`);
      expect(result.stderr).not.toContain('undefined');
    } finally {
      await taken.release();
    }
  });

  it("shows PostgreSQL's own last log lines, and a stack trace only at LOG_LEVEL=debug", async () => {
    const dataDir = path.join(work, 'broken', 'pg');
    fs.mkdirSync(dataDir, { recursive: true });
    // A data directory that claims to be initialised but holds no configuration.
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '18\n');
    const env = { PORT: '0', FLOWMAP_DATA_DIR: dataDir, FLOWMAP_EMBEDDED_PG_PORT: String(await freePort()) };
    const result = await startMain(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the embedded PostgreSQL in ${dataDir}`);
    expect(result.stderr).toContain("PostgreSQL's last log lines:");
    expect(result.stderr).toContain('postgresql.conf');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const debug = await startMain({ ...env, LOG_LEVEL: 'debug' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('the data directory of the embedded PostgreSQL', () => {
  it('gets only the search bit, only on the parents that lack it, only as root, and says so', async () => {
    const locked = path.join(work, 'locked');
    fs.mkdirSync(path.join(locked, 'inner'), { recursive: true });
    fs.chmodSync(locked, 0o700);
    fs.chmodSync(path.join(locked, 'inner'), 0o750);
    const notices: string[] = [];
    const database = await startEmbeddedDatabase({ dataDir: path.join(locked, 'inner', 'pg'), port: await freePort(), notice: (message) => notices.push(message) });
    await database.stop();
    const modeOf = (dir: string): number => fs.statSync(dir).mode & 0o777;
    if (process.getuid?.() === 0) {
      expect(modeOf(locked)).toBe(0o701);
      expect(modeOf(path.join(locked, 'inner'))).toBe(0o751);
      expect(notices).toHaveLength(2);
      expect(notices[0]).toContain(`${path.join(locked, 'inner')} is now searchable by others (mode 751, was 750)`);
      // The test's own folder already had the bit: left alone, and not mentioned.
      expect(notices.join('\n')).not.toContain(`${work} is`);
    } else {
      expect(modeOf(locked)).toBe(0o700);
      expect(notices).toEqual([]);
    }
  }, 60_000);
});

describe('the log', () => {
  it('is JSON lines, or readable lines on a terminal', () => {
    const capture = (pretty: boolean): string => {
      const destination = new PassThrough();
      let text = '';
      destination.on('data', (chunk: Buffer) => (text += chunk.toString()));
      createLogger('info', { pretty, destination }).info({ port: 4000 }, 'Flowmap is serving GraphQL');
      return text;
    };
    expect(JSON.parse(capture(false))).toMatchObject({ msg: 'Flowmap is serving GraphQL', port: 4000, service: 'flowmap' });
    const readable = capture(true);
    expect(() => JSON.parse(readable)).toThrow();
    expect(readable).toContain('Flowmap is serving GraphQL');
    expect(readable).toContain('port: 4000');
  });

  it('keeps the stack of a logged error only at LOG_LEVEL=debug', () => {
    const logged = (level: string): Record<string, { type: string; stack?: string }> => {
      const destination = new PassThrough();
      let text = '';
      destination.on('data', (chunk: Buffer) => (text += chunk.toString()));
      createLogger(level, { destination }).error({ error: { type: 'Error', stack: 'at somewhere' } }, 'internal error');
      return JSON.parse(text) as Record<string, { type: string; stack?: string }>;
    };
    expect(logged('info').error).toEqual({ type: 'Error' });
    expect(logged('debug').error).toEqual({ type: 'Error', stack: 'at somewhere' });
  });
});
