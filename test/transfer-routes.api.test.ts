import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  const file = fs.readFileSync(path.resolve(__dirname, '..', 'examples', 'zkbio-entrance-2022.yaml'), 'utf8');
  const imported = await api.graphql<{ importInventory: { applied: boolean } }>('mutation($file: String!) { importInventory(file: $file) { applied } }', { file });
  expect(imported.data?.importInventory.applied).toBe(true);
});

afterAll(() => api?.stop());

const ROUTES = `query($asOf: AsOf) {
  transferRoutes(asOf: $asOf) {
    fromCountry { code name } toCountry { code }
    flowCount hopCount worstVerdict verdictCounts { verdict hopCount }
    transferRegimes mechanisms destinationAdequacy { regime adequate reason }
  }
}`;

interface Route {
  fromCountry: { code: string; name: string };
  toCountry: { code: string } | null;
  flowCount: number;
  hopCount: number;
  worstVerdict: string;
  verdictCounts: { verdict: string; hopCount: number }[];
  transferRegimes: string[];
  mechanisms: string[];
  destinationAdequacy: { regime: string; adequate: boolean; reason: string }[];
}

describe('transferRoutes', () => {
  it("gives the ZKBio map's routes per pair of countries, each with its worst verdict, to an AUDITOR", async () => {
    const auditor = await api.as(Role.AUDITOR);
    const result = await auditor.graphql<{ transferRoutes: Route[] }>(ROUTES, { asOf: '2024-06-01' });
    expect(result.errors).toBeUndefined();
    const routes = result.data?.transferRoutes ?? [];
    expect(routes.map((route) => [route.fromCountry.code, route.toCountry?.code ?? null, route.flowCount, route.worstVerdict, route.transferRegimes])).toEqual([
      // The disclosure to Chinese authorities stays in China, but the stored German resident's data makes it a GDPR transfer.
      ['CN', 'CN', 1, 'UNLAWFUL', ['GDPR']],
      // The merger successor has no country on record.
      ['CN', null, 2, 'UNLAWFUL', []],
    ]);
    expect(routes[0].fromCountry.name).toBe("People's Republic of China");
    expect(routes[0].destinationAdequacy).toEqual([{ regime: 'GDPR', adequate: false, reason: expect.stringContaining('no adequacy decision under GDPR') }]);
    expect(routes[1].destinationAdequacy).toEqual([]);
    for (const route of routes) expect(route.verdictCounts.reduce((sum, count) => sum + count.hopCount, 0)).toBe(route.hopCount);
  });

  it('gives a VIEWER the routes of the map alone, without what the stored persons add', async () => {
    const viewer = await api.as(Role.VIEWER);
    const result = await viewer.graphql<{ transferRoutes: Route[] }>(ROUTES, { asOf: '2024-06-01' });
    // Without de-user-1's residence, GDPR does not follow the data into China: no CN -> CN transfer.
    expect(result.data?.transferRoutes.map((route) => [route.fromCountry.code, route.toCountry?.code ?? null])).toEqual([['CN', null]]);
  });

  it('agrees with crossBorderTransfers on the verdict of every transfer', async () => {
    const result = await api.graphql<{ transferRoutes: Route[]; crossBorderTransfers: { nodes: { fromCountries: string[]; destinationVerdicts: { country: string; verdict: string }[] }[] } }>(
      `{ transferRoutes(asOf: "2024-06-01") { fromCountry { code } toCountry { code } worstVerdict }
         crossBorderTransfers(asOf: "2024-06-01") { nodes { fromCountries destinationVerdicts { country verdict } } } }`,
    );
    const routes = result.data?.transferRoutes ?? [];
    const transfers = result.data?.crossBorderTransfers.nodes ?? [];
    expect(transfers.length).toBeGreaterThan(0);
    for (const transfer of transfers) {
      for (const from of transfer.fromCountries) {
        for (const { country, verdict } of transfer.destinationVerdicts) {
          const route = routes.find((candidate) => candidate.fromCountry.code === from && candidate.toCountry?.code === country);
          expect(route, `${from} -> ${country}`).toBeDefined();
          // The route's verdict is the worst of its hops: never better than one of them.
          if (verdict === 'UNLAWFUL') expect(route?.worstVerdict).toBe('UNLAWFUL');
        }
      }
    }
  });

  it('needs a token', async () => {
    const result = await api.anonymous.graphql(ROUTES);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
