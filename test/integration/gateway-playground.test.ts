import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../../src/gateway/playground/examples.ts';
import { createPlaygroundRoutes, PLAYGROUND_PATH } from '../../src/gateway/playground/routes.ts';
import { importCaller } from '../helpers/import-client.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;

const CHROMIUM = '/usr/bin/chromium';
// CI installs Debian's chromium (.ci/install-system-deps): there a missing browser fails the run.
const runInBrowser = existsSync(CHROMIUM) || process.env.CI !== undefined;

let origin: string;

const { registry, gateway } = useTestStack({ gateway: { routes: createPlaygroundRoutes() } });
beforeAll(async () => {
  origin = new URL(gateway.url).origin;
});

describe('the playground’s example operations, run against the real data', () => {
  const run = async (index: number): Promise<Rec> => {
    const example = PLAYGROUND_EXAMPLES[index];
    if (example === undefined) throw new Error(`No example ${index}`);
    const response = await gateway.query(example.query, JSON.parse(example.variables) as Rec);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response.data as Rec;
  };

  it('a municipality’s list: Aarhus’s anvisningsenheder, a page of 10', async () => {
    const { assignmentUnits } = (await run(0)) as {
      assignmentUnits: { totalCount: number; edges: { node: { number: string; name: string } }[] };
    };
    // data/register/anvisningsenhed.csv: 431 active units in kommune 751, G10662 the lowest number.
    expect(assignmentUnits.totalCount).toBe(431);
    expect(assignmentUnits.edges).toHaveLength(10);
    expect(assignmentUnits.edges[0]?.node).toMatchObject({
      number: 'G10662',
      name: 'Den Private Børnehave Højvang',
    });
  });

  it('institutions near a point: within the radius, nearest first', async () => {
    const { assignmentUnits } = (await run(1)) as {
      assignmentUnits: { totalCount: number; edges: { distanceMeters: number }[] };
    };
    const distances = assignmentUnits.edges.map((e) => e.distanceMeters);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 1000)).toBe(true);
  });

  it('live changes: the subscription tab is a valid subscription of the schema', async () => {
    const example = PLAYGROUND_EXAMPLES[3];
    expect(example?.query).toMatch(/^subscription InstitutionChanged/m);
    // Over HTTP a subscription is refused after validation (it is served over WebSocket only).
    const response = await gateway.query(example?.query ?? '', JSON.parse(example?.variables ?? '{}') as Rec);
    expect(response.errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('an eligibility check by number', async () => {
    expect(await run(2)).toMatchObject({
      institution: { number: 'G10662', unilogin: { eligible: true, reasons: [] } },
    });
  });
});

describe('the playground over HTTP', () => {
  it('serves the page with a CSP that allows only its own origin', async () => {
    const response = await fetch(`${origin}${PLAYGROUND_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>/);
  });

  it('serves the assets with their content types, for good, and only to GET and HEAD', async () => {
    const html = await (await fetch(`${origin}${PLAYGROUND_PATH}`)).text();
    const paths = [...html.matchAll(/(?:src|href)="(\/playground\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(6);
    // graphql-ws's browser client, imported by the page's script: its module and the chunk it imports.
    const ws = /data-graphql-ws="([^"]+)"/.exec(html)?.[1] ?? '';
    const client = await fetch(`${origin}${ws}`);
    expect(client.status).toBe(200);
    const chunk = /from '\.\/([\w.-]+\.js)'/.exec(await client.text())?.[1] ?? '';
    expect((await fetch(new URL(chunk, `${origin}${ws}`))).status).toBe(200);
    for (const path of paths) {
      const response = await fetch(`${origin}${path}`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(
        path?.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const post = await fetch(`${origin}${PLAYGROUND_PATH}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe.skipIf(!runInBrowser)(
  `the playground in headless Chromium${runInBrowser ? '' : ` (skipped: no ${CHROMIUM}; apt-get install chromium)`}`,
  () => {
    let profile: string;
    let context: BrowserContext | undefined;

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/install-system-deps`);
      profile = await mkdtemp(join(tmpdir(), 'playground-'));
      context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 800 },
      });
    });
    afterAll(async () => {
      await context?.close();
      if (profile !== undefined) await rm(profile, { recursive: true, force: true });
    });

    it('loads from the gateway alone, runs the first example and shows the register’s data', async () => {
      if (context === undefined) throw new Error('The browser did not start');
      const requests: string[] = [];
      const problems: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      // Chromium reports a CSP violation, and any failed load, as a console error.
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));

      await page.goto(`${origin}${PLAYGROUND_PATH}`);
      await page.locator('.graphiql-container').waitFor();
      expect(await page.locator('.graphiql-tab').count()).toBe(PLAYGROUND_EXAMPLES.length);
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window');
      await result.getByText('Den Private Børnehave Højvang').waitFor();
      expect(await result.textContent()).toContain('"totalCount": 431');
      // A dialog adds a <style> element at run time: the CSP must allow it (no console error below).
      await page.getByRole('button', { name: 'Open settings dialog' }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // The live-changes tab runs a subscription over WebSocket: a write straight over SOAP arrives.
      await page.locator('.graphiql-tab').nth(3).click();
      await page.locator('.graphiql-execute-button').click();
      // The tab's socket may still be connecting: write until a change arrives (a few tries).
      const admin = await importCaller(registry, 'admin');
      for (let attempt = 1; ; attempt++) {
        await admin.call('UpdateAnvisningsEnhed', {
          AnvisningsEnhed: { EnhedsNummer: 'G10662', Email: `legeplads${attempt}@example.dk` },
        });
        const arrived = await result
          .getByText('"UPDATED"')
          .waitFor({ timeout: 3000 })
          .then(
            () => true,
            () => false,
          );
        if (arrived) break;
        if (attempt === 5) throw new Error('no change arrived through the subscription tab');
      }
      expect(await result.textContent()).toContain('"number": "G10662"');
      await page.locator('.graphiql-execute-button').click();

      const screenshot = join(profile, 'playground.png');
      await page.screenshot({ path: screenshot });
      await mkdir('var', { recursive: true });
      await copyFile(screenshot, join('var', 'playground.png'));

      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      // The page's own requests: the page, its six files, graphql-ws's client and GraphQL.
      expect(requests).toContain(`${origin}/graphql`);
      expect(problems).toEqual([]);
    });
  },
);
