import type { WholeMapMemo } from './whole-map-memo';

export interface FlowQueryOptions {
  asOf?: Date | null;
  maxDepth?: number | null;
}

/** The instant asked about: the one named, else the request's "now", else this moment. */
export function resolvedAsOf(options: FlowQueryOptions, memo?: WholeMapMemo): string {
  return (options.asOf ?? memo?.now ?? new Date()).toISOString();
}
