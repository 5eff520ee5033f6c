import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportRoutes } from '../../src/gateway/export/routes.ts';
import { WEB_APP_CSP } from '../../src/gateway/web-app/csp.ts';
import { createWebAppRoutes } from '../../src/gateway/web-app/routes.ts';
import {
  CHROMIUM,
  launchBrowser,
  runInBrowser,
  saveScreenshot,
  seriousViolations,
  type TestBrowser,
} from '../helpers/browser.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

let registry: TestRegistry;
let gateway: TestGateway;
let origin: string;

beforeAll(async () => {
  registry = await startTestRegistry();
  gateway = await startTestGateway(registry, {
    routes: (reader) => new Map([...createWebAppRoutes(), ...createExportRoutes(reader)]),
  });
  origin = new URL(gateway.url).origin;
});
afterAll(async () => {
  await gateway?.close();
  await registry?.close();
});

describe('the web app over HTTP', () => {
  it('is served at / under a CSP that allows only its own origin, its files from /assets/ for good', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(WEB_APP_CSP);
    expect(WEB_APP_CSP).toContain("script-src 'self';");
    expect(WEB_APP_CSP).toContain("style-src 'self';");
    expect(WEB_APP_CSP).not.toContain('unsafe');
    const html = await response.text();
    expect(html).toContain('<html lang="da">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>|<style>/);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const path of assets) {
      const asset = await fetch(`${origin}${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe.skipIf(!runInBrowser)(
  `the public look-up in headless Chromium${runInBrowser ? '' : ` (skipped: no ${CHROMIUM})`}`,
  () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const checkPage = async (page: Page, name: string) => {
      await saveScreenshot(page, name);
      expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    };

    it('search → detail → parent, with Unilogin reasons in Danish; every page passes axe', async () => {
      const expected = await gateway.query<{
        institution: { daycareInstitution: { number: string; name: string } };
      }>(
        '{ institution(number: "G10662") { ... on AssignmentUnit { daycareInstitution { number name } } } }',
      );
      const parent = expected.data?.institution.daycareInstitution;
      if (parent === undefined) throw new Error('G10662 has no parent in the API');

      const { page, requests, problems } = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.getByRole('heading', { level: 1, name: 'Søg i Dagtilbudsregisteret' }).waitFor();
      // Accent-folding as the API has it: "hoejvang" finds "Højvang".
      await page.getByLabel('Navn, institutionsnummer eller postnummer').fill('hoejvang');
      await page.getByLabel('Kommune').selectOption({ label: 'Aarhus' });
      await page.getByRole('button', { name: 'Søg', exact: true }).click();
      const hit = page.getByRole('link', { name: 'Den Private Børnehave Højvang' });
      await hit.waitFor();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toMatch(/^1 anvisningsenhed; side 1 af 1\.$/);
      await checkPage(page, 'soegning');

      await hit.click();
      await page.getByRole('heading', { level: 1, name: 'Den Private Børnehave Højvang' }).waitFor();
      const facts = await page.locator('dl.facts').textContent();
      expect(facts).toContain('G10662');
      expect(facts).toContain('33178522');
      expect(facts).toContain('Anvisningsenhed');
      expect(await page.getByText('Der kan oprettes Unilogin-brugere her.').count()).toBe(1);
      // Focus moved to the new view's heading (keyboard and screen reader users start there).
      expect(await page.locator('h1').evaluate((h1) => h1 === h1.ownerDocument.activeElement)).toBe(true);
      await checkPage(page, 'anvisningsenhed');

      await page.getByRole('link', { name: parent.name }).click();
      await page.getByRole('heading', { level: 1, name: parent.name }).waitFor();
      expect(await page.locator('dl.facts').textContent()).toContain('Daginstitution');
      expect(await page.getByRole('link', { name: 'Den Private Børnehave Højvang' }).count()).toBe(1);
      expect(
        await page
          .getByText('Det er en daginstitution. Unilogin-brugere oprettes på dens anvisningsenheder')
          .count(),
      ).toBe(1);
      await checkPage(page, 'daginstitution');

      // A unit without CVR: the reasons in plain Danish.
      await page.goto(`${origin}/#/institution/D10041`);
      await page.getByRole('heading', { level: 1, name: 'Bryggehuset' }).waitFor();
      expect(await page.getByText('Der er ikke registreret et CVR-nummer.').count()).toBe(1);
      expect(await page.getByText('Der er ikke registreret et P-nummer.').count()).toBe(1);

      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('units near a point, nearest first, and the export page; both pass axe', async () => {
      const { page, problems } = await browser.newPage();
      await page.goto(`${origin}/#/naer?bredde=55,6761&laengde=12,5683&radius=800`);
      await page.getByRole('heading', { level: 2, name: /anvisningsenheder inden for 800 m/ }).waitFor();
      const distances = await page.locator('table.results tbody tr td:first-child').allTextContents();
      expect(distances.length).toBeGreaterThan(0);
      const meters = distances.map((d) =>
        d.endsWith(' km') ? Number(d.slice(0, -3).replace(',', '.')) * 1000 : Number(d.slice(0, -2)),
      );
      expect(meters).toEqual([...meters].sort((a, b) => a - b));
      expect(meters.every((m) => m <= 800)).toBe(true);
      await checkPage(page, 'naer');

      await page.getByRole('link', { name: 'Eksport' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Eksport af registeret' }).waitFor();
      await page.getByLabel('Kommune').selectOption({ label: 'København' });
      const link = page.getByRole('link', { name: 'Anvisningsenheder (CSV)' });
      expect(await link.getAttribute('href')).toBe('/export/anvisningsenheder.csv?kommune=101');
      await checkPage(page, 'eksport');
      expect(problems).toEqual([]);
    });
  },
);
