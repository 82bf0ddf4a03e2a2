import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, watchPage, type PageProblems } from '../../support/browser';
import { buildConsole, startConsoleServer, type ConsoleServer } from '../../support/console-server';

const SCREENSHOTS_ROOT = path.resolve(__dirname, '..', '..', '..', 'test-results');

/** A console page in a browser context of its own (its own sessionStorage), with what went wrong on it. */
export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Saves a screenshot of the whole page as test-results/<folder>/<name>.png. */
  screenshot: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** 1280x800 unless given. */
  viewport?: { width: number; height: number };
  /** The hash route to open, e.g. '#/findings?severity=HIGH'; the overview unless given. */
  route?: string;
  /** Signs in with this token once the page is open. */
  token?: string;
  /** HTTP errors the test provokes on purpose, not reported as problems. */
  expectedHttpErrors?: (request: Request, status: number) => boolean;
}

export interface ConsoleBrowser {
  /** The server (fresh database, ZKBio example loaded); `server.as(role)` makes a caller. */
  readonly server: ConsoleServer;
  readonly browser: Browser;
  open: (options?: OpenOptions) => Promise<ConsolePage>;
}

/**
 * Registers the file's beforeAll/afterAll: one console build, one server and one browser for the
 * whole test file; each `open()` is a fresh browser context, so no test depends on another's sign-in.
 * Screenshots go to test-results/<screenshotFolder>/.
 */
export function useConsoleBrowser(screenshotFolder: string): ConsoleBrowser {
  const screenshots = path.join(SCREENSHOTS_ROOT, screenshotFolder);
  let bundle: Awaited<ReturnType<typeof buildConsole>> | undefined;
  let server: ConsoleServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const browserStarting = launchChromium();
    bundle = await buildConsole();
    [server, browser] = await Promise.all([startConsoleServer(bundle.dir), browserStarting]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    bundle?.remove();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside a test`);
    return value;
  };

  return {
    get server() {
      return started(server, 'console server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(options: OpenOptions = {}): Promise<ConsolePage> {
      const origin = started(server, 'console server').origin;
      const context = await started(browser, 'browser').newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      const page = await context.newPage();
      const problems = watchPage(page, { expectedHttpErrors: options.expectedHttpErrors });
      await page.goto(`${origin}${options.route ?? ''}`);
      if (options.token !== undefined) await signIn(page, options.token);
      return {
        context,
        page,
        problems,
        screenshot: async (name) => {
          await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
        },
        close: () => context.close(),
      };
    },
  };
}

/** What a page shows once its requests are answered: polled, since the machine may be slow (vitest's default waits 1 s). */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/** Signs in on the sign-in form the console shows to a caller without a session. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The bodies of the GraphQL requests the page sends from now on (to check what the console never asks). */
export function recordGraphqlRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') sent.push(request.postData() ?? '');
  });
  return sent;
}
