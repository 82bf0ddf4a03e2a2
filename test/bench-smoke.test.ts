import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_SIZE } from '../bench/bench-sizes';
import { measureInProcessColdStart } from '../bench/cold-start';
import { generateInventory } from '../bench/generate-inventory';
import { benchExternalId, PersonGenerator } from '../bench/generate-persons';
import { latencyChart } from '../bench/latency-chart';
import { formatTable } from '../bench/report';
import { runBench, SMOKE_PLAN, type BenchResult } from '../bench/run-bench';
import { TARGETS } from '../bench/targets';
import { flowsNotCovered } from '../src/modules/activity/activity.store';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/*
 * The bench (npm run bench) end to end on the S inventory with 2,000 persons and a few requests,
 * the server in this process. Nothing here is timed: it checks that every figure comes out, and
 * that the generated data is valid and gives the same answers over GraphQL and on the direct path.
 */

let database: TestDatabase;
let result: BenchResult;

beforeAll(async () => {
  database = await createTestDatabase();
  const coldStart = await measureInProcessColdStart();
  result = await runBench({ size: SMOKE_SIZE, database, databaseUrl: database.url, serverMode: 'in-process', coldStart, plan: SMOKE_PLAN });
}, 90_000);

afterAll(async () => {
  await database?.drop();
});

describe('the bench, smoke-sized', () => {
  it('reports every metric as a finite number, and checks each target', () => {
    const notFinite = Object.entries(result.metrics).filter(([, value]) => !Number.isFinite(value));
    expect(notFinite).toEqual([]);
    expect(result.targets.map((target) => target.metric)).toEqual(TARGETS.map((target) => target.metric));
    for (const target of result.targets) {
      expect(Object.keys(result.metrics)).toContain(target.metric);
      expect(typeof target.pass).toBe('boolean');
    }
    // The file written by the CLI is this object as JSON: it survives the round trip.
    expect(JSON.parse(JSON.stringify(result)).metrics).toEqual(result.metrics);
    expect(formatTable([result])).toContain('person rows/s');
  });

  it('loads the persons and consents it generated, and answers every request', () => {
    expect(result.load.persons).toBe(SMOKE_SIZE.persons);
    expect(result.load.consents).toBe(3 * SMOKE_SIZE.persons);
    expect(result.metrics.answerErrors).toBe(0);
    expect(result.personAnswer.c1.requests).toBeGreaterThan(0);
    expect(result.personAnswer.c16.requests).toBeGreaterThan(0);
  });

  it('asks the hand-written SQL peer about the same persons, and it finds the flows the engine finds', () => {
    const comparison = result.peerComparison;
    expect(comparison.persons).toBe(SMOKE_PLAN.peerRequests);
    for (const path of [comparison.samplesMs.peer, comparison.samplesMs.direct, comparison.samplesMs.graphql]) expect(path).toHaveLength(comparison.persons);
    // The peer skips a minor's guardian rule and the categories a flow carries (sql-peer.ts): most persons, not all.
    expect(comparison.sameFlowsPercent).toBeGreaterThanOrEqual(50);
    expect(result.metrics.graphqlToPeerP50).toBeGreaterThan(0);
  });

  it('draws the three latency distributions as SVG, and the scaling when several sizes ran', () => {
    const one = latencyChart([result]);
    expect(one).toMatch(/^<svg /);
    expect(one.match(/<polyline /g)).toHaveLength(3);
    expect(one).toContain('SQL peer');
    const two = latencyChart([result, { ...result, size: 'again' }]);
    expect(two.match(/<polyline /g)).toHaveLength(9);
  });

  it('gets the same answers over GraphQL as on the direct path', () => {
    expect(result.personAnswer.equivalence.checked).toBeGreaterThan(0);
    expect(result.personAnswer.equivalence.firstMismatch).toBeNull();
  });

  it('generates an inventory with onward chains six hops deep, whose flows carry only what their activity covers', async () => {
    expect(result.inventory.maxChainDepth).toBe(6);
    const activityIds = ((await database.dataSource.query('SELECT id FROM activity')) as { id: string }[]).map((row) => row.id);
    expect(await flowsNotCovered(database.dataSource.manager, activityIds)).toEqual([]);
    const [revision] = (await database.dataSource.query('SELECT revision::int AS revision FROM inventory_revision')) as { revision: number }[];
    expect(revision.revision).toBeGreaterThan(1);
  });
});

describe('the generator', () => {
  it('makes the same inventory and persons from the same seed, and others from another', () => {
    const first = generateInventory(SMOKE_SIZE, 'seed-a');
    const again = generateInventory(SMOKE_SIZE, 'seed-a');
    const other = generateInventory(SMOKE_SIZE, 'seed-b');
    expect(again.flows.map((flow) => [flow.key, flow.fromId, flow.toId, flow.mechanisms])).toEqual(first.flows.map((flow) => [flow.key, flow.fromId, flow.toId, flow.mechanisms]));
    expect(other.flows.map((flow) => flow.toId)).not.toEqual(first.flows.map((flow) => flow.toId));
    expect(new PersonGenerator(again).person(42)).toEqual(new PersonGenerator(first).person(42));
    expect(new PersonGenerator(first).batch(40, 5).map((person) => person.externalId)).toEqual([40, 41, 42, 43, 44].map(benchExternalId));
  });
});
