/**
 * Every screen of the menu, a person's file with each tab, and the dialogs, checked with axe-core: no violation of
 * impact serious or critical (issue 14 §9). Run on the demo as the direction, who sees every screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { seriousA11yProblems } from './accessibility';
import { openDemoAs } from './pages';

let browser: Browser;
let server: RunningWebServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  // axe is injected as a script: the page's strict CSP (script-src 'self') is bypassed for this test only.
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1366, height: 768 }, bypassCSP: true });
  await openDemoAs(page, server.url, 'direction');
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(where: string) {
  // Let lists and charts finish loading before the check.
  await page.waitForLoadState('networkidle');
  // …and dialogs finish fading in (mid-transition colours are not the real ones).
  await page.waitForTimeout(400);
  const problems = await seriousA11yProblems(page);
  expect(problems, `${where} : ${JSON.stringify(problems, null, 1)}`).toEqual([]);
}

describe('accessibility (axe-core, serious and critical)', () => {
  it('every screen of the menu', async () => {
    const links = await page.getByRole('navigation').getByRole('link').all();
    const targets = await Promise.all(links.map(async (l) => ({ name: (await l.textContent())!.trim(), href: (await l.getAttribute('href'))! })));
    expect(targets.length).toBeGreaterThan(15);
    for (const t of targets) {
      await page.goto(`${server.url}${t.href}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await expectAccessible(t.name);
    }
  }, 180_000);

  it('a person file, each of its tabs, and the dialogs', async () => {
    await page.goto(`${server.url}#/accueil`);
    const first = page.getByTestId('liste-personnes').locator('tr').first();
    await first.click();
    await page.getByRole('tab').first().waitFor();
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await expectAccessible(`onglet ${await tab.textContent()}`);
    }
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Rechercher' }).waitFor();
    await expectAccessible('recherche Ctrl+K');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await page.getByRole('button', { name: 'Ajouter un frein' }).click();
    await page.getByRole('dialog').last().waitFor();
    await expectAccessible('fenêtre « Ajouter un frein »');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('the dialogs that ask: a count’s persons, signing the report, leaving unsaved hours, a new partner', async () => {
    await page.goto(`${server.url}#/observatoire`);
    await page.getByRole('button', { name: / — voir les personnes : / }).first().click();
    await page.getByRole('table', { name: 'Personnes concernées' }).waitFor();
    await expectAccessible('personnes derrière un chiffre');
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}#/observatoire/rapport`);
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    await page.getByRole('button', { name: 'Signer et télécharger le rapport' }).click();
    await page.getByRole('dialog', { name: /^Signer le rapport/ }).waitFor();
    await expectAccessible('confirmation de la signature');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

    await page.goto(`${server.url}#/heures`);
    const hours = page.getByRole('textbox', { name: /^Heures de / }).first();
    await hours.click();
    await hours.pressSequentially('7');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('dialog', { name: 'Modifications non enregistrées' }).waitFor();
    await expectAccessible('modifications non enregistrées');
    await page.getByRole('button', { name: 'Quitter sans enregistrer' }).click();

    await page.goto(`${server.url}#/partenaires`);
    await page.getByRole('button', { name: 'Nouveau partenaire' }).click();
    await page.getByRole('dialog', { name: 'Nouveau partenaire' }).waitFor();
    await expectAccessible('fenêtre « Nouveau partenaire »');
    await page.keyboard.press('Escape');
  }, 120_000);
});
