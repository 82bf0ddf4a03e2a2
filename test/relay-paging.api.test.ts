import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleIfEmpty } from '../src/modules/inventory/example-inventory';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  // As `npm start` loads it into an empty registry.
  expect(await loadExampleIfEmpty(api.database.dataSource, 'zkbio-entrance-2022')).toBe(true);
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
async function walk(field: string, backward: boolean, size: number): Promise<{ pages: string[][]; infos: PageInfo[] }> {
  const pages: string[][] = [];
  const infos: PageInfo[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query = backward ? `query($n: Int, $c: String) { ${field}(last: $n, before: $c) { ${PAGE} } }` : `query($n: Int, $c: String) { ${field}(first: $n, after: $c) { ${PAGE} } }`;
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
  for (const field of ['parties', 'findings']) {
    it(`${field}: backward pages hold the forward items, the pages in reverse order`, async () => {
      const forward = await walk(field, false, 2);
      const backward = await walk(field, true, 2);
      const all = forward.pages.flat();
      expect(all.length).toBeGreaterThan(4);
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
