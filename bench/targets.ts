/** The performance targets, for size L on a 2-core machine with a real PostgreSQL. */
export interface Target {
  metric: string;
  label: string;
  unit: string;
  comparison: '>=' | '<=';
  threshold: number;
}

export const TARGETS: readonly Target[] = [
  { metric: 'loadPersonRowsPerSecond', label: 'bulk load, person rows/s', unit: 'rows/s', comparison: '>=', threshold: 50_000 },
  { metric: 'answerC1P50Ms', label: 'person answer p50, c=1', unit: 'ms', comparison: '<=', threshold: 5 },
  { metric: 'answerC1P99Ms', label: 'person answer p99, c=1', unit: 'ms', comparison: '<=', threshold: 25 },
  // Reached with FLOWMAP_WORKERS=2 (--workers 2): one process cannot use both cores.
  { metric: 'answerC16RequestsPerSecond', label: 'person answers/s, c=16', unit: 'req/s', comparison: '>=', threshold: 1_500 },
  // The judged answer should cost no more than the unjudged query a team would write by hand.
  { metric: 'graphqlToPeerP50', label: 'GraphQL p50 / SQL peer p50', unit: 'x', comparison: '<=', threshold: 1 },
  { metric: 'graphqlToPeerP99', label: 'GraphQL p99 / SQL peer p99', unit: 'x', comparison: '<=', threshold: 1 },
  { metric: 'graphqlToDirectRatio', label: 'GraphQL p50 / direct p50', unit: 'x', comparison: '<=', threshold: 1.3 },
  { metric: 'computeMicrosecondsPerHop', label: 'engine µs per hop', unit: 'µs', comparison: '<=', threshold: 3 },
  // Measured on the server, as a client sees it; the bench's own process holds the generator's and
  // the direct path's data as well, which slows its garbage collector.
  { metric: 'httpFindingsFirstMs', label: 'whole-inventory findings, first ask (server)', unit: 'ms', comparison: '<=', threshold: 2_000 },
  { metric: 'httpFindingsMs', label: 'whole-inventory findings, asked again (server)', unit: 'ms', comparison: '<=', threshold: 50 },
  { metric: 'serverPeakRssMb', label: 'server peak RSS (VmHWM)', unit: 'MB', comparison: '<=', threshold: 512 },
  { metric: 'coldStartFirstAnswerMs', label: 'embedded cold start to first answer', unit: 'ms', comparison: '<=', threshold: 3_000 },
];

export interface TargetCheck extends Target {
  value: number;
  pass: boolean;
  /** How far off: value / threshold for an upper bound, threshold / value for a lower one (> 1 is a miss). */
  missFactor: number;
}

export function checkTargets(metrics: Readonly<Record<string, number>>): TargetCheck[] {
  return TARGETS.map((target) => {
    const value = metrics[target.metric];
    const pass = Number.isFinite(value) && (target.comparison === '>=' ? value >= target.threshold : value <= target.threshold);
    const missFactor = target.comparison === '>=' ? target.threshold / value : value / target.threshold;
    return { ...target, value, pass, missFactor };
  });
}
