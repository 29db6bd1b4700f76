/**
 * The observatoire and the import, in Debian's Chromium against browser mode: a newcomer opens the demo from the
 * first-run wizard, reads the indicators and the persons behind a count, signs the annual report, checks the file
 * on the verification screen; a direction imports a workbook after checking it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { EXEMPLE_2024 } from '../helpers/import';
import { MIGRATIONS, REPO_ROOT, RENDERER_DIR, tempDir } from '../helpers/temp';
import { AppShellPage, LoginPage, SetupWizardPage } from './pages';
import { screenshotter } from './screenshots';

/** Screenshot names carry the story's name. */
const prefixed = (shoot: (name: string) => Promise<void>, prefix: string) => (name: string) => shoot(`${prefix}-${name}`);

let browser: Browser;
let server: RunningWebServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

beforeEach(async () => {
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});
afterEach(async () => {
  await page?.close();
  await server?.close();
});

describe('observatoire', () => {
  it('opens the demo, drills into a count, signs the report and verifies the downloaded file', async () => {
    const shot = prefixed(screenshotter(() => page), 'observatoire');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Découvrir avec la démonstration' }).click();
    await page.getByText('Structure de démonstration').waitFor({ timeout: 30_000 });
    await shot('connexion-demo');
    await new LoginPage(page).logIn('direction', 'demonstration');
    await page.getByRole('link', { name: 'Indicateurs' }).click();
    await page.getByText('Salariés, entrées et sorties sur trois ans').waitFor();
    await shot('indicateurs');

    // Each tab's figures are computed when it opens, for the three years (issue 19): every column is filled.
    await page.getByRole('tab', { name: 'Accompagnement' }).click();
    const accompagnement = page.getByRole('table', { name: 'Accompagnement' });
    await accompagnement.waitFor();
    const cells = await accompagnement.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(1).every((v) => /\d/.test(v)), cells.join(' | ')).toBe(true);
    await shot('onglet-accompagnement');
    await page.getByRole('tab', { name: 'Repères du réseau' }).click();
    await page.getByText(/Votre fédération peut vous envoyer les repères/).waitFor();
    // Another year: its cards, charts and open tab; the columns follow it.
    const yearField = page.getByLabel('Année').and(page.locator('input'));
    const year = Number(await yearField.inputValue());
    await yearField.click();
    await page.getByRole('option', { name: String(year - 1) }).click();
    await page.getByText(`${year - 2} : `).first().waitFor();
    await page.getByRole('tab', { name: 'Sorties' }).click();
    await page.getByRole('table', { name: 'Sorties' }).getByRole('columnheader', { name: String(year - 3) }).waitFor();
    await shot('autre-annee');
    await page.getByRole('tab', { name: 'Sorties' }).click();
    const count = await page.getByRole('button', { name: /^\d+ — voir les personnes : Sorties constatées$/ }).textContent();
    await page.getByRole('button', { name: /^\d+ — voir les personnes : Sorties constatées$/ }).click();
    const rows = page.getByRole('table', { name: 'Personnes concernées' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Number(count));
    const listedName = (await rows.first().locator('td').first().textContent())!.trim().split(' ')[0]!;
    await shot('personnes-derriere-un-chiffre');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Rapport annuel' }).click();
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    await page.getByText(/indicateurs, dont/).waitFor();
    await shot('rapport-apercu');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Signer et télécharger le rapport' }).click();
    // What will be signed is shown first: the year, the key, the main figures.
    const confirm = page.getByRole('dialog', { name: /^Signer le rapport \d{4} \?$/ });
    await confirm.getByText(/^(Clé de signature : |Une clé de signature sera créée)/).waitFor();
    await confirm.getByText(/^Salariés en parcours : \d/).waitFor();
    await shot('rapport-confirmation');
    await confirm.getByRole('button', { name: 'Signer le rapport' }).click();
    // The worker's steps while the PDF is laid out (issue 18 §4), with « Annuler » until the signature.
    await page.getByRole('status').getByText(/^Mise en page du rapport PDF/).waitFor();
    await shot('rapport-progression');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^rapport-99900001500019-\d{4}\.zip$/);
    const zipPath = join(tempDir(), download.suggestedFilename());
    await download.saveAs(zipPath);
    await page.getByRole('table', { name: 'Rapports produits' }).getByText('Intact').waitFor();

    await page.getByRole('link', { name: 'Vérifier un rapport' }).click();
    await page.locator('input[type=file]').setInputFiles(zipPath);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    // Without the thumbprint of the registration sheet: intact, but the key is not verified (issue 20 §4).
    await page.getByText('Intègre, mais clé non vérifiée').waitFor();
    await shot('verification');

    // After logout, the renderer keeps nothing of what it showed: no names, no tokens in its storage.
    await new AppShellPage(page).openUserMenuItem('Se déconnecter');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/jeton|token|session|personne/i);
    expect(stored.toUpperCase()).not.toContain(listedName.toUpperCase());
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('import', () => {
  it('checks a workbook, lists what will be created, then imports it', async () => {
    const shot = prefixed(screenshotter(() => page), 'import');
    await page.goto(server.url);
    const wizard = new SetupWizardPage(page);
    await wizard.fillStructure({ nom: 'Chantier des Coteaux', siret: '520 000 015 00013', departement: '07' });
    await wizard.next();
    await wizard.chooseDispositifs([/Association intermédiaire/, /Atelier chantier/]);
    await wizard.next();
    await wizard.fillAdministrator({ name: 'Martine Durand', login: 'm.durand', password: 'un chêne solide' });
    await wizard.finish();
    await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
    await page.getByRole('link', { name: 'Import et export' }).click();

    const files = readdirSync(EXEMPLE_2024).filter((f) => f.endsWith('.csv')).map((f) => join(EXEMPLE_2024, f));
    const broken = join(tempDir(), 'sorties.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, readFileSync(join(EXEMPLE_2024, 'sorties.csv'), 'utf8').replace('E4;2024-07-15;7', 'E4;15/13/2024;7'));
    await page.locator('input[type=file]').setInputFiles([...files.filter((f) => !f.endsWith('sorties.csv')), broken]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('1 erreur : rien n’a été enregistré').waitFor();
    await page.getByRole('table', { name: 'Erreurs' }).getByText('« 15/13/2024 » n’est pas une date (JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ).').waitFor();
    await shot('erreurs');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);

    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('Le fichier est correct : voici ce que l’import fera').waitFor();
    await shot('apercu');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Import terminé', { exact: true }).waitFor();

    // A large file: the worker's rows are shown as they are written, and « Annuler » rolls it all back (issue 18 §4).
    const big = join(tempDir(), 'personnes.csv');
    writeFileSync(big, ['ref;civilite;nom;prenom;date_naissance', ...Array.from({ length: 40_000 }, (_, i) => `GROS-${i};MME;Volumineux${i};Ana;12/03/1985`)].join('\n'));
    await page.locator('input[type=file]').setInputFiles(big);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const progress = page.getByRole('status');
    await progress.getByText(/^Écriture des lignes — [1-9][\d\u00a0]* sur 40\u00a0000 lignes \(\d+\u00a0%\)$/).waitFor({ timeout: 30_000 });
    await shot('progression');
    await progress.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('Opération annulée à votre demande : rien n’a été enregistré.').waitFor({ timeout: 30_000 });
    await shot('annule');

    // The export of Les emplois de l'inclusion, as downloaded, on the same screen (issue 16 §2).
    await page.locator('input[type=file]').setInputFiles(join(REPO_ROOT, 'test', 'fixtures', 'files', 'lei-candidatures.xlsx'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('Le fichier est correct : voici ce que l’import fera').waitFor();
    await page.getByRole('table', { name: 'Avertissements' }).getByText(/^Export des emplois de l’inclusion reconnu/).waitFor();
    await page.getByRole('table', { name: 'Avertissements' }).getByText(/^Ligne laissée : identité masquée/).waitFor();
    await shot('lei-apercu');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Import terminé', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Personnes accueillies' }).click();
    await page.getByText('Arnaud').first().waitFor();
    await page.getByText('Lefèvre').first().waitFor();
    expect(await page.getByText(/Volumineux/).count()).toBe(0);
  }, 90_000);
});
