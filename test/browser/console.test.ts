import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/auth/role';
import { launchChromium, watchPage, type PageProblems } from '../support/browser';
import { buildConsole, startConsoleServer, type ConsoleServer } from '../support/console-server';

// One build, one server and one browser for the whole file; each test has a fresh browser context
// (its own sessionStorage), so no test depends on another's sign-in.
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'console');

let bundle: Awaited<ReturnType<typeof buildConsole>>;
let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const browserStarting = launchChromium();
  bundle = await buildConsole();
  [server, browser] = await Promise.all([startConsoleServer(bundle.dir), browserStarting]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  bundle?.remove();
});

async function openConsole(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.origin);
  return { context, page, problems };
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the console', () => {
  it('is served at / with a policy that allows nothing from outside, index.html revalidated and hashed assets immutable', async () => {
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
    const { context, page, problems } = await openConsole();
    await signIn(page, 'fm_thisIsNotALiveTokenThisIsNotALiveToken');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not accepted (401)');
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-refused.png') });
    // The 401 of the refused token is the only failed request.
    expect(problems.list().filter((problem) => !/HTTP 401: POST .*\/graphql|status of 401/.test(problem))).toEqual([]);
    await context.close();
  });

  it('signs a VIEWER in, shows the overview counts with the role, and signs out', async () => {
    const viewer = await server.as(Role.VIEWER);
    const { context, page, problems } = await openConsole();
    await signIn(page, viewer.token as string);
    await expect.poll(() => page.locator('.who').textContent()).toContain('VIEWER');
    const counts = page.getByRole('region', { name: 'Parties' });
    await expect.poll(() => counts.locator('[data-kind="CONTROLLER"] dd').textContent()).toBe('1');
    await expect.poll(() => page.locator('[data-count="activities"] dd').textContent()).toMatch(/^[1-9]\d*$/);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('flowmap.apiToken')")).toBe(viewer.token);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });

    // A reload keeps the session (sessionStorage), and the findings count links to its list.
    await page.reload();
    await page.getByRole('link', { name: /HIGH or worse/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Findings');
    expect(page.url()).toContain('#/findings?severity=HIGH');
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'findings.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByLabel('API token').isVisible()).toBe(true);
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    expect(problems.list()).toEqual([]);
    await context.close();
  });

  it('draws the ZKBio routes on the world map, coloured and marked by their worst verdict, with adequacy on hover', async () => {
    const viewer = await server.as(Role.VIEWER);
    const { context, page, problems } = await openConsole();
    await page.goto(`${server.origin}#/?asOf=2024-06-01`);
    await signIn(page, viewer.token as string);
    const map = page.getByRole('group', { name: 'World map of where data goes' });
    await expect.poll(() => map.locator('[data-route]').count()).toBe(2);
    const arcs = await map.locator('[data-route]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-route'), node.getAttribute('data-verdict'), node.textContent]));
    // The disclosure to the Chinese authorities (a GDPR transfer inside China: a loop) and the merger successor without a country.
    expect(arcs).toEqual([
      ['CN>CN', 'UNLAWFUL', expect.stringContaining('✕')],
      ['CN>?', 'UNLAWFUL', expect.stringContaining('✕')],
    ]);
    expect(await map.locator('[data-route="CN>CN"] title').textContent()).toContain('worst verdict Unlawful; a transfer under GDPR');
    expect(await map.locator('.controller-country[data-country="CN"]').count()).toBe(1);
    await map.locator('[data-country="CN"]').hover();
    await expect.poll(() => page.locator('.map-focus').textContent()).toContain('GDPR: not adequate');
    // The same routes as a table, the verdict in words.
    await expect.poll(() => page.locator('.routes-table tbody tr').count()).toBe(2);
    expect(await page.locator('.routes-table tr[data-route="CN>?"]').textContent()).toContain('Unlawful');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-world-map.png'), fullPage: true });
    expect(problems.list()).toEqual([]);
    await context.close();
  });

  it('fits a 390-px-wide phone', async () => {
    const viewer = await server.as(Role.VIEWER);
    const { context, page, problems } = await openConsole({ width: 390, height: 844 });
    await signIn(page, viewer.token as string);
    await expect.poll(() => page.locator('[data-kind="CONTROLLER"] dd').textContent()).toBe('1');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-phone.png'), fullPage: true });
    expect(problems.list()).toEqual([]);
    await context.close();
  });
});
