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
import { useTestStack } from '../helpers/test-stack.ts';

let origin: string;

const { gateway } = useTestStack({
  gateway: {
    routes: (reader) => new Map([...createWebAppRoutes(), ...createExportRoutes(reader)]),
  },
});
beforeAll(async () => {
  origin = new URL(gateway.url).origin;
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
      await page.getByLabel('Navn, institutionsnummer, adresse eller postnummer').fill('hoejvang');
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
      // The unit and its parent may share a name: wait for the parent's own page, not the heading.
      await page.waitForURL((url) => url.hash.includes(parent.number));
      await page.getByRole('heading', { level: 1, name: parent.name }).waitFor();
      await page.locator('dl.facts', { hasText: 'Daginstitution' }).waitFor();
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

    it('the search box finds by address, accent-folded, in its suggestions and in the list', async () => {
      const known = await gateway.query<{
        institution: { name: string; address: { street: string; houseNumber: string } };
      }>(
        '{ institution(number: "G10662") { name ... on AssignmentUnit { address { street houseNumber } } } }',
      );
      const unit = known.data?.institution;
      if (unit === undefined) throw new Error('G10662 is not in the API');
      // Typed as people type on a keyboard without æ, ø, å: lower case, no accents.
      const typed = `${unit.address.street} ${unit.address.houseNumber}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/ø/g, 'o')
        .replace(/æ/g, 'ae');
      const { page, problems } = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.getByLabel('Navn, institutionsnummer, adresse eller postnummer').fill(typed);
      const suggestion = page
        .getByRole('region', { name: 'Forslag' })
        .getByRole('listitem')
        .filter({ hasText: `${unit.name} (G10662)` });
      await suggestion.waitFor();
      expect(await suggestion.textContent()).toContain(
        `Adresse: ${unit.address.street} ${unit.address.houseNumber}`,
      );
      await checkPage(page, 'soegning-forslag');

      await page.getByLabel('Søg i').selectOption({ label: 'Adresser' });
      await page.getByRole('button', { name: 'Søg', exact: true }).click();
      await page.getByRole('table').getByRole('link', { name: unit.name }).waitFor();
      expect(new URL(page.url()).hash).toContain('felt=adresse');
      await suggestion.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: unit.name }).waitFor();
      expect(problems).toEqual([]);
    });

    it('sorts the whole result on the server by name in Danish and pages on with its cursors', async () => {
      type Page_ = {
        assignmentUnits: { pageInfo: { endCursor: string }; edges: { node: { name: string } }[] };
      };
      const apiPage = async (direction: 'ASC' | 'DESC', after: string | null) => {
        const answer = await gateway.query<Page_>(
          `query($after: String) { assignmentUnits(first: 25, after: $after, filter: { municipalityCode: 101 },
             orderBy: { field: NAME, direction: ${direction} }) { pageInfo { endCursor } edges { node { name } } } }`,
          { after },
        );
        const connection = answer.data?.assignmentUnits;
        if (connection === undefined) throw new Error(JSON.stringify(answer.errors));
        return { names: connection.edges.map((e) => e.node.name), end: connection.pageInfo.endCursor };
      };
      const namesShown = () => page.locator('table.results tbody tr td:first-child a').allTextContents();

      const { page, problems } = await browser.newPage();
      await page.goto(`${origin}/#/?kommune=101`);
      await page.locator('table.results').waitFor();
      const byNumber = await namesShown();
      await page.getByRole('button', { name: 'Navn' }).click();
      const ascending = await apiPage('ASC', null);
      await expect.poll(namesShown).toEqual(ascending.names);
      // Not the first page by number sorted in the browser: the server's first 25 by name.
      expect([...byNumber].sort((a, b) => a.localeCompare(b, 'da'))).not.toEqual(ascending.names);
      expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Navn');

      await page.getByRole('button', { name: 'Næste side' }).click();
      const second = await apiPage('ASC', ascending.end);
      await expect.poll(namesShown).toEqual(second.names);
      await page.getByRole('button', { name: 'Forrige side' }).click();
      await expect.poll(namesShown).toEqual(ascending.names);

      await page.getByRole('button', { name: 'Navn' }).click();
      const descending = await apiPage('DESC', null);
      await expect.poll(namesShown).toEqual(descending.names);
      expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Navn');
      await checkPage(page, 'soegning-sorteret');
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
