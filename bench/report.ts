import type { BenchResult } from './run-bench';
import { TARGETS } from './targets';

interface Row {
  label: string;
  metric?: string;
  format?: (value: number) => string;
  /** A heading line instead of a figure. */
  heading?: boolean;
}

const integer = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const ms = (value: number): string => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')) : '-');
const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '-');
const decimal = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '-');

const ROWS: readonly Row[] = [
  { label: 'Inventory', heading: true },
  { label: 'parties', metric: 'parties', format: integer },
  { label: 'activities', metric: 'activities', format: integer },
  { label: 'flows', metric: 'flows', format: integer },
  { label: 'deepest onward chain (hops)', metric: 'maxChainDepth', format: integer },
  { label: 'persons', metric: 'persons', format: integer },
  { label: 'consents', metric: 'consents', format: integer },
  { label: 'inventory load, set-based SQL (s)', metric: 'inventoryLoadSeconds', format: decimal },
  { label: 'Bulk load of persons (upsertPersons, batches of 10,000)', heading: true },
  { label: 'person rows/s', metric: 'loadPersonRowsPerSecond', format: integer },
  { label: 'consent rows/s', metric: 'loadConsentRowsPerSecond', format: integer },
  { label: 'total rows/s (persons + consents)', metric: 'loadTotalRowsPerSecond', format: integer },
  { label: 'load time (s)', metric: 'loadSeconds', format: decimal },
  { label: "A person's data flows over HTTP (POST /graphql)", heading: true },
  { label: 'c=1 p50 (ms)', metric: 'answerC1P50Ms', format: ms },
  { label: 'c=1 p95 (ms)', metric: 'answerC1P95Ms', format: ms },
  { label: 'c=1 p99 (ms)', metric: 'answerC1P99Ms', format: ms },
  { label: 'c=1 answers/s', metric: 'answerC1RequestsPerSecond', format: integer },
  { label: 'c=16 p50 (ms)', metric: 'answerC16P50Ms', format: ms },
  { label: 'c=16 p99 (ms)', metric: 'answerC16P99Ms', format: ms },
  { label: 'c=16 answers/s', metric: 'answerC16RequestsPerSecond', format: integer },
  { label: '  c=16 CPU/answer: server (ms)', metric: 'answerC16ServerCpuMs', format: ms },
  { label: '  c=16 CPU/answer: bench client (ms)', metric: 'answerC16BenchCpuMs', format: ms },
  { label: '  c=16 CPU/answer: PostgreSQL + rest (ms)', metric: 'answerC16RestCpuMs', format: ms },
  { label: '  c=16 machine busy (%)', metric: 'answerC16MachineBusyPercent', format: integer },
  { label: 'errors / answers differing from direct', metric: 'answerErrors', format: integer },
  { label: 'Direct path (one SQL + computeDataFlows, cached index)', heading: true },
  { label: 'p50 (ms)', metric: 'directP50Ms', format: ms },
  { label: 'p99 (ms)', metric: 'directP99Ms', format: ms },
  { label: '  of which SQL p50 (ms)', metric: 'directSqlP50Ms', format: ms },
  { label: '  of which engine p50 (ms)', metric: 'directComputeP50Ms', format: ms },
  { label: 'GraphQL p50 / direct p50', metric: 'graphqlToDirectRatio', format: ratio },
  { label: 'Beside a hand-written recursive SQL (flows only, no judgement), same persons in turn', heading: true },
  { label: 'SQL peer p50 (ms)', metric: 'peerP50Ms', format: ms },
  { label: 'SQL peer p99 (ms)', metric: 'peerP99Ms', format: ms },
  { label: 'direct path p50 (ms)', metric: 'peerDirectP50Ms', format: ms },
  { label: 'GraphQL p50 (ms)', metric: 'peerGraphqlP50Ms', format: ms },
  { label: 'GraphQL p99 (ms)', metric: 'peerGraphqlP99Ms', format: ms },
  { label: 'GraphQL / peer, p50', metric: 'graphqlToPeerP50', format: ratio },
  { label: 'GraphQL / peer, p99', metric: 'graphqlToPeerP99', format: ratio },
  { label: 'direct / peer, p50', metric: 'directToPeerP50', format: ratio },
  { label: 'persons with the same flows (%)', metric: 'peerSameFlowsPercent', format: decimal },
  { label: 'What one answer covers (should not grow with the inventory)', heading: true },
  { label: 'hops per answer, mean', metric: 'hopsPerAnswerMean', format: decimal },
  { label: 'hops per answer, max', metric: 'hopsPerAnswerMax', format: integer },
  { label: 'engine µs per hop', metric: 'computeMicrosecondsPerHop', format: decimal },
  { label: 'Whole inventory', heading: true },
  { label: 'findings, first after the load (ms)', metric: 'findingsFirstMs', format: ms },
  { label: 'findings, service (ms)', metric: 'findingsMs', format: ms },
  { label: 'findings (count)', metric: 'findings', format: integer },
  { label: 'transfer register, service (ms)', metric: 'transfersMs', format: ms },
  { label: 'transfers (count)', metric: 'transfers', format: integer },
  { label: "findings over HTTP, the server's first, count + first 500 (ms)", metric: 'httpFindingsFirstMs', format: ms },
  { label: 'findings over HTTP, asked again (ms)', metric: 'httpFindingsMs', format: ms },
  { label: 'transfer register over HTTP, count + first 500 (ms)', metric: 'httpTransfersMs', format: ms },
  { label: 'whole map read + indexed (ms)', metric: 'engineViewColdMs', format: ms },
  { label: 'Server process', heading: true },
  { label: 'first answer after start (ms)', metric: 'serverFirstAnswerMs', format: ms },
  { label: 'RSS after person answers (MB)', metric: 'serverRssAfterAnswersMb', format: integer },
  { label: 'peak RSS, VmHWM (MB)', metric: 'serverPeakRssMb', format: integer },
  { label: 'Cold start, `node dist/main.js` on a new embedded database (median of the starts)', heading: true },
  { label: '/healthz answers (ms)', metric: 'coldStartHealthzMs', format: ms },
  { label: 'first GraphQL answer (ms)', metric: 'coldStartFirstAnswerMs', format: ms },
];

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The figures of one or more sizes side by side, each next to its target with PASS or MISS. */
export function formatTable(results: readonly BenchResult[]): string {
  const targetOf = new Map(TARGETS.map((target) => [target.metric, target]));
  const cell = (result: BenchResult, row: Row): string => {
    const value = result.metrics[row.metric as string];
    const text = (row.format ?? decimal)(value);
    if (row.metric === 'answerErrors') return `${text} / ${integer(result.metrics.answerMismatches)}`;
    const check = result.targets.find((target) => target.metric === row.metric);
    return check ? `${text} ${check.pass ? 'PASS' : 'MISS'}` : text;
  };
  const labelWidth = Math.max(...ROWS.map((row) => row.label.length)) + 2;
  const columnWidth = Math.max(16, ...results.flatMap((result) => ROWS.filter((row) => row.metric).map((row) => cell(result, row).length + 2)));
  const targetWidth = 12;
  const lines: string[] = [];
  lines.push(`${pad('', labelWidth)}${pad('target', targetWidth, true)}${results.map((result) => pad(result.size, columnWidth, true)).join('')}`);
  for (const row of ROWS) {
    if (row.heading) {
      lines.push(row.label);
      continue;
    }
    const target = targetOf.get(row.metric as string);
    const targetText = target ? `${target.comparison === '>=' ? '>=' : '<='} ${integer(target.threshold)}` : '';
    lines.push(`  ${pad(row.label, labelWidth - 2)}${pad(targetText, targetWidth, true)}${results.map((result) => pad(cell(result, row), columnWidth, true)).join('')}`);
  }
  const machine = results[0]?.machine;
  if (machine) {
    lines.push('');
    lines.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.node}; ${results[0].database.postgres.split(',')[0]}, shared_buffers ${results[0].database.sharedBuffers}`);
    lines.push(`Load average at start: ${results.map((result) => `${result.size} ${result.machine.loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')}`).join('; ')}`);
    const { processes, workers } = results[0].server;
    lines.push(`Server: ${processes} instance${processes === 1 ? '' : 's'}, FLOWMAP_WORKERS=${workers} each; RSS figures are the largest process's`);
  }
  lines.push('Targets are for size L; PASS/MISS is shown for every size.');
  for (const result of results) {
    const missed = result.targets.filter((target) => !target.pass);
    lines.push(
      `${result.size}: ${result.targets.length - missed.length}/${result.targets.length} targets met` +
        (missed.length > 0 ? `; missed: ${missed.map((target) => `${target.label} (${target.missFactor.toFixed(2)}× off)`).join(', ')}` : ''),
    );
  }
  return lines.join('\n');
}
