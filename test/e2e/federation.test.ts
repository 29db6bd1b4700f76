/**
 * The federation's side in Debian's Chromium (issue 17 §3, §4): the federation drops its members' signed reports,
 * reads each member's status, the totals and their charts, downloads the signed repères; a member imports them with
 * the federation key's thumbprint, typed key by key, and sees its figures beside the network's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src-main/web-server';
import { TestApp, VALID_SETUP } from '../helpers/app';
import { launchChromium } from '../helpers/chromium';
import { EXEMPLE_2024, importFolder } from '../helpers/import';
import { resignedAs, validSiret } from '../helpers/signed-reports';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { seriousA11yProblems } from './accessibility';
import { LoginPage, typeInto } from './pages';
import { screenshotter } from './screenshots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** An installation prepared in-process (set up, the worked example imported), then served to the browser. */
async function installation(): Promise<{ dataDir: string; app: TestApp; admin: string }> {
  const dataDir = tempDir('cedre-e2e-');
  const app = await TestApp.start(dataDir);
  const admin = await app.setUp();
  await importFolder(app.runtime.openOrNull()!, EXEMPLE_2024);
  return { dataDir, app, admin };
}

async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await new LoginPage(page).logIn(VALID_SETUP.admin.login, VALID_SETUP.admin.password);
  await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
}

// What the federation signs, for the member's step (in a folder kept for the whole file).
let reperesFile: string;
let federationKid: string;
let shared: string;
beforeAll(() => {
  shared = tempDir();
});

describe('federation', () => {
  it('consolidates five members’ signed reports with their status and charts, and downloads signed repères', async () => {
    // The federation: five members registered, their reports signed by their own keys.
    const federation = await installation();
    const base = (await federation.app.runtime.openOrNull()!.reports.produce(2024, { id: null, name: 'Fédération' }, new Date('2026-03-02T09:00:00Z'))).zip;
    const sizes = [10, 15, 20, 25, 40];
    const members = await resignedAs(base, sizes.map((n, i) => ({ siret: validSiret(40 + i), nom: `Membre ${n}`, departement: i < 2 ? '07' : '26', indicateurs: { 'public.salaries_en_parcours': n } })));
    for (const [i, m] of members.entries()) await federation.app.call('federation.enregistrerMembre', { siret: m.siret, nom: `Membre ${sizes[i]}`, kid: m.kid, dateFiche: '2025-01-10' }, federation.admin);
    federationKid = (await federation.app.call('cles.list', {}, federation.admin)).find((k) => !k.retiredAt)!.kid;
    federation.app.close();
    const zips = members.map((m, i) => {
      const file = join(tempDir(), `rapport-membre-${i + 1}.zip`);
      writeFileSync(file, m.zip);
      return file;
    });

    const server = await startWebServer({ dataDir: federation.dataDir, migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
    const shot = screenshotter(() => page);
    try {
      await logIn(page, server.url);
      await page.getByRole('link', { name: 'Consolidation (fédération)' }).click();
      await page.locator('input[type=file]').setInputFiles(zips);
      await page.getByRole('button', { name: 'Consolider' }).click();
      await page.getByText('Année 2024').waitFor();
      expect(await page.getByRole('table').first().getByText('Reçu', { exact: true }).count()).toBe(5);
      await page.getByRole('figure', { name: 'Graphique : par département' }).locator('.recharts-bar-rectangle').first().waitFor();
      await shot('federation-consolidation');
      expect(await seriousA11yProblems(page)).toEqual([]);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Repères signés pour les membres' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('reperes-reseau-2024.json');
      reperesFile = join(shared, download.suggestedFilename());
      await download.saveAs(reperesFile);
    } finally {
      await page.close();
      await server.close();
    }
  }, 120_000);

  it('lets a member import the repères with the federation key’s thumbprint typed key by key, and compare itself', async () => {
    // A member: its own installation, the same worked example as its data.
    const member = await installation();
    member.app.close();
    const memberServer = await startWebServer({ dataDir: member.dataDir, migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
    const memberPage = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const shot = screenshotter(() => memberPage);
    try {
      await logIn(memberPage, memberServer.url);
      await memberPage.getByRole('link', { name: 'Indicateurs' }).click();
      await memberPage.getByRole('combobox', { name: 'Année' }).click();
      await memberPage.getByRole('option', { name: '2024' }).click();
      await memberPage.getByRole('tab', { name: 'Repères du réseau' }).click();
      const panel = memberPage.getByRole('region', { name: 'Repères du réseau' });
      await panel.locator('input[type=file]').setInputFiles(reperesFile);
      // A wrong thumbprint is refused, with the reason.
      await typeInto(panel.getByLabel('Empreinte de la clé de la fédération'), 'B'.repeat(43));
      await panel.getByRole('button', { name: 'Importer les repères' }).click();
      await panel.getByText(/pas par celle de votre fédération/).waitFor();
      await typeInto(panel.getByLabel('Empreinte de la clé de la fédération'), federationKid);
      await panel.getByRole('button', { name: 'Importer les repères' }).click();
      const table = panel.getByRole('table', { name: 'Vos chiffres et les repères du réseau' });
      await table.waitFor();
      const row = table.getByRole('row', { name: /Salariés en parcours/ });
      // The worked example has 4 salariés in 2024, below the network's first quartile (15).
      expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(/Salariés en parcours\s?4\s?15\s?20\s?25\s?Quart le plus bas/);
      await shot('federation-reperes-membre');
      expect(await seriousA11yProblems(memberPage)).toEqual([]);
    } finally {
      await memberPage.close();
      await memberServer.close();
    }
  }, 120_000);
});
