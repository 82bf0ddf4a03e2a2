import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { benchPostgres, existingBenchDatabase, freshBenchDatabase, type BenchDatabase } from './bench-database';
import { benchSize, type BenchSize } from './bench-sizes';
import { measureColdStarts, type ColdStart } from './cold-start';
import { formatCpuProfile } from './cpu-profile-summary';
import { latencyChart } from './latency-chart';
import { formatTable } from './report';
import { REPO_ROOT } from './repo-root';
import { FULL_PLAN, runBench, SMOKE_PLAN, type BenchPlan, type BenchResult } from './run-bench';

const USAGE = `npm run bench -- [--size S|M|L | --sizes S,M,L | --smoke] [options]

  --size S|M|L         one size (default S)
  --sizes S,M,L        several, printed side by side
  --smoke              the S inventory with 2,000 persons and a few requests
  --keep-db            leave the database flowmap_bench_<size> for a look afterwards (default: dropped)
  --reuse-db           use flowmap_bench_<size> as a --keep-db run left it, skipping the loads (implies --keep-db)
  --profile-server     run the server under node --cpu-prof; prints where its time went
  --server-node-arg X  a node flag for the server process, e.g. --max-old-space-size=384 (repeatable)
  --servers N          N server processes, requests spread over them in turn (default 1; RSS is the largest one's)
  --workers N          FLOWMAP_WORKERS=N for each server: N processes behind one port (default 1; RSS is the largest one's)
  --load-concurrency N person batches written at once (default ${FULL_PLAN.loadConcurrency})
  --requests N         answers timed at concurrency 1 (default ${FULL_PLAN.c1Requests}); 4N at 16
  --seed TEXT          another generated inventory (default flowmap-bench-1)
  --cold-starts N      embedded cold starts measured, the median reported (default 10)
  --skip-cold-start    do not measure the embedded cold start
  --answers-only       skip the whole-inventory findings and transfer register (for quick iterations)

DATABASE_URL names the PostgreSQL to use; without it an embedded one runs in .data/bench-postgres.
Results: a table on stdout and bench-results/<size>-<timestamp>.json.`;

interface Arguments {
  sizes: BenchSize[];
  plan: BenchPlan;
  keepDatabase: boolean;
  reuseDatabase: boolean;
  profileServer: boolean;
  serverNodeArgs: string[];
  serverProcesses: number;
  serverWorkers: number;
  seed: string;
  coldStart: boolean;
  coldStarts: number;
}

function parseArguments(given: string[]): Arguments {
  // `--flag=value` as well as `--flag value`.
  const argv = given.flatMap((arg) => (/^--[a-z-]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const args: Arguments = { sizes: [benchSize('S')], plan: { ...FULL_PLAN }, keepDatabase: false, reuseDatabase: false, profileServer: false, serverNodeArgs: [], serverProcesses: 1, serverWorkers: 1, seed: 'flowmap-bench-1', coldStart: true, coldStarts: 10 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return next;
    };
    const positive = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number`);
      return n;
    };
    switch (flag) {
      case '--size':
        args.sizes = [benchSize(value())];
        break;
      case '--sizes':
        args.sizes = value().split(',').map((name) => benchSize(name.trim()));
        break;
      case '--smoke':
        args.sizes = [benchSize('smoke')];
        args.plan = { ...SMOKE_PLAN };
        break;
      case '--keep-db':
        args.keepDatabase = true;
        break;
      case '--reuse-db':
        args.reuseDatabase = true;
        args.keepDatabase = true;
        break;
      case '--profile-server':
        args.profileServer = true;
        break;
      case '--server-node-arg':
        args.serverNodeArgs.push(value());
        break;
      case '--servers':
        args.serverProcesses = positive();
        break;
      case '--workers':
        args.serverWorkers = positive();
        break;
      case '--load-concurrency':
        args.plan.loadConcurrency = positive();
        break;
      case '--requests': {
        const n = positive();
        args.plan = { ...args.plan, c1Requests: n, directRequests: n, c16Requests: 4 * n };
        break;
      }
      case '--seed':
        args.seed = value();
        break;
      case '--cold-starts':
        args.coldStarts = positive();
        break;
      case '--skip-cold-start':
        args.coldStart = false;
        break;
      case '--answers-only':
        args.plan.inventoryRuns = 0;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument '${flag}'\n\n${USAGE}`);
    }
  }
  return args;
}

const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const postgres = await benchPostgres();
  log(`PostgreSQL: ${postgres.kind === 'embedded' ? 'embedded (.data/bench-postgres)' : 'DATABASE_URL'}`);
  const results: BenchResult[] = [];
  try {
    // Once per run, on a quiet machine, before any load: it does not depend on the size.
    let coldStart: ColdStart = { mode: 'child-process', healthzMs: Number.NaN, firstAnswerMs: Number.NaN, stopMs: Number.NaN };
    if (args.coldStart) {
      const starts = await measureColdStarts(args.coldStarts);
      coldStart = starts;
      log(`cold start, median of ${starts.starts}: /healthz after ${starts.healthzMs.toFixed(0)} ms, first answer after ${starts.firstAnswerMs.toFixed(0)} ms (each: ${starts.firstAnswerRunsMs.map((ms) => ms.toFixed(0)).join(', ')})`);
    }
    for (const size of args.sizes) {
      const name = `flowmap_bench_${size.name.toLowerCase()}`;
      const reused = args.reuseDatabase ? await existingBenchDatabase(postgres.adminUrl, name, size.persons) : null;
      if (args.reuseDatabase) log(`${size.name}: ${reused ? `reusing ${name}: the load figures will be blank` : `no loaded ${name} to reuse: loading it`}`);
      const database: BenchDatabase = reused ?? (await freshBenchDatabase(postgres.adminUrl, name));
      const profileDir = path.join(RESULTS_DIR, 'profiles', `${size.name}-${Date.now()}`);
      try {
        const result = await runBench({
          size,
          seed: args.seed,
          database,
          databaseUrl: database.url,
          serverMode: 'child-process',
          coldStart,
          plan: args.plan,
          serverNodeArgs: [...args.serverNodeArgs, ...(args.profileServer ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
          reuseLoadedData: reused !== null,
          serverProcesses: args.serverProcesses,
          serverWorkers: args.serverWorkers,
          log,
        });
        results.push(result);
        const file = path.join(RESULTS_DIR, `${size.name}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
        fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
        log(`${size.name}: written ${path.relative(process.cwd(), file)}`);
        if (args.profileServer && fs.existsSync(profileDir)) {
          for (const profile of fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))) {
            process.stdout.write(`\n${formatCpuProfile(path.join(profileDir, profile))}\n`);
          }
        }
      } finally {
        if (args.keepDatabase) await database.close();
        else await database.drop();
      }
    }
  } finally {
    await postgres.embedded?.stop();
  }
  if (results.length > 0) {
    const chart = path.join(RESULTS_DIR, `latency-${results.map((result) => result.size).join('-')}-${results[0].startedAt.replace(/[:.]/g, '-')}.svg`);
    fs.writeFileSync(chart, `${latencyChart(results)}\n`);
    log(`latency picture written: ${path.relative(process.cwd(), chart)}`);
  }
  process.stdout.write(`\n${formatTable(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
