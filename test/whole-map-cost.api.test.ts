import 'reflect-metadata';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateInventory } from '../bench/generate-inventory';
import { loadInventory } from '../bench/load-inventory';
import { RequestDeadline } from '../src/common/request-deadline';
import { Role } from '../src/modules/auth/role';
import { inventoryWalkCounters } from '../src/engine/answers/inventory-flows';
import { importInventory } from '../src/modules/inventory/inventory.service';
import { FIELD_COSTS, WHOLE_MAP_COST } from '../src/query-costs';
import { flowmapSchema } from '../src/schema';
import { startServer } from '../src/server';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * Questions about the whole data map (findings, transfers, exports...) walk every activity in
 * force. These tests run them over a generated map of 1,000 flows and count the walks with the
 * engine's own counters: what an operation may ask for, what aliases share, and that a walk ends
 * with its request.
 */

let api: TestServer;
/** The same database behind a cost limit high enough for hundreds of aliases. */
let roomy: TestServer;
/** Activities a walk of the whole map judges, as of now. */
let activitiesPerWalk: number;

const SIZE = { name: 'whole-map-cost', parties: 100, flows: 1_000, persons: 0 };

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Walks started while `work` ran, once every walk it started has ended. */
async function walksOf(work: () => Promise<unknown>): Promise<{ started: number; activities: number }> {
  const before = { ...inventoryWalkCounters };
  await work();
  await vi.waitFor(() => expect(inventoryWalkCounters.ended).toBe(inventoryWalkCounters.started), { timeout: 60_000 });
  return { started: inventoryWalkCounters.started - before.started, activities: inventoryWalkCounters.activities - before.activities };
}

const aliases = (count: number, field: (index: number) => string): string => Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join(' ');

beforeAll(async () => {
  api = await startTestServer();
  await loadInventory(api.database.pool, generateInventory(SIZE, 'whole-map-cost'));
  const server = await startServer({ logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, database: api.database, limits: { maxQueryCost: 1_000_000 } });
  roomy = { ...api, url: server.url, server, graphql: (query, variables) => post(server.url, api.token!, { query, variables }).then(({ status, body }) => ({ status, ...(body as object) })), stop: () => server.stop() };
  const one = await walksOf(() => api.graphql('{ findings { totalCount } }'));
  expect(one.started).toBe(1);
  activitiesPerWalk = one.activities;
  expect(activitiesPerWalk).toBeGreaterThan(50);
}, 120_000);

afterAll(async () => {
  await roomy?.stop();
  await api?.stop();
});

describe('the cost of whole-map questions', () => {
  it('refuses 400 aliased findings of a VIEWER before any walk starts', async () => {
    const viewer = await api.as(Role.VIEWER);
    let result: Awaited<ReturnType<typeof viewer.graphql>> | undefined;
    const walks = await walksOf(async () => {
      result = await viewer.graphql(`{ ${aliases(400, () => 'findings { totalCount }')} }`);
    });
    expect(result!.status).toBe(400);
    expect(result!.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining('query cost') });
    expect(walks.started).toBe(0);
  });

  it('weighs every whole-map field, so that an operation holds only a few of them', async () => {
    const viewer = await api.as(Role.VIEWER);
    for (const field of ['findings { totalCount }', 'crossBorderTransfers { totalCount }', 'transferRegister', 'recordOfProcessing', 'recipientsOfCategory(category: "contact") { partyKey }']) {
      const result = await viewer.graphql(`{ ${aliases(20, () => field)} }`);
      expect(result.errors?.[0], field).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    }
    const few = await viewer.graphql<{ a0: { totalCount: number }; a1: { totalCount: number } }>(`{ ${aliases(2, () => 'findings { totalCount }')} }`);
    expect(few.errors).toBeUndefined();
    expect(few.data!.a0.totalCount).toBeGreaterThan(0);
  });

  it('prices fields the schema has: a renamed field cannot lose its cost unnoticed', async () => {
    const schema = await flowmapSchema();
    for (const name of FIELD_COSTS.keys()) {
      const [type, field] = name.split('.');
      const object = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      expect(object?.getFields?.()[field], name).toBeDefined();
    }
  });

  it('weighs a profile by the subject categories it names, up to a walk of the whole map', async () => {
    const viewer = await api.as(Role.VIEWER);
    const profile = (categories: string[]) => `profileDataFlows(profile: { subjectCategories: ${JSON.stringify(categories)}, countryOfResidence: "DE" }) { maxDepth }`;
    const listed = await viewer.graphql<{ subjectCategories: { nodes: { key: string }[] } }>('{ subjectCategories(first: 5) { nodes { key } } }');
    const everyCategory = listed.data!.subjectCategories.nodes.map((category) => category.key);
    expect(everyCategory).toHaveLength(5);
    expect((await viewer.graphql(`{ ${aliases(25, () => profile(everyCategory.slice(0, 1)))} }`)).errors).toBeUndefined();
    const wide = await viewer.graphql(`{ ${aliases(25, () => profile(everyCategory))} }`);
    expect(wide.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining(`query cost: ${25 * (8 * 5 + 1)}`) });
    const hidden = await viewer.graphql(`query($p: SubjectProfileInput!) { ${aliases(10, () => 'profileDataFlows(profile: $p) { maxDepth }')} }`, {
      p: { subjectCategories: everyCategory, countryOfResidence: 'DE' },
    });
    expect(hidden.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringContaining(`query cost: ${10 * (WHOLE_MAP_COST + 1)}`) });
  });

  it('makes the operations of a batch share one budget: those past it are refused and run nothing', async () => {
    // Each operation asks for five different days: five walks, about half the budget.
    const operation = (index: number) => ({ query: `{ ${aliases(5, (day) => `findings(asOf: "2026-0${index % 9 + 1}-0${day + 1}T00:00:00Z") { totalCount }`)} }` });
    let answers: { errors?: { extensions?: { code?: string } }[]; data?: unknown }[] = [];
    const walks = await walksOf(async () => {
      const response = await post(api.url, api.token!, Array.from({ length: 10 }, (_, index) => operation(index)));
      answers = response.body as typeof answers;
    });
    expect(answers).toHaveLength(10);
    const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'LIMIT_EXCEEDED');
    const answered = answers.filter((answer) => answer.data && !answer.errors);
    // One operation fits the budget of 1,000; the other nine are refused without walking.
    expect(answered).toHaveLength(1);
    expect(refused).toHaveLength(9);
    expect(refused[0].errors?.[0]).toMatchObject({ message: expect.stringContaining('request cost') });
    expect(walks.started).toBe(5);
  });
});

describe('one walk per question and request', () => {
  it('walks the map once for 400 aliases of the same findings question', async () => {
    type Count = { totalCount: number };
    let result: Awaited<ReturnType<typeof roomy.graphql<Record<string, Count>>>> | undefined;
    const walks = await walksOf(async () => {
      result = await roomy.graphql<Record<string, Count>>(`{ ${aliases(400, () => 'findings { totalCount }')} }`);
    });
    expect(result!.errors).toBeUndefined();
    expect(walks.started).toBe(1);
    expect(new Set(Object.values(result!.data!).map((page) => page.totalCount)).size).toBe(1);
  });

  it('shares the walk between findings of one day, whatever their filters and pages, and gives each its own answer', async () => {
    const query = `{
      all: findings { totalCount }
      again: findings { totalCount }
      critical: findings(severity: CRITICAL) { totalCount }
      firstTwo: findings(first: 2) { totalCount nodes { ruleId severity } }
      long_ago: findings(asOf: "2018-02-01T00:00:00Z") { totalCount }
    }`;
    type Answer = Record<'all' | 'again' | 'critical' | 'firstTwo' | 'long_ago', { totalCount: number; nodes?: unknown[] }>;
    let result: Awaited<ReturnType<typeof roomy.graphql<Answer>>> | undefined;
    const walks = await walksOf(async () => {
      result = await roomy.graphql<Answer>(query);
    });
    expect(result!.errors).toBeUndefined();
    expect(walks.started).toBe(2);
    const { all, again, critical, firstTwo, long_ago: longAgo } = result!.data!;
    expect(again).toEqual(all);
    expect(critical.totalCount).toBeLessThan(all.totalCount);
    expect(firstTwo.nodes).toHaveLength(2);
    expect(longAgo.totalCount).toBeLessThan(all.totalCount);
    // Each alias answers as the same field asked alone.
    for (const [alias, field] of [['critical', 'findings(severity: CRITICAL) { totalCount }'], ['long_ago', 'findings(asOf: "2018-02-01T00:00:00Z") { totalCount }']] as const) {
      const alone = await api.graphql<{ f: unknown }>(`{ f: ${field} }`);
      expect(alone.data!.f, alias).toEqual(result!.data![alias]);
    }
  });

  it('walks once for aliased transfer pages and exports of the same day', async () => {
    const query = `{ ${aliases(50, () => 'crossBorderTransfers { totalCount }')} ${aliases(20, () => 'transferRegister').replace(/a(\d+):/g, 'r$1:')} }`;
    let result: Awaited<ReturnType<typeof roomy.graphql<Record<string, unknown>>>> | undefined;
    const walks = await walksOf(async () => {
      result = await roomy.graphql<Record<string, unknown>>(query);
    });
    expect(result!.errors).toBeUndefined();
    expect(walks.started).toBeLessThanOrEqual(2);
    expect(new Set(Object.entries(result!.data!).filter(([alias]) => alias.startsWith('r')).map(([, csv]) => csv)).size).toBe(1);
  });
});

describe('a request past its deadline', () => {
  it("stops the walks that compare an import's findings before and after, and the import with them", async () => {
    const before = { ...inventoryWalkCounters };
    const passed = new RequestDeadline(Date.now() - 1, 5);
    const file = 'flowmap: 1\nsubjectCategories:\n  - { key: deadline-probe, name: Probe }\n';
    await expect(importInventory(api.database.dataSource, 'test', file, 'yaml', { dryRun: true, prune: false, deadline: passed })).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
    });
    await vi.waitFor(() => expect(inventoryWalkCounters.ended).toBe(inventoryWalkCounters.started), { timeout: 60_000 });
    expect(inventoryWalkCounters.started - before.started).toBeGreaterThanOrEqual(1);
    expect(inventoryWalkCounters.activities - before.activities).toBeLessThan(activitiesPerWalk);
  });

  it('stops its walks: they judge fewer activities than asked, and nothing more once answered', async () => {
    const hasty = await startServer({ logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, database: api.database, limits: { requestTimeoutMs: 1 } });
    try {
      const days = 9;
      const before = { ...inventoryWalkCounters };
      const response = await post(hasty.url, api.token!, { query: `{ ${aliases(days, (day) => `findings(asOf: "2026-01-0${day + 1}T00:00:00Z") { totalCount }`)} }` });
      expect(response.status).toBe(503);
      // The request's resolvers go on after the answer: wait until each has started its walk and every walk has ended.
      await vi.waitFor(() => expect(inventoryWalkCounters.started - before.started).toBe(days), { timeout: 60_000 });
      await vi.waitFor(() => expect(inventoryWalkCounters.ended).toBe(inventoryWalkCounters.started), { timeout: 60_000 });
      expect(inventoryWalkCounters.activities - before.activities).toBeLessThan(days * activitiesPerWalk);
      // Once every walk has ended, the server does no more of that request's work.
      const settled = inventoryWalkCounters.activities;
      expect((await api.graphql('{ rules { id } }')).errors).toBeUndefined();
      expect(inventoryWalkCounters.activities).toBe(settled);

      // The same for every kind of whole-map question, one walk each.
      const others = [
        'crossBorderTransfers { totalCount }',
        'transferRegister',
        'recordOfProcessing',
        'recipientsOfCategory(category: "contact") { partyKey }',
        'personsReaching(country: "DE") { count }',
      ];
      const again = { ...inventoryWalkCounters };
      const mixed = await post(hasty.url, api.token!, { query: `{ ${aliases(others.length, (index) => others[index])} }` });
      expect(mixed.status).toBe(503);
      // The register and the record share one walk when it succeeds: at least four walks.
      const walks = others.length - 1;
      await vi.waitFor(() => expect(inventoryWalkCounters.started - again.started).toBeGreaterThanOrEqual(walks), { timeout: 60_000 });
      await vi.waitFor(() => expect(inventoryWalkCounters.ended).toBe(inventoryWalkCounters.started), { timeout: 60_000 });
      expect(inventoryWalkCounters.activities - again.activities).toBeLessThan(walks * activitiesPerWalk);
    } finally {
      await hasty.stop();
    }
  });
});
