import { describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/auth/role';
import { eventually, recordGraphqlRequests, signIn, useConsoleBrowser } from './support/console-browser';

const consoleBrowser = useConsoleBrowser('console');

describe('the console', () => {
  it('is served at / with a policy that allows nothing from outside, index.html revalidated and hashed assets immutable', async () => {
    const server = consoleBrowser.server;
    const index = await fetch(server.origin);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const policy = index.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script as string, server.origin));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(new URL('/assets/../../package.json', server.origin))).status).toBe(404);
    expect((await fetch(new URL('/no-such-file.js', server.origin))).status).toBe(404);
    const api = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a wrong token with a message that says why, and keeps nothing', async () => {
    const { page, problems, screenshot, close } = await consoleBrowser.open();
    await signIn(page, 'fm_thisIsNotALiveTokenThisIsNotALiveToken');
    await eventually(() => page.getByRole('alert').textContent()).toContain('not accepted (401)');
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    await screenshot('sign-in-refused');
    // The 401 of the refused token is the only failed request.
    expect(problems.list().filter((problem) => !/HTTP 401: POST .*\/graphql|status of 401/.test(problem))).toEqual([]);
    await close();
  });

  it('signs a VIEWER in, shows the overview counts with the role, and signs out', async () => {
    const viewer = await consoleBrowser.server.as(Role.VIEWER);
    const { page, problems, screenshot, close } = await consoleBrowser.open();
    await signIn(page, viewer.token as string);
    await eventually(() => page.locator('.who').textContent()).toContain('VIEWER');
    const counts = page.getByRole('region', { name: 'Parties' });
    await eventually(() => counts.locator('[data-kind="CONTROLLER"] dd').textContent()).toBe('1');
    await eventually(() => page.locator('[data-count="activities"] dd').textContent()).toMatch(/^[1-9]\d*$/);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('flowmap.apiToken')")).toBe(viewer.token);
    await screenshot('overview');

    // A reload keeps the session (sessionStorage), and the findings count links to its list.
    await page.reload();
    await page.getByRole('link', { name: /HIGH or worse/ }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Findings');
    expect(page.url()).toContain('#/findings?severity=HIGH');
    await eventually(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot('findings');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.getByLabel('API token').isVisible()).toBe(true);
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    expect(problems.list()).toEqual([]);
    await close();
  });

  it('draws the ZKBio routes on the world map, coloured and marked by their worst verdict, with adequacy on hover', async () => {
    // An AUDITOR's map includes what the stored persons add: de-user-1 takes GDPR into China.
    const auditor = await consoleBrowser.server.as(Role.AUDITOR);
    const { page, problems, screenshot, close } = await consoleBrowser.open({ route: '#/?asOf=2024-06-01' });
    await signIn(page, auditor.token as string);
    const map = page.getByRole('group', { name: 'World map of where data goes' });
    await eventually(() => map.locator('[data-route]').count()).toBe(2);
    const arcs = await map.locator('[data-route]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-route'), node.getAttribute('data-verdict'), node.textContent]));
    // The disclosure to the Chinese authorities (a GDPR transfer inside China: a loop) and the merger successor without a country.
    expect(arcs).toEqual([
      ['CN>CN', 'UNLAWFUL', expect.stringContaining('✕')],
      ['CN>?', 'UNLAWFUL', expect.stringContaining('✕')],
    ]);
    expect(await map.locator('[data-route="CN>CN"] title').textContent()).toContain('worst verdict Unlawful; a transfer under GDPR');
    expect(await map.locator('.controller-country[data-country="CN"]').count()).toBe(1);
    await map.locator('[data-country="CN"]').hover();
    await eventually(() => page.locator('.map-focus').textContent()).toContain('GDPR: not adequate');
    // The same routes as a table, the verdict in words.
    await eventually(() => page.locator('.routes-table tbody tr').count()).toBe(2);
    expect(await page.locator('.routes-table tr[data-route="CN>?"]').textContent()).toContain('Unlawful');
    await screenshot('overview-world-map');
    expect(problems.list()).toEqual([]);
    await close();
  });

  it("draws de-user-1's data as of 2024-06-01 as a graph: the recipients grouped by country, the hops marked by verdict", async () => {
    const auditor = await consoleBrowser.server.as(Role.AUDITOR);
    const { page, problems, screenshot, close } = await consoleBrowser.open({ route: '#/person?mode=stored&externalId=de-user-1&asOf=2024-06-01' });
    await signIn(page, auditor.token as string);
    const graph = page.locator('svg.flow-graph[aria-label="Graph of where the data goes"]');
    await eventually(() => graph.locator('[data-party]').count()).toBeGreaterThan(0);
    // A party is drawn inside the box of its country.
    const partyIn = (group: string) => graph.locator(`[data-country-group="${group}"] [data-party]`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-party')).sort());
    expect(await graph.locator('[data-country-group]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-country-group')).sort())).toEqual(['CN', 'unknown']);
    expect(await partyIn('CN')).toEqual(expect.arrayContaining(['government-authorities']));
    expect(await partyIn('unknown')).toEqual(['merger-successor']);
    expect(await graph.locator('[data-country-group="CN"] .country-group-label').textContent()).toContain('China');
    const hops = await graph.locator('[data-hop]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-hop'), node.getAttribute('data-verdict')]));
    expect(hops).toEqual(expect.arrayContaining([['disclosure-to-authorities', 'UNLAWFUL'], ['transfer-to-merger-successor', 'UNLAWFUL']]));
    expect(await page.locator('.answer-summary').textContent()).toContain('reaching China');
    expect(await page.locator('.hops-table tbody tr').count()).toBe(hops.length);
    await eventually(() => page.getByRole('region', { name: 'Findings' }).textContent()).toContain('GDPR-TRANSFER-NO-MECHANISM');
    await page.getByText('The GraphQL query of this answer').click();
    const query = await page.getByLabel('GraphQL query and variables').textContent();
    expect(query).toContain('person(externalId: $externalId)');
    expect(query).toContain('"externalId": "de-user-1"');
    await screenshot('person-graph');
    expect(problems.list()).toEqual([]);
    await close();
  });

  it('changes the answer with the as-of date across a consent withdrawal', async () => {
    const admin = consoleBrowser.server.token as string;
    const { page, problems, close } = await consoleBrowser.open({ route: '#/person?mode=stored&externalId=cn-user-1&asOf=2024-01-01' });
    await signIn(page, admin);
    const sharing = page.locator('.hops-table tr[data-hop="sharing-with-consent"]');
    await eventually(() => sharing.count()).toBe(1);
    expect(await page.locator('[data-consent="sharing-with-consent"]').getAttribute('data-open')).toBe('true');
    // cn-user-1 withdrew the separate consent to the sharing on 2024-01-15.
    await page.getByLabel('As of').fill('2024-06-01');
    await eventually(() => page.locator('.answer-summary').textContent()).toContain('As of 2024-06-01');
    expect(await sharing.count()).toBe(0);
    expect(await page.locator('[data-consent="sharing-with-consent"]').textContent()).toContain('withdrawn on 2024-01-15');
    expect(page.url()).toContain('asOf=2024-06-01');
    expect(problems.list()).toEqual([]);
    await close();
  });

  it('never shows a VIEWER a person or the audit log, and never asks the API for them', async () => {
    const viewer = await consoleBrowser.server.as(Role.VIEWER);
    const { page, problems, close } = await consoleBrowser.open();
    const sent = recordGraphqlRequests(page);
    await page.goto(`${consoleBrowser.server.origin}#/person?mode=stored&externalId=de-user-1&asOf=2024-06-01`);
    await signIn(page, viewer.token as string);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Where does this person');
    expect(await page.getByLabel('External id').count()).toBe(0);
    expect(await page.getByText('a stored person').count()).toBe(0);
    // A profile anyone may describe: a German app user.
    await page.getByLabel('Subject categories (keys, comma-separated)').fill('app-user');
    await page.getByLabel('Country of residence (ISO code)').fill('DE');
    await page.getByRole('button', { name: 'Show where the data goes' }).click();
    await eventually(() => page.locator('svg.flow-graph[aria-label="Graph of where the data goes"]').locator('[data-party="government-authorities"]').count()).toBe(1);
    for (const view of ['#/', '#/findings']) {
      await page.goto(`${consoleBrowser.server.origin}${view}`);
      await eventually(() => page.locator('main h1').textContent()).not.toBe('');
    }
    await page.waitForLoadState('networkidle');
    const navigation = await page.getByRole('navigation', { name: 'Views' }).textContent();
    expect(navigation).not.toMatch(/audit|person/i);
    expect(sent.length).toBeGreaterThan(3);
    for (const body of sent) expect(body).not.toMatch(/\bperson\s*\(|\bpersons\b|auditLog|verifyAuditLog/);
    expect(problems.list()).toEqual([]);
    await close();
  });

  it('fits a 390-px-wide phone', async () => {
    const viewer = await consoleBrowser.server.as(Role.VIEWER);
    const { page, problems, screenshot, close } = await consoleBrowser.open({ viewport: { width: 390, height: 844 } });
    await signIn(page, viewer.token as string);
    await eventually(() => page.locator('[data-kind="CONTROLLER"] dd').textContent()).toBe('1');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await screenshot('overview-phone');
    expect(problems.list()).toEqual([]);
    await close();
  });
});
