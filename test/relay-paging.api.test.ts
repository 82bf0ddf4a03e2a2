import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleIfEmpty } from '../src/modules/inventory/example-inventory';
import { importInventory } from '../src/modules/inventory/inventory.service';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  // As `npm start` loads it into an empty registry.
  expect(await loadExampleIfEmpty(api.database.dataSource, 'zkbio-entrance-2022')).toBe(true);
  // Processors abroad, so that the map has enough cross-border transfers to page through.
  const processors = ['ie', 'us', 'jp', 'sg'];
  const file = `flowmap: 1
parties:
  - { key: zkteco-xiamen, name: 'Xiamen ZKTeco Information Technology Co., Ltd.', kind: CONTROLLER, countries: [CN] }
${processors.map((country) => `  - { key: cloud-${country}, name: Cloud ${country}, kind: PROCESSOR, countries: [${country.toUpperCase()}] }`).join('\n')}
flows:
${processors.map((country) => `  - { key: to-cloud-${country}, activity: account-and-device-service, from: zkteco-xiamen, to: cloud-${country}, dataCategories: [contact.email], effectiveFrom: 2022-08-01 }`).join('\n')}
`;
  await importInventory(api.database.dataSource, 'test', file, 'yaml', { dryRun: false, prune: false });
});
afterAll(async () => {
  await api?.stop();
});

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
type Connection = { edges: { cursor: string }[]; pageInfo: PageInfo; totalCount: number };

const PAGE = 'edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/** Pages through a connection of the Query field `field` one way, and returns the cursors page by page. */
async function walk(field: string, backward: boolean, size: number, args = ''): Promise<{ pages: string[][]; infos: PageInfo[] }> {
  const pages: string[][] = [];
  const infos: PageInfo[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query = backward
      ? `query($n: Int, $c: String) { ${field}(${args} last: $n, before: $c) { ${PAGE} } }`
      : `query($n: Int, $c: String) { ${field}(${args} first: $n, after: $c) { ${PAGE} } }`;
    const result = await api.graphql<Record<string, Connection>>(query, { n: size, c: cursor });
    expect(result.errors).toBeUndefined();
    const connection: Connection = (result.data as Record<string, Connection>)[field];
    pages.push(connection.edges.map((edge) => edge.cursor));
    infos.push(connection.pageInfo);
    const more = backward ? connection.pageInfo.hasPreviousPage : connection.pageInfo.hasNextPage;
    if (!more) return { pages, infos };
    cursor = backward ? connection.pageInfo.startCursor : connection.pageInfo.endCursor;
  }
}

describe('Relay connections: paging backward with last/before', () => {
  // The example's audit log (one entry per imported entry), its transfers of 2024 (with the processors'), and its persons in China.
  const CONNECTIONS: [string, string][] = [
    ['parties', ''],
    ['findings', ''],
    ['auditLog', ''],
    ['crossBorderTransfers', 'asOf: "2024-06-01"'],
    ['personsReaching', 'country: "CN" asOf: "2024-06-01"'],
  ];
  for (const [field, args] of CONNECTIONS) {
    it(`${field}: backward pages hold the forward items, the pages in reverse order`, async () => {
      const size = field === 'crossBorderTransfers' || field === 'personsReaching' ? 1 : 2;
      const forward = await walk(field, false, size, args);
      const backward = await walk(field, true, size, args);
      const all = forward.pages.flat();
      expect(all.length).toBeGreaterThan(size * 2);
      expect(backward.pages.slice().reverse().flat()).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
      expect(forward.infos[0]).toMatchObject({ hasPreviousPage: false, startCursor: forward.pages[0][0] });
      expect(forward.infos[1]).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      expect(backward.infos[0]).toMatchObject({ hasNextPage: false, endCursor: all.at(-1) });
      expect(backward.infos[1]).toMatchObject({ hasNextPage: true });
    });
  }

  it('a cursor from a forward page is a valid `before`', async () => {
    const first = await api.graphql<{ parties: Connection }>(`{ parties(first: 4) { ${PAGE} } }`);
    const [, b, c, d] = first.data!.parties.edges.map((edge) => edge.cursor);
    const before = await api.graphql<{ parties: Connection }>(`query($c: String) { parties(last: 2, before: $c) { ${PAGE} } }`, { c: d });
    expect(before.data!.parties.edges.map((edge) => edge.cursor)).toEqual([b, c]);
    expect(before.data!.parties.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true, startCursor: b, endCursor: c });
  });

  it('refuses mixing directions and names the argument of a bad backward cursor or size', async () => {
    const mixed = await api.graphql('{ parties(first: 2, last: 2) { totalCount } }');
    expect(mixed.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^last: /), extensions: { code: 'BAD_USER_INPUT' } });
    const badCursor = await api.graphql('{ findings(before: "x") { totalCount } }');
    expect(badCursor.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^before: /), extensions: { code: 'BAD_USER_INPUT' } });
    const tooMany = await api.graphql('{ parties(last: 100000) { totalCount } }');
    expect(tooMany.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^last: /), extensions: { code: 'LIMIT_EXCEEDED' } });
  });
});
