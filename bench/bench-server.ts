import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import pino from 'pino';
import type { Database } from '../src/db/data-source';
import { generateAuditKeyText } from '../src/modules/audit/audit-key';
import { seedAdminToken } from '../src/modules/auth/api-token.service';
import { startServer } from '../src/server';
import { getStatus } from './http-load';
import { MAIN_SCRIPT } from './repo-root';

/** A running Flowmap API the bench talks to over HTTP. */
export interface BenchServer {
  mode: 'child-process' | 'in-process';
  pid: number;
  /** http://host:port/graphql */
  url: string;
  /** http://host:port */
  origin: string;
  /** Milliseconds from start to /healthz answering. */
  startMs: number;
  /** The processes serving: this one, and its workers when FLOWMAP_WORKERS > 1. */
  pids(): number[];
  /** Peak resident set so far (VmHWM) of the largest of those processes, in bytes. */
  peakRssBytes(): number;
  /** Resident set now (VmRSS) of the largest of them, in bytes. */
  rssBytes(): number;
  /** Why the process ended on its own (a crash, out of memory), or null while it runs. */
  exitedEarly(): string | null;
  stop(): Promise<void>;
}

/** The secret the bench sends: FLOWMAP_ADMIN_TOKEN when set, else one of its own, seeded into the server it starts. */
/** The audit key of the bench's own writes and of the servers it starts, which share its audit log (the bench never verifies it). */
export const BENCH_AUDIT_KEY_TEXT = process.env.FLOWMAP_AUDIT_KEY ?? generateAuditKeyText();

export const BENCH_ADMIN_TOKEN = process.env.FLOWMAP_ADMIN_TOKEN ?? 'fm_flowmap-bench-admin-token-0123456789abcdef';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The child processes of `pid` (Linux /proc); none where /proc is not there. */
export function childProcesses(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** A `kB` field of /proc/<pid>/status, in bytes; NaN where /proc is not there. */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export async function waitForHealth(origin: string, timeoutMs: number, alive: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const died = alive();
    if (died !== null) throw new Error(died);
    try {
      if ((await getStatus(`${origin}/healthz`)) === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${origin}/healthz did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Keeps the last bytes a child wrote on a stream, for an error message. */
export function tail(stream: NodeJS.ReadableStream | null, limit = 16_384): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-limit);
  });
  return () => text;
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export interface ChildServerOptions {
  databaseUrl: string;
  /** dist/main.js of this build. */
  mainScript?: string;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=...']. */
  nodeArgs?: string[];
  logLevel?: string;
  /** FLOWMAP_WORKERS: server processes behind the port (default 1, the child itself). */
  workers?: number;
}

/**
 * `node dist/main.js` on the bench database, as production runs it, so that its resident memory
 * is its own. Its request logs go to /dev/null: written, as in production, but not read.
 */
export async function startChildServer(options: ChildServerOptions): Promise<BenchServer> {
  const port = await freePort();
  const mainScript = options.mainScript ?? MAIN_SCRIPT;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), mainScript], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      FLOWMAP_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      FLOWMAP_AUDIT_KEY: BENCH_AUDIT_KEY_TEXT,
      FLOWMAP_EXAMPLE: 'none',
      FLOWMAP_WORKERS: String(options.workers ?? 1),
      LOG_LEVEL: options.logLevel ?? 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = tail(child.stderr);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, 120_000, () => (child.exitCode !== null ? `the server exited with ${child.exitCode}: ${stderr()}` : null));
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  const pid = child.pid as number;
  const pids = (): number[] => [pid, ...childProcesses(pid)];
  const largest = (field: 'VmHWM' | 'VmRSS'): number => Math.max(...pids().map((each) => procStatusBytes(each, field)).filter(Number.isFinite));
  // Sampled as it runs, so the peak is known even if a process dies (out of memory, say).
  let peak = largest('VmHWM');
  const sampler = setInterval(() => {
    const now = largest('VmHWM');
    if (Number.isFinite(now)) peak = Math.max(peak, now);
  }, 200);
  sampler.unref();
  let stopping = false;
  let early: string | null = null;
  child.once('exit', (code, signal) => {
    clearInterval(sampler);
    if (!stopping) early = `the server exited with ${signal ?? code}: ${stderr().slice(-2000)}`;
  });
  return {
    mode: 'child-process',
    pid,
    url: `${origin}/graphql`,
    origin,
    startMs,
    pids,
    peakRssBytes: () => {
      const now = largest('VmHWM');
      if (Number.isFinite(now)) peak = Math.max(peak, now);
      return peak;
    },
    rssBytes: () => largest('VmRSS'),
    exitedEarly: () => early,
    async stop() {
      stopping = true;
      clearInterval(sampler);
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}

/**
 * The server inside this process (startServer), for the smoke test: its memory figures are then
 * those of the whole process, bench included.
 */
export async function startInProcessServer(database: Database): Promise<BenchServer> {
  const started = process.hrtime.bigint();
  await seedAdminToken(database.dataSource, BENCH_ADMIN_TOKEN);
  const server = await startServer({ database, logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0 });
  const origin = server.url.replace(/\/graphql$/, '');
  await waitForHealth(origin, 10_000, () => null);
  return {
    mode: 'in-process',
    pid: process.pid,
    url: server.url,
    origin,
    startMs: Number(process.hrtime.bigint() - started) / 1e6,
    pids: () => [process.pid],
    peakRssBytes: () => procStatusBytes(process.pid, 'VmHWM'),
    rssBytes: () => procStatusBytes(process.pid, 'VmRSS'),
    exitedEarly: () => null,
    stop: () => server.stop(),
  };
}
