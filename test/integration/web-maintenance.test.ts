import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportRoutes } from '../../src/gateway/export/routes.ts';
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
let browser: TestBrowser;

const { registry, gateway } = useTestStack({
  gateway: {
    routes: (reader) => new Map([...createWebAppRoutes(), ...createExportRoutes(reader)]),
  },
});
beforeAll(async () => {
  origin = new URL(gateway.url).origin;
  if (runInBrowser) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const checkPage = async (page: Page, name: string) => {
  await saveScreenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
};

/** Opens the maintenance page and signs in (demo identities: password = user name). */
async function signIn(user: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const opened = await browser.newPage();
  const { page } = opened;
  await page.goto(`${origin}/#/vedligehold`);
  await page.getByLabel('Brugernavn').fill(user);
  await page.getByLabel('Adgangskode').fill(user);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByText(`Logget ind som ${user}`).waitFor();
  return opened;
}

async function unitOf(number: string) {
  const answer = await gateway.query<{
    institution: { status: string; email: string | null; daycareInstitution: { number: string } };
  }>(
    'query ($n: InstitutionNumber!) { institution(number: $n) { status ... on AssignmentUnit { email daycareInstitution { number } } } }',
    { n: number },
  );
  return answer.data?.institution;
}

describe.skipIf(!runInBrowser)(
  `maintenance in headless Chromium${runInBrowser ? '' : ` (skipped: no ${CHROMIUM})`}`,
  () => {
    it('kommune-101 creates with a unit, sees a field error in the register’s Danish, corrects, saves, edits, moves and closes a unit', async () => {
      const { page, problems, requests } = await browser.newPage();
      // Credentials go with writes only: record which requests carry them.
      const withCredentials: string[] = [];
      page.on('request', (request) => {
        if (request.headers().authorization !== undefined) withCredentials.push(request.postData() ?? '');
      });
      await page.goto(`${origin}/#/vedligehold`);
      await page.getByRole('heading', { level: 2, name: 'Log ind' }).waitFor();
      await checkPage(page, 'log-ind');
      await page.getByLabel('Brugernavn').fill('kommune-101');
      await page.getByLabel('Adgangskode').fill('kommune-101');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('heading', { level: 2, name: /daginstitutioner, du må ændre/ }).waitFor();
      expect(await page.locator('ul.own-list li').first().textContent()).toMatch(/København/);
      expect(await page.locator('ul.own-list').textContent()).not.toContain('Privat');
      await checkPage(page, 'vedligehold-oversigt');

      await page.getByRole('link', { name: /Opret en daginstitution/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Opret daginstitution' }).waitFor();
      await page.locator('#opret-name').fill('Børnehuset Æblehaven');
      await page.locator('#opret-legalBasisCode').selectOption('1');
      await page.locator('#opret-firstUnit-name').fill('Æblehaven');
      await page.locator('#opret-firstUnit-institutionTypeCode').selectOption('6012');
      await page.locator('#opret-firstUnit-address-street').fill('Tyborøn Allé');
      await page.locator('#opret-firstUnit-address-houseNumber').fill('47');
      await page.locator('#opret-firstUnit-address-postalCode').fill('9999');
      await page.locator('#opret-firstUnit-address-city').fill('Vanløse');
      await page.locator('#opret-firstUnit-address-municipalityCode').selectOption('101');
      // A format the API refuses is said when the field is left, before anything is sent.
      await page.locator('#opret-firstUnit-pNumber').fill('47748');
      await page.keyboard.press('Tab');
      expect(await page.locator('#opret-firstUnit-pNumber-fejl').textContent()).toBe(
        'P-nummeret skal være 10 cifre.',
      );
      await page.locator('#opret-firstUnit-pNumber').fill('4774805696');
      await page.keyboard.press('Tab');
      expect(await page.locator('#opret-firstUnit-pNumber-fejl').count()).toBe(0);
      // The register's rules, by a dry run when a field is left: the error is at its field before
      // anything is saved, and nothing was written.
      const postalCode = page.locator('#opret-firstUnit-address-postalCode');
      const before = registry.store.changeSequence();
      await postalCode.focus();
      await page.keyboard.press('Tab');
      await page.locator('#opret-firstUnit-address-postalCode-fejl').waitFor();
      expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
      expect(registry.store.changeSequence()).toBe(before);
      await checkPage(page, 'opret-toerloeb');

      await page.getByRole('button', { name: 'Opret', exact: true }).click();
      await page.locator('#opret-firstUnit-address-postalCode-fejl').waitFor();
      expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
      // The register's own Danish text, as the API gives it for the same input.
      const same = await gateway.query<{
        createDaycareInstitution: { userErrors: { field: string[]; message: string }[] };
      }>(
        `mutation { createDaycareInstitution(input: { name: "Børnehuset Æblehaven", ownershipCode: 1, legalBasisCode: 1, municipalityCode: "101",
          firstUnit: { name: "Æblehaven", institutionTypeCode: 6012, pNumber: "4774805696",
          address: { street: "Tyborøn Allé", houseNumber: "47", postalCode: "9999", city: "Vanløse", municipalityCode: "101" } } })
          { userErrors { field message } } }`,
        {},
        { user: 'kommune-101' },
      );
      const registerError = same.data?.createDaycareInstitution.userErrors.find(
        (e) => e.field.join('.') === 'input.firstUnit.address.postalCode',
      );
      expect(registerError?.message).toBeTruthy();
      expect(await page.locator('#opret-firstUnit-address-postalCode-fejl').textContent()).toBe(
        registerError?.message,
      );
      await checkPage(page, 'opret-fejl');

      await postalCode.fill('2720');
      await page.getByRole('button', { name: 'Opret', exact: true }).click();
      await page.getByText('Daginstitutionen og dens første anvisningsenhed er oprettet.').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Børnehuset Æblehaven' }).waitFor();
      const daycareNumber = /#\/vedligehold\/([A-Z]\d{5})/.exec(page.url())?.[1];
      const firstUnit = (await page.locator('article h3').first().textContent())?.match(
        /\(([A-Z]\d{5})\)/,
      )?.[1];
      if (daycareNumber === undefined || firstUnit === undefined)
        throw new Error(`no numbers in ${page.url()}`);

      // Edit the first unit.
      await page.getByText('Redigér Æblehaven').click();
      // The edit form too is checked by a dry run when a field is left, and nothing is saved.
      const editPostalCode = page.locator(`#enhed-${firstUnit}-address-postalCode`);
      const beforeEdit = registry.store.changeSequence();
      await editPostalCode.fill('9999');
      await page.keyboard.press('Tab');
      await page.locator(`#enhed-${firstUnit}-address-postalCode-fejl`).waitFor();
      expect(registry.store.changeSequence()).toBe(beforeEdit);
      await editPostalCode.fill('2720');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator(`#enhed-${firstUnit}-address-postalCode-fejl`).count()).toBe(0);
      await page.locator(`#enhed-${firstUnit}-email`).fill('ny@kk.dk');
      await page.getByRole('button', { name: 'Gem anvisningsenhed' }).click();
      await page.getByText(`Anvisningsenheden ${firstUnit} er gemt.`).waitFor();
      expect((await unitOf(firstUnit))?.email).toBe('ny@kk.dk');

      // An alternative adresse under the first unit, then closed again (a unit closes only without active ones).
      await page.getByText('Alternative adresser under Æblehaven', { exact: true }).click();
      await page.getByText('Ingen alternative adresser.').waitFor();
      const prefix = `#enhed-${firstUnit}-ny-adresse-alternativeAddress`;
      await page.locator(`${prefix}-name`).fill('Æblehaven Skovgruppe');
      await page.locator(`${prefix}-address-street`).fill('Nansensgade');
      await page.locator(`${prefix}-address-houseNumber`).fill('46');
      await page.locator(`${prefix}-address-postalCode`).fill('1366');
      await page.locator(`${prefix}-address-city`).fill('København K');
      await page.locator(`${prefix}-address-municipalityCode`).selectOption('101');
      await page.locator(`${prefix}-pNumber`).fill('5215453761');
      await page.getByRole('button', { name: 'Opret alternativ adresse' }).click();
      const addressCreated = page.getByText(/Den alternative adresse G\d{5} er oprettet\./);
      await addressCreated.waitFor();
      const addressNumber = (await addressCreated.textContent())?.match(/G\d{5}/)?.[0];
      await page.getByRole('button', { name: 'Nedlæg Æblehaven Skovgruppe …' }).click();
      await page
        .getByRole('dialog', { name: 'Nedlæg Æblehaven Skovgruppe?' })
        .getByRole('button', { name: 'Nedlæg den alternative adresse' })
        .click();
      await page.getByText(`Den alternative adresse ${addressNumber} er nedlagt.`).waitFor();
      expect((await unitOf(addressNumber ?? ''))?.status).toBe('CLOSED');

      // A second unit, then move it to København's G29215 (with confirmation).
      const add = page.getByRole('form', { name: 'Tilføj anvisningsenhed' });
      await add.locator('#ny-enhed-unit-name').fill('Æblehaven Nord');
      await add.locator('#ny-enhed-unit-institutionTypeCode').selectOption('6010');
      await add.locator('#ny-enhed-unit-address-street').fill('Tyborøn Allé');
      await add.locator('#ny-enhed-unit-address-houseNumber').fill('47');
      await add.locator('#ny-enhed-unit-address-postalCode').fill('2720');
      await add.locator('#ny-enhed-unit-address-city').fill('Vanløse');
      await add.locator('#ny-enhed-unit-address-municipalityCode').selectOption('101');
      await add.locator('#ny-enhed-unit-pNumber').fill('8676166552');
      await add.getByRole('button', { name: 'Opret anvisningsenhed' }).click();
      const created = page.getByText(/Anvisningsenheden G\d{5} er oprettet\./);
      await created.waitFor();
      const secondUnit = (await created.textContent())?.match(/G\d{5}/)?.[0];
      if (secondUnit === undefined) throw new Error('no second unit');
      await page.locator(`#enhed-${secondUnit}-toDaycareInstitutionNumber`).selectOption('G29215');
      await page
        .getByRole('form', { name: 'Flyt Æblehaven Nord' })
        .getByRole('button', { name: 'Flyt …' })
        .click();
      const moveDialog = page.getByRole('dialog', { name: `Flyt Æblehaven Nord til G29215?` });
      await moveDialog.waitFor();
      expect(await moveDialog.textContent()).toContain('Begge daginstitutioner skal være dine');
      await checkPage(page, 'flyt-bekraeft');
      await moveDialog.getByRole('button', { name: 'Flyt anvisningsenheden' }).click();
      await page.getByText(`Anvisningsenheden ${secondUnit} er flyttet til G29215.`).waitFor();
      expect((await unitOf(secondUnit))?.daycareInstitution.number).toBe('G29215');

      // Close the first unit: the dialog says what follows.
      await page.getByRole('button', { name: 'Nedlæg Æblehaven …' }).click();
      const closeDialog = page.getByRole('dialog', { name: 'Nedlæg Æblehaven?' });
      expect(await closeDialog.textContent()).toContain('kan ikke ændres igen');
      await closeDialog.getByRole('button', { name: 'Nedlæg anvisningsenheden' }).click();
      await page.getByText(`Anvisningsenheden ${firstUnit} er nedlagt.`).waitFor();
      expect((await unitOf(firstUnit))?.status).toBe('CLOSED');
      await checkPage(page, 'vedligehold-daginstitution');

      // The public look-up shows the saved changes at once.
      await page.getByRole('link', { name: 'Offentlig side' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Børnehuset Æblehaven' }).waitFor();
      await page.getByRole('link', { name: 'Æblehaven', exact: true }).click();
      // Exact: "Børnehuset Æblehaven", the page just left, would match too and be read in its place.
      await page.getByRole('heading', { level: 1, name: 'Æblehaven', exact: true }).waitFor();
      const facts = await page.locator('dl.facts').textContent();
      expect(facts).toContain('Nedlagt');
      expect(facts).toContain('ny@kk.dk');

      expect(withCredentials.length).toBeGreaterThanOrEqual(6);
      expect(withCredentials.every((body) => body.includes('"query":"mutation'))).toBe(true);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('reader sees no edit controls; privat-33178522 sees only its own institutions as editable', async () => {
      const reader = await signIn('reader');
      await reader.page.getByText('Der er ingen daginstitutioner, du må ændre.').waitFor();
      await reader.page.goto(`${origin}/#/vedligehold/G29215`);
      await reader.page.getByRole('heading', { level: 1, name: /Dagtilbud København/ }).waitFor();
      expect(await reader.page.getByText('Du må ikke ændre denne daginstitution').count()).toBe(1);
      expect(await reader.page.getByRole('button', { name: /Gem|Nedlæg|Flyt|Opret/ }).count()).toBe(0);
      expect(await reader.page.locator('form input, form select').count()).toBe(0);
      await reader.page.goto(`${origin}/#/institution/G10432`);
      await reader.page.getByRole('heading', { level: 1 }).filter({ hasText: 'Thyborøn' }).waitFor();
      expect(await reader.page.getByRole('link', { name: 'Ændr i vedligehold' }).count()).toBe(0);

      const owner = await signIn('privat-33178522');
      await owner.page.getByRole('heading', { level: 2, name: /daginstitutioner, du må ændre/ }).waitFor();
      const listed = (await owner.page.locator('ul.own-list li').allTextContents()).map(
        (t) => /\((G\d{5}),/.exec(t)?.[1],
      );
      const api = await gateway.query<{ daycareInstitutions: { edges: { node: { number: string } }[] } }>(
        '{ daycareInstitutions(first: 500, filter: { ownerCvrNumber: "33178522", ownershipCodes: [3], status: [ACTIVE, CLOSED] }) { edges { node { number } } } }',
      );
      expect(listed).toEqual(api.data?.daycareInstitutions.edges.map((e) => e.node.number));
      expect(listed).toContain('G30306');
      await checkPage(owner.page, 'vedligehold-privat');

      await owner.page.goto(`${origin}/#/vedligehold/G30306`);
      await owner.page.getByRole('button', { name: 'Gem daginstitution' }).waitFor();
      await owner.page.goto(`${origin}/#/vedligehold/G29215`);
      await owner.page.getByText('Du må ikke ændre denne daginstitution').waitFor();
      expect(await owner.page.getByRole('button', { name: /Gem|Nedlæg|Flyt/ }).count()).toBe(0);

      await owner.page.goto(`${origin}/#/institution/G10662`);
      await owner.page.getByRole('link', { name: 'Ændr i vedligehold' }).waitFor();
      await owner.page.goto(`${origin}/#/institution/G10432`);
      await owner.page.getByRole('heading', { level: 1 }).filter({ hasText: 'Thyborøn' }).waitFor();
      expect(await owner.page.getByRole('link', { name: 'Ændr i vedligehold' }).count()).toBe(0);
      expect([...reader.problems, ...owner.problems]).toEqual([]);
    });
  },
);
