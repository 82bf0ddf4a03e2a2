import os from 'node:os';
import { Pool } from 'pg';
import type { Database } from '../src/db/data-source';
import { engineView } from '../src/modules/flow-query/engine-view-cache';
import { inventoryFindings } from '../src/modules/flow-query/inventory-findings.service';
import { inventoryTransfers } from '../src/modules/flow-query/inventory-transfers.service';
import { BENCH_ADMIN_TOKEN, startChildServer, startInProcessServer, type BenchServer } from './bench-server';
import type { BenchSize } from './bench-sizes';
import type { ColdStart } from './cold-start';
import { DirectAnswerer, type AnswerFields } from './direct-answer';
import { generateInventory, inventoryStats } from './generate-inventory';
import { benchExternalId, PersonGenerator } from './generate-persons';
import { GraphQLHttpClient, runLoad, type LoadRun } from './http-load';
import { loadInventory } from './load-inventory';
import { loadPersons, type PersonLoad } from './load-persons';
import { Random } from './prng';
import { mean, median, msSince, percentile } from './stats';
import { checkTargets, type TargetCheck } from './targets';
import { comparePaths, type PeerComparison } from './peer-comparison';
import { SqlPeer } from './sql-peer';
import { startCpuAccounting, type CpuShare } from './cpu-accounting';

/** How much of each measurement a run makes. */
export interface BenchPlan {
  /** Answers asked before timing anything, at concurrency 16 (JIT, caches, pool). */
  warmupRequests: number;
  c1Requests: number;
  c16Requests: number;
  /** Direct-path answers timed (the same persons as the c=1 run, first ones again as warm-up). */
  directRequests: number;
  /** Persons asked of the SQL peer, the direct path and GraphQL in turn (comparePaths). */
  peerRequests: number;
  /** Persons whose GraphQL and direct answers are compared field by field. */
  equivalenceChecks: number;
  /** Timed runs of the whole-inventory questions, after one untimed; 0 skips them (their figures are then NaN). */
  inventoryRuns: number;
  /** Person batches written at once. */
  loadConcurrency: number;
  /** Longest a timed phase (warm-up, c=1, c=16, direct) may run: a regression shortens it rather than stalling the run. */
  phaseSeconds: number;
}

export const FULL_PLAN: BenchPlan = {
  warmupRequests: 500,
  c1Requests: 2_000,
  c16Requests: 8_000,
  directRequests: 2_000,
  peerRequests: 1_000,
  equivalenceChecks: 50,
  inventoryRuns: 3,
  loadConcurrency: 2,
  phaseSeconds: 90,
};

export const SMOKE_PLAN: BenchPlan = {
  warmupRequests: 10,
  c1Requests: 20,
  c16Requests: 40,
  directRequests: 20,
  peerRequests: 10,
  equivalenceChecks: 5,
  inventoryRuns: 1,
  loadConcurrency: 2,
  phaseSeconds: 30,
};

export interface RunBenchOptions {
  size: BenchSize;
  seed?: string;
  /** A fresh database with the migrations applied (prepareDatabase). */
  database: Database;
  databaseUrl: string;
  serverMode: 'child-process' | 'in-process';
  /** Measured once per invocation by the caller: it does not depend on the size. */
  coldStart: ColdStart;
  plan: BenchPlan;
  /** Node flags for the server child, e.g. to profile it. */
  serverNodeArgs?: string[];
  /** Server processes started (child-process mode), requests spread over them in turn: the API is stateless, so any instance answers any request. */
  serverProcesses?: number;
  /** FLOWMAP_WORKERS of each server started: processes behind one port. */
  serverWorkers?: number;
  /** The database already holds this size's inventory and persons (--reuse-db): skip the loads, whose figures are then NaN. */
  reuseLoadedData?: boolean;
  log?: (message: string) => void;
}

export const PERSON_QUERY = `query PersonDataFlows($id: String!) { person(externalId: $id) {
  dataFlows { hops { flowKey lawful } summary { countriesReached } findings { ruleId } } } }`;

const PERSON_QUERY_AS_OF = `query PersonDataFlowsAsOf($id: String!, $asOf: AsOf) { person(externalId: $id) {
  dataFlows(asOf: $asOf) { hops { flowKey lawful } summary { countriesReached } findings { ruleId } } } }`;

export interface BenchResult {
  bench: 'flowmap';
  size: string;
  seed: string;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  database: { postgres: string; sharedBuffers: string };
  inventory: Record<string, number> & { generateSeconds: number; loadSeconds: number; rows: number };
  load: PersonLoad & { vacuumAnalyzeSeconds: number };
  personAnswer: {
    query: string;
    serverStartMs: number;
    /** The first answer after start: the server reads and indexes the whole map. */
    firstAnswerMs: number;
    warmup: LoadRun;
    c1: LoadRun & { cpu: CpuShare };
    c16: LoadRun & { cpu: CpuShare };
    equivalence: { checked: number; mismatches: number; firstMismatch: string | null };
  };
  direct: {
    indexBuildMs: number;
    answers: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    sqlP50Ms: number;
    computeP50Ms: number;
    computeP99Ms: number;
    graphqlToDirectRatio: number;
  };
  /** The hand-written recursive SQL beside the direct path and GraphQL, on the same persons. */
  peerComparison: PeerComparison;
  /** The size of what one answer covers: it should not grow with the inventory. */
  reach: { hopsMean: number; hopsP50: number; hopsP99: number; hopsMax: number; collectionsMean: number; findingsMean: number; emptyAnswers: number; computeMicrosecondsPerHop: number };
  inventoryWide: {
    /** Reading the whole map and indexing it, as a server does on its first question after a change. */
    engineViewColdMs: number;
    /** The first findings after the persons were loaded: it reads the persons' counts and residences (then kept until they change). */
    findingsFirstMs: number;
    findingsMs: number;
    findingsRunsMs: number[];
    findings: number;
    transfersMs: number;
    transfersRunsMs: number[];
    transfers: number;
    /** The server's first findings: it reads the persons' counts and residences, then keeps them until persons change. */
    httpFindingsFirstMs: number;
    /** Asked again (median of inventoryRuns): what a DPO paging or filtering waits for. */
    httpFindingsMs: number;
    httpFindingsBytes: number;
    httpTransfersMs: number;
    httpTransfersBytes: number;
  };
  server: { mode: string; processes: number; workers: number; rssAfterAnswersMb: number; peakRssAfterAnswersMb: number; peakRssMb: number; exitedEarly: string | null };
  coldStart: ColdStart;
  /** Every figure above that a target or a reader compares, flat. */
  metrics: Record<string, number>;
  targets: TargetCheck[];
}

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string }[];
}

type PersonFlowsData = { person: { dataFlows: AnswerFields } | null };

function parseAnswer(status: number, body: string): AnswerFields {
  const parsed = JSON.parse(body) as GraphQLBody<PersonFlowsData>;
  if (status !== 200 || parsed.errors) throw new Error(`HTTP ${status}: ${body.slice(0, 300)}`);
  const flows = parsed.data?.person?.dataFlows;
  if (!flows) throw new Error(`no such person: ${body.slice(0, 200)}`);
  return flows;
}

const MB = 1024 * 1024;

/** One size, from an empty database to every figure. */
export async function runBench(options: RunBenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 'flowmap-bench-1';
  const { size, plan, database } = options;
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const [{ version }] = (await database.dataSource.query('SELECT version()')) as { version: string }[];
  const [{ shared_buffers: sharedBuffers }] = (await database.dataSource.query('SHOW shared_buffers')) as { shared_buffers: string }[];

  // 1. The data map, straight into the tables.
  log(`${size.name}: generating ${size.parties} parties, ${size.flows} flows`);
  let started = process.hrtime.bigint();
  const generated = generateInventory(size, seed);
  const generateSeconds = msSince(started) / 1000;
  const stats = inventoryStats(generated);
  const inventoryLoad = options.reuseLoadedData ? { seconds: Number.NaN, rows: Number.NaN } : await loadInventory(database.pool, generated);
  log(`${size.name}: inventory loaded: ${inventoryLoad.rows} rows in ${inventoryLoad.seconds.toFixed(1)} s (max chain depth ${stats.maxChainDepth})`);

  // 2. Persons and consents, through the product's bulk path.
  const persons = new PersonGenerator(generated);
  let lastReport = Date.now();
  const load = options.reuseLoadedData
    ? reusedLoad(size.persons, plan)
    : await loadPersons(database.dataSource, persons, {
        total: size.persons,
        concurrency: plan.loadConcurrency,
        onProgress: (written, total) => {
          if (Date.now() - lastReport > 10_000 || written === total) {
            lastReport = Date.now();
            log(`${size.name}: persons ${written}/${total}`);
          }
        },
      });
  log(`${size.name}: ${load.persons} persons, ${load.consents} consents in ${load.seconds.toFixed(1)} s: ${Math.round(load.personRowsPerSecond)} person rows/s`);
  started = process.hrtime.bigint();
  // What autovacuum does soon after a bulk load (this server may run without it): statistics for
  // the planner, the visibility map for index-only scans, hint bits set. Not part of the load's rate.
  await database.dataSource.query('VACUUM (ANALYZE)');
  const vacuumAnalyzeSeconds = msSince(started) / 1000;
  log(`${size.name}: VACUUM (ANALYZE) after the load: ${vacuumAnalyzeSeconds.toFixed(1)} s`);

  // 3. The API, as a separate process unless told otherwise.
  const serverCount = options.serverMode === 'child-process' ? Math.max(1, options.serverProcesses ?? 1) : 1;
  const servers: BenchServer[] = [];
  for (let n = 0; n < serverCount; n += 1) {
    servers.push(
      options.serverMode === 'child-process'
        ? await startChildServer({ databaseUrl: options.databaseUrl, nodeArgs: options.serverNodeArgs, workers: options.serverWorkers })
        : await startInProcessServer(database),
    );
  }
  const [server] = servers;
  const clients = servers.map((each) => new GraphQLHttpClient(each.url, BENCH_ADMIN_TOKEN, 32));
  const client = clients[0];
  const serverPids = servers.flatMap((each) => each.pids());
  const peakRss = (): number => Math.max(...servers.map((each) => each.peakRssBytes()));
  const directPool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    const queries = new Random(seed, size.name, 'queries');
    const pickPersons = (count: number): string[] => Array.from({ length: count }, () => benchExternalId(queries.int(0, size.persons - 1)));
    let turn = 0;
    const ask = async (externalId: string): Promise<AnswerFields> => {
      const answer = await clients[turn++ % clients.length].post(PERSON_QUERY, { id: externalId });
      return parseAnswer(answer.status, answer.body);
    };

    started = process.hrtime.bigint();
    await ask(benchExternalId(0));
    const firstAnswerMs = msSince(started);
    for (let n = 1; n < servers.length; n += 1) await ask(benchExternalId(0));
    log(`${size.name}: server up in ${server.startMs.toFixed(0)} ms, first answer (map read and indexed) in ${firstAnswerMs.toFixed(0)} ms`);

    // The two paths must give the same answer: else the comparison of their speed means nothing.
    const direct = await DirectAnswerer.create(directPool, database.dataSource);
    const asOf = new Date().toISOString();
    let mismatches = 0;
    let firstMismatch: string | null = null;
    const equivalencePersons = pickPersons(plan.equivalenceChecks);
    const equivalenceDeadline = Date.now() + plan.phaseSeconds * 1000;
    let checked = 0;
    for (const externalId of equivalencePersons) {
      if (Date.now() > equivalenceDeadline) break;
      checked += 1;
      const response = await client.post(PERSON_QUERY_AS_OF, { id: externalId, asOf });
      const viaGraphQL = JSON.stringify(parseAnswer(response.status, response.body));
      const viaDirect = JSON.stringify((await direct.answer(externalId, asOf))?.fields ?? null);
      if (viaGraphQL !== viaDirect) {
        mismatches += 1;
        firstMismatch ??= `${externalId}: GraphQL ${viaGraphQL.slice(0, 300)} / direct ${viaDirect.slice(0, 300)}`;
      }
    }
    if (mismatches > 0) log(`${size.name}: WARNING ${mismatches} of ${checked} answers differ between GraphQL and direct: ${firstMismatch}`);

    const c1Persons = pickPersons(plan.c1Requests);
    const c16Persons = pickPersons(plan.c16Requests);
    const warmup = await runLoad(plan.warmupRequests, 16, async (i) => void (await ask(c16Persons[i % c16Persons.length])), plan.phaseSeconds);
    log(`${size.name}: warm-up ${warmup.requests} answers, ${warmup.errors} errors`);
    let cpu = startCpuAccounting(serverPids);
    const c1Run = await runLoad(plan.c1Requests, 1, async (i) => void (await ask(c1Persons[i])), plan.phaseSeconds);
    const c1 = { ...c1Run, cpu: cpu(c1Run.requests) };
    log(`${size.name}: c=1: p50 ${c1.p50Ms.toFixed(2)} ms, p99 ${c1.p99Ms.toFixed(2)} ms, ${c1.requestsPerSecond.toFixed(0)}/s, ${c1.errors} errors`);
    cpu = startCpuAccounting(serverPids);
    const c16Run = await runLoad(plan.c16Requests, 16, async (i) => void (await ask(c16Persons[i])), plan.phaseSeconds);
    const c16 = { ...c16Run, cpu: cpu(c16Run.requests) };
    log(`${size.name}: c=16: p50 ${c16.p50Ms.toFixed(2)} ms, p99 ${c16.p99Ms.toFixed(2)} ms, ${c16.requestsPerSecond.toFixed(0)}/s, ${c16.errors} errors`);
    log(`${size.name}: c=16 CPU per answer: server ${c16.cpu.serverMsPerRequest.toFixed(2)} ms, bench client ${c16.cpu.benchMsPerRequest.toFixed(2)} ms, rest (PostgreSQL, others) ${c16.cpu.restMsPerRequest.toFixed(2)} ms; machine ${(100 * c16.cpu.machineBusy).toFixed(0)}% busy`);
    const rssAfterAnswersMb = Math.max(...servers.map((each) => each.rssBytes())) / MB;
    const peakRssAfterAnswersMb = peakRss() / MB;

    // 4. The direct path on the same persons as the c=1 run, one at a time.
    const directPersons = Array.from({ length: plan.directRequests }, (_, i) => c1Persons[i % c1Persons.length]);
    for (const externalId of directPersons.slice(0, Math.min(200, directPersons.length))) await direct.answer(externalId, asOf);
    const totalMs: number[] = [];
    const sqlMs: number[] = [];
    const computeMs: number[] = [];
    const hops: number[] = [];
    const collections: number[] = [];
    const findings: number[] = [];
    const directDeadline = Date.now() + plan.phaseSeconds * 1000;
    for (const externalId of directPersons) {
      if (Date.now() > directDeadline) break;
      const answerStarted = process.hrtime.bigint();
      const timed = await direct.answer(externalId, new Date().toISOString());
      totalMs.push(msSince(answerStarted));
      if (!timed) throw new Error(`direct path: no person ${externalId}`);
      sqlMs.push(timed.sqlMs);
      computeMs.push(timed.computeMs);
      hops.push(timed.answer.hops.length);
      collections.push(timed.answer.collections.length);
      findings.push(timed.answer.findings.length);
    }
    const directP50 = median(totalMs);
    log(`${size.name}: direct p50 ${directP50.toFixed(2)} ms (SQL ${median(sqlMs).toFixed(2)}, engine ${median(computeMs).toFixed(2)}), ${mean(hops).toFixed(1)} hops per answer`);

    // 5. The hand-written recursive SQL a team would write instead, interleaved with both judged paths.
    const peerComparison = await comparePaths({
      persons: pickPersons(plan.peerRequests),
      peer: new SqlPeer(directPool),
      direct,
      askGraphQL: ask,
      deadlineMs: Date.now() + plan.phaseSeconds * 1000,
    });
    log(
      `${size.name}: SQL peer p50 ${peerComparison.peer.p50Ms.toFixed(2)} ms, direct ${peerComparison.direct.p50Ms.toFixed(2)} ms, GraphQL ${peerComparison.graphql.p50Ms.toFixed(2)} ms` +
        ` (GraphQL / peer: p50 ${peerComparison.graphqlToPeerP50.toFixed(2)}, p99 ${peerComparison.graphqlToPeerP99.toFixed(2)}); same flows for ${peerComparison.sameFlowsPercent.toFixed(1)}% of ${peerComparison.persons} persons`,
    );
    for (const difference of peerComparison.differences) log(`${size.name}:   differs: ${difference}`);

    // 6. The whole map: findings and the transfer register, in this process (cached view) and over HTTP.
    started = process.hrtime.bigint();
    await engineView(database.dataSource);
    const engineViewColdMs = msSince(started);
    started = process.hrtime.bigint();
    if (plan.inventoryRuns > 0) await inventoryFindings(database.dataSource, { includePersons: true });
    const findingsFirstMs = plan.inventoryRuns > 0 ? msSince(started) : Number.NaN;
    const findingsRunsMs: number[] = [];
    const transfersRunsMs: number[] = [];
    let findingCount = 0;
    let transferCount = 0;
    for (let run = 0; run < plan.inventoryRuns; run += 1) {
      started = process.hrtime.bigint();
      findingCount = (await inventoryFindings(database.dataSource, { includePersons: true })).length;
      findingsRunsMs.push(msSince(started));
      started = process.hrtime.bigint();
      transferCount = (await inventoryTransfers(database.dataSource, null, {}, true)).length;
      transfersRunsMs.push(msSince(started));
    }
    if (plan.inventoryRuns > 0) log(`${size.name}: findings ${median(findingsRunsMs).toFixed(0)} ms (${findingCount}; first after the load ${findingsFirstMs.toFixed(0)} ms), transfers ${median(transfersRunsMs).toFixed(0)} ms (${transferCount})`);
    const overHttp = async (query: string): Promise<{ ms: number; bytes: number }> => {
      if (plan.inventoryRuns === 0) return { ms: Number.NaN, bytes: Number.NaN };
      const httpStarted = process.hrtime.bigint();
      try {
        const response = await client.post(query);
        const parsed = JSON.parse(response.body) as GraphQLBody<unknown>;
        if (response.status !== 200 || parsed.errors) throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 300)}`);
        return { ms: msSince(httpStarted), bytes: Buffer.byteLength(response.body) };
      } catch (error) {
        log(`${size.name}: ${query} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { ms: Number.NaN, bytes: Number.NaN };
      }
    };
    // What a client sees: the count and the first (largest) page, most severe first.
    const FINDINGS_PAGE = '{ findings(first: 500) { totalCount nodes { ruleId severity message } } }';
    const httpFindingsFirst = await overHttp(FINDINGS_PAGE);
    const httpFindingsRuns: { ms: number; bytes: number }[] = [];
    for (let run = 0; run < plan.inventoryRuns; run += 1) httpFindingsRuns.push(await overHttp(FINDINGS_PAGE));
    const httpFindings = { ms: median(httpFindingsRuns.map((run) => run.ms)), bytes: httpFindingsFirst.bytes };
    const httpTransfers = await overHttp('{ crossBorderTransfers(first: 500) { totalCount nodes { flowKey lawful } } }');
    log(
      `${size.name}: over HTTP: findings ${httpFindings.ms.toFixed(0)} ms (first ${httpFindingsFirst.ms.toFixed(0)} ms, ${(httpFindings.bytes / MB).toFixed(1)} MB), transfers ${httpTransfers.ms.toFixed(0)} ms`,
    );
    // A server that died answering (out of memory, say) is reported a moment after its connection drops.
    if (!Number.isFinite(httpFindings.ms) || !Number.isFinite(httpTransfers.ms)) await new Promise((resolve) => setTimeout(resolve, 1_000));
    const serverExit = servers.map((each) => each.exitedEarly()).find((exit) => exit !== null) ?? null;
    if (serverExit) log(`${size.name}: WARNING ${serverExit}`);
    const peakRssMb = peakRss() / MB;

    const result: Omit<BenchResult, 'metrics' | 'targets'> = {
      bench: 'flowmap',
      size: size.name,
      seed,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
      },
      database: { postgres: version, sharedBuffers },
      inventory: { ...stats, generateSeconds, loadSeconds: inventoryLoad.seconds, rows: inventoryLoad.rows },
      load: { ...load, vacuumAnalyzeSeconds },
      personAnswer: {
        query: PERSON_QUERY,
        serverStartMs: server.startMs,
        firstAnswerMs,
        warmup,
        c1,
        c16,
        equivalence: { checked, mismatches, firstMismatch },
      },
      direct: {
        indexBuildMs: direct.buildMs,
        answers: totalMs.length,
        p50Ms: directP50,
        p95Ms: percentile(totalMs, 95),
        p99Ms: percentile(totalMs, 99),
        sqlP50Ms: median(sqlMs),
        computeP50Ms: median(computeMs),
        computeP99Ms: percentile(computeMs, 99),
        graphqlToDirectRatio: c1.p50Ms / directP50,
      },
      peerComparison,
      reach: {
        hopsMean: mean(hops),
        hopsP50: median(hops),
        hopsP99: percentile(hops, 99),
        hopsMax: Math.max(0, ...hops),
        collectionsMean: mean(collections),
        findingsMean: mean(findings),
        emptyAnswers: hops.filter((count) => count === 0).length,
        computeMicrosecondsPerHop: (computeMs.reduce((sum, ms) => sum + ms, 0) * 1000) / Math.max(1, hops.reduce((sum, n) => sum + n, 0)),
      },
      inventoryWide: {
        engineViewColdMs,
        findingsFirstMs,
        findingsMs: median(findingsRunsMs),
        findingsRunsMs,
        findings: findingCount,
        transfersMs: median(transfersRunsMs),
        transfersRunsMs,
        transfers: transferCount,
        httpFindingsFirstMs: httpFindingsFirst.ms,
        httpFindingsMs: httpFindings.ms,
        httpFindingsBytes: httpFindings.bytes,
        httpTransfersMs: httpTransfers.ms,
        httpTransfersBytes: httpTransfers.bytes,
      },
      server: { mode: server.mode, processes: servers.length, workers: options.serverWorkers ?? 1, rssAfterAnswersMb, peakRssAfterAnswersMb, peakRssMb, exitedEarly: serverExit },
      coldStart: options.coldStart,
    };
    const metrics = metricsOf(result);
    return { ...result, metrics, targets: checkTargets(metrics) };
  } finally {
    for (const each of clients) each.close();
    await directPool.end();
    for (const each of servers) await each.stop();
  }
}

/** The load figures of a run that reused a loaded database: counts as generated, rates unknown. */
function reusedLoad(persons: number, plan: BenchPlan): PersonLoad {
  return {
    persons, consents: 3 * persons, subjectLinks: Number.NaN, batches: 0, batchSize: 0, concurrency: plan.loadConcurrency, seconds: Number.NaN,
    generateSeconds: Number.NaN, personRowsPerSecond: Number.NaN, consentRowsPerSecond: Number.NaN, totalRowsPerSecond: Number.NaN,
    batchP50Ms: Number.NaN, batchMaxMs: Number.NaN,
  };
}

export function metricsOf(result: Omit<BenchResult, 'metrics' | 'targets'>): Record<string, number> {
  return {
    persons: result.load.persons,
    consents: result.load.consents,
    parties: result.inventory.parties,
    activities: result.inventory.activities,
    flows: result.inventory.flows,
    maxChainDepth: result.inventory.maxChainDepth,
    inventoryLoadSeconds: result.inventory.loadSeconds,
    loadSeconds: result.load.seconds,
    loadPersonRowsPerSecond: result.load.personRowsPerSecond,
    loadConsentRowsPerSecond: result.load.consentRowsPerSecond,
    loadTotalRowsPerSecond: result.load.totalRowsPerSecond,
    serverFirstAnswerMs: result.personAnswer.firstAnswerMs,
    answerC1P50Ms: result.personAnswer.c1.p50Ms,
    answerC1P95Ms: result.personAnswer.c1.p95Ms,
    answerC1P99Ms: result.personAnswer.c1.p99Ms,
    answerC1RequestsPerSecond: result.personAnswer.c1.requestsPerSecond,
    answerC16P50Ms: result.personAnswer.c16.p50Ms,
    answerC16P95Ms: result.personAnswer.c16.p95Ms,
    answerC16P99Ms: result.personAnswer.c16.p99Ms,
    answerC16RequestsPerSecond: result.personAnswer.c16.requestsPerSecond,
    answerC16ServerCpuMs: result.personAnswer.c16.cpu.serverMsPerRequest,
    answerC16BenchCpuMs: result.personAnswer.c16.cpu.benchMsPerRequest,
    answerC16RestCpuMs: result.personAnswer.c16.cpu.restMsPerRequest,
    answerC16MachineBusyPercent: 100 * result.personAnswer.c16.cpu.machineBusy,
    answerErrors: result.personAnswer.c1.errors + result.personAnswer.c16.errors + result.personAnswer.warmup.errors,
    answerMismatches: result.personAnswer.equivalence.mismatches,
    directP50Ms: result.direct.p50Ms,
    directP95Ms: result.direct.p95Ms,
    directP99Ms: result.direct.p99Ms,
    directSqlP50Ms: result.direct.sqlP50Ms,
    directComputeP50Ms: result.direct.computeP50Ms,
    graphqlToDirectRatio: result.direct.graphqlToDirectRatio,
    peerP50Ms: result.peerComparison.peer.p50Ms,
    peerP99Ms: result.peerComparison.peer.p99Ms,
    peerDirectP50Ms: result.peerComparison.direct.p50Ms,
    peerGraphqlP50Ms: result.peerComparison.graphql.p50Ms,
    peerGraphqlP99Ms: result.peerComparison.graphql.p99Ms,
    graphqlToPeerP50: result.peerComparison.graphqlToPeerP50,
    graphqlToPeerP99: result.peerComparison.graphqlToPeerP99,
    directToPeerP50: result.peerComparison.directToPeerP50,
    peerSameFlowsPercent: result.peerComparison.sameFlowsPercent,
    hopsPerAnswerMean: result.reach.hopsMean,
    hopsPerAnswerMax: result.reach.hopsMax,
    computeMicrosecondsPerHop: result.reach.computeMicrosecondsPerHop,
    engineViewColdMs: result.inventoryWide.engineViewColdMs,
    findingsFirstMs: result.inventoryWide.findingsFirstMs,
    findingsMs: result.inventoryWide.findingsMs,
    findings: result.inventoryWide.findings,
    transfersMs: result.inventoryWide.transfersMs,
    transfers: result.inventoryWide.transfers,
    httpFindingsFirstMs: result.inventoryWide.httpFindingsFirstMs,
    httpFindingsMs: result.inventoryWide.httpFindingsMs,
    httpTransfersMs: result.inventoryWide.httpTransfersMs,
    serverRssAfterAnswersMb: result.server.rssAfterAnswersMb,
    serverPeakRssAfterAnswersMb: result.server.peakRssAfterAnswersMb,
    serverPeakRssMb: result.server.peakRssMb,
    coldStartHealthzMs: result.coldStart.healthzMs,
    coldStartFirstAnswerMs: result.coldStart.firstAnswerMs,
  };
}
