/** The bench's targets, for size L on a 2-core machine with a real PostgreSQL. */
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
  { metric: 'answerC16RequestsPerSecond', label: 'person answers/s, c=16', unit: 'req/s', comparison: '>=', threshold: 800 },
  { metric: 'graphqlToDirectRatio', label: 'GraphQL p50 / direct p50', unit: 'x', comparison: '<=', threshold: 2 },
  // Measured on the server, as a client sees it; the bench's own process holds the generator's and
  // the direct path's data as well, which slows its garbage collector.
  { metric: 'httpFindingsMs', label: 'whole-inventory findings (server)', unit: 'ms', comparison: '<=', threshold: 3_000 },
  { metric: 'serverPeakRssMb', label: 'server peak RSS (VmHWM)', unit: 'MB', comparison: '<=', threshold: 512 },
  { metric: 'coldStartFirstAnswerMs', label: 'embedded cold start to first answer', unit: 'ms', comparison: '<=', threshold: 5_000 },
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
