/** The inventories the bench generates: S and M to see how answers scale, L the size the targets are set for. */
export interface BenchSize {
  name: string;
  parties: number;
  flows: number;
  persons: number;
}

export const BENCH_SIZES: Readonly<Record<'S' | 'M' | 'L', BenchSize>> = {
  S: { name: 'S', parties: 50, flows: 500, persons: 10_000 },
  M: { name: 'M', parties: 500, flows: 10_000, persons: 100_000 },
  L: { name: 'L', parties: 5_000, flows: 100_000, persons: 1_000_000 },
};

/** The S inventory with few persons: what `--smoke` and the test run. */
export const SMOKE_SIZE: BenchSize = { name: 'smoke', parties: 50, flows: 500, persons: 2_000 };

export function benchSize(name: string): BenchSize {
  const upper = name.toUpperCase();
  if (upper === 'S' || upper === 'M' || upper === 'L') return BENCH_SIZES[upper];
  if (name.toLowerCase() === 'smoke') return SMOKE_SIZE;
  throw new Error(`--size: '${name}' is not one of S, M, L, smoke`);
}

/** Flows per business unit, and so roughly the graph one person's data can reach, whatever the size. */
export const FLOWS_PER_UNIT = 100;
/** Flows per activity on average: a controller's first hops and their onward chains. */
export const FLOWS_PER_ACTIVITY = 10;
/** Onward chains reach this many hops from the controller at most. */
export const MAX_CHAIN_DEPTH = 6;
