import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/** Debian's chromium (.ci/install-system-deps); nothing downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run: with the browser, or in CI, where a missing one must fail. */
export const runInBrowser = existsSync(CHROMIUM) || process.env.CI !== undefined;

/** Where the tests save a screenshot of every page they visit (gitignored). */
export const SCREENSHOT_DIR = join('var', 'screenshots');

/** One headless Chromium for a test file (Playwright gives it a throwaway profile); close it in afterAll. */
export interface TestBrowser {
  browser: Browser;
  /**
   * A page in a fresh context that records every request URL and every console error, page error
   * and CSP violation (Chromium reports those as console errors).
   */
  newPage(): Promise<{ page: Page; requests: string[]; problems: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/install-system-deps`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
      const page = await context.newPage();
      // Well under the test's own timeout, so that a wait that fails names what it waited for.
      page.setDefaultTimeout(10_000);
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // When the test fails, the page as it was then, and what it logged (called inside a test).
      onTestFailed(async ({ task }) => {
        const name = `failed-${task.name.slice(0, 40).replace(/[^\w-]+/g, '-')}`;
        await saveScreenshot(page, name);
        await writeFile(join(SCREENSHOT_DIR, `${name}.log`), [page.url(), ...problems].join('\n'));
      });
      return { page, requests, problems };
    },
    async close() {
      await browser.close();
    },
  };
}

/** axe-core's violations of impact serious or critical on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot as var/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
