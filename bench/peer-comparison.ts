import type { DirectAnswerer } from './direct-answer';
import { msSince, summariseLatencies, type LatencySummary } from './stats';
import type { SqlPeer } from './sql-peer';

/** The three ways to a person's answer, timed on the same persons in turn. */
export interface PeerComparison {
  persons: number;
  /** The hand-written recursive SQL: flows only, no judgement. */
  peer: LatencySummary;
  /** One SQL read and the engine in this process: the judged answer without HTTP or GraphQL. */
  direct: LatencySummary;
  /** The judged answer over HTTP and GraphQL, as a client sees it. */
  graphql: LatencySummary;
  graphqlToPeerP50: number;
  graphqlToPeerP99: number;
  directToPeerP50: number;
  /** Persons for whom the peer's set of flows equals the engine's. */
  sameFlowsPercent: number;
  /** Where they differ, the first few: person, flows only the peer has, flows only the engine has. */
  differences: string[];
  /** The raw latencies, for the picture. */
  samplesMs: { peer: number[]; direct: number[]; graphql: number[] };
}

export interface PeerComparisonInput {
  persons: readonly string[];
  peer: SqlPeer;
  direct: DirectAnswerer;
  /** Asks the server for the person's answer; resolves once it is checked. */
  askGraphQL: (externalId: string) => Promise<unknown>;
  deadlineMs: number;
}

type Path = 'peer' | 'direct' | 'graphql';
const ORDERS: readonly (readonly Path[])[] = [
  ['peer', 'direct', 'graphql'],
  ['direct', 'graphql', 'peer'],
  ['graphql', 'peer', 'direct'],
];

/**
 * Asks the three paths about each person one after another, rotating which goes first, so that a
 * cache warmed by one path, or a busy moment of the machine, favours none of them. The as-of
 * moment is the same for all three.
 */
export async function comparePaths(input: PeerComparisonInput): Promise<PeerComparison> {
  const samplesMs: Record<Path, number[]> = { peer: [], direct: [], graphql: [] };
  const started = process.hrtime.bigint();
  let same = 0;
  let compared = 0;
  const differences: string[] = [];
  for (const [turn, externalId] of input.persons.entries()) {
    if (Date.now() > input.deadlineMs) break;
    const asOf = new Date().toISOString();
    let peerFlows: string[] = [];
    let engineFlows: string[] = [];
    for (const path of ORDERS[turn % ORDERS.length]) {
      const sent = process.hrtime.bigint();
      if (path === 'peer') peerFlows = await input.peer.flowKeys(externalId, asOf);
      else if (path === 'direct') {
        const timed = await input.direct.answer(externalId, asOf);
        if (!timed) throw new Error(`direct path: no person ${externalId}`);
        engineFlows = [...new Set(timed.fields.hops.map((hop) => hop.flowKey))].sort();
      } else await input.askGraphQL(externalId);
      samplesMs[path].push(msSince(sent));
    }
    compared += 1;
    if (peerFlows.join() === engineFlows.join()) same += 1;
    else if (differences.length < 5) {
      const onlyPeer = peerFlows.filter((key) => !engineFlows.includes(key));
      const onlyEngine = engineFlows.filter((key) => !peerFlows.includes(key));
      differences.push(`${externalId}: only the SQL peer [${onlyPeer.join(', ')}], only the engine [${onlyEngine.join(', ')}]`);
    }
  }
  const seconds = msSince(started) / 1000;
  const summaries = {
    peer: summariseLatencies(samplesMs.peer, 0, seconds),
    direct: summariseLatencies(samplesMs.direct, 0, seconds),
    graphql: summariseLatencies(samplesMs.graphql, 0, seconds),
  };
  return {
    persons: compared,
    ...summaries,
    graphqlToPeerP50: summaries.graphql.p50Ms / summaries.peer.p50Ms,
    graphqlToPeerP99: summaries.graphql.p99Ms / summaries.peer.p99Ms,
    directToPeerP50: summaries.direct.p50Ms / summaries.peer.p50Ms,
    sameFlowsPercent: compared === 0 ? Number.NaN : (100 * same) / compared,
    differences,
    samplesMs,
  };
}
