import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type ConsoleMessage, type Page, type Request } from 'playwright-core';

/**
 * @sparticuz/chromium's flags are made for a serverless sandbox. These are dropped: the first three
 * would weaken what the tests check (the same-origin policy and the Content-Security-Policy), and
 * in a single process closing one browser context ends the whole browser.
 */
const DROPPED_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);

/** Chromium asks for nothing of its own (updates, sync, safe browsing): the machine has no network but loopback. */
const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];

/**
 * A headless Chromium from the npm package @sparticuz/chromium (`npm ci` brings it; nothing is
 * downloaded), driven by playwright-core.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  const args = [...chromium.args.filter((flag) => !DROPPED_FLAGS.has(flag)), ...QUIET_FLAGS];
  return playwright.launch({ executablePath, args, headless: true });
}

/** What went wrong on a page while a test used it: console errors, uncaught exceptions, failed requests and HTTP errors. */
export interface PageProblems {
  list(): string[];
  /** Drops what was seen so far (after a step that fails on purpose, such as a wrong token). */
  clear(): void;
}

export function watchPage(page: Page, options: { expectedHttpErrors?: (request: Request, status: number) => boolean } = {}): PageProblems {
  let problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the console cancels itself (a newer query replaced it) is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !options.expectedHttpErrors?.(response.request(), status)) problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`);
  });
  return {
    list: () => [...problems],
    clear: () => {
      problems = [];
    },
  };
}
