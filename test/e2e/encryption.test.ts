/**
 * Encryption at rest in the browser (issue 7 §1): the administrator is asked to print and confirm the recovery sheet;
 * on a PC that cannot open the data alone, the recovery key typed on the locked screen opens it; a backup and its
 * key file restore everything on a new PC.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { appPaths } from '../../src-main/app-paths';
import { createBackup, listBackups } from '../../db/backup';
import { openDatabase } from '../../db/client';
import { DEV_KEY_FILE } from '../../src-main/security/os-key-guard';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { LoginPage, SetupWizardPage } from './pages';
import { screenshotter } from './screenshots';

let browser: Browser;
let server: RunningWebServer | null = null;
let page: Page;
const shot = screenshotter(() => page);
// The story's state, from one step to the next.
const dataDir = tempDir('cedre-e2e-');
let keyText = '';
let backupPath = '';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await page?.close();
  await server?.close();
  await browser?.close();
});

async function serve(dataDir: string, env: Record<string, string | undefined> = {}) {
  server = await startWebServer({ dataDir, migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0, env });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  await page.goto(server.url);
}

/** The first-run wizard of a new installation: one ACI, its administrator Martine Durand. */
async function setUpChantier() {
  const wizard = new SetupWizardPage(page);
  await wizard.fillStructure({ nom: 'Chantier des Coteaux', siret: '520 000 015 00013', departement: '07', commune: 'Privas' });
  await wizard.next();
  await wizard.chooseDispositifs([/Atelier chantier/]);
  await wizard.next();
  await wizard.fillAdministrator({ name: 'Martine Durand', login: 'm.durand', password: 'un chêne solide' });
  await wizard.finish();
}

// One story, one step per `it`, each starting where the previous one left the installation.
describe('encryption at rest', () => {
  it('asks the administrator to print the recovery sheet and confirm it, refusing a key copied wrong', async () => {
    await serve(dataDir);
    await setUpChantier();

    // The banner until the sheet is confirmed; the modal shows the key and its PDF.
    await page.getByText('Clé de secours à imprimer').waitFor();
    await shot('chiffrement-01-bandeau');
    await page.getByRole('button', { name: 'Imprimer la feuille maintenant' }).click();
    keyText = (await page.getByLabel('Clé de secours', { exact: true }).textContent())!.trim();
    expect(keyText).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Télécharger la feuille/ }).click();
    expect((await download).suggestedFilename()).toBe('cle-de-secours-52000001500013.pdf');
    await shot('chiffrement-02-feuille');
    await page.getByLabel('Recopiez la clé depuis la feuille imprimée').fill(keyText.slice(0, -1) + (keyText.endsWith('0') ? '1' : '0'));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText(/semble mal recopiée/).waitFor();
    await page.getByLabel('Recopiez la clé depuis la feuille imprimée').fill(keyText);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Clé de secours à imprimer').waitFor({ state: 'detached' });
  });

  it('says in Paramètres → Sauvegardes how the data is protected, and takes a backup', async () => {
    await page.goto(`${server!.url}#/parametres/sauvegardes`);
    await page.getByRole('heading', { name: 'Chiffrement des données' }).waitFor();
    await page.getByText(/imprimée et vérifiée le/).waitFor();
    await page.getByText(/Mode développement/).waitFor();
    await shot('chiffrement-03-sauvegardes');
    await page.close();
    // The data worker takes the closing backup, as quitting the app does.
    await server!.closeWithBackup();
    backupPath = listBackups(appPaths(dataDir, MIGRATIONS).backupDir).find((b) => b.reason === 'fermeture')!.path;
  });

  it('keeps the same folder locked without its key file, until the recovery key is typed', async () => {
    rmSync(join(dataDir, DEV_KEY_FILE));
    await serve(dataDir, { CEDRE_RECOVERY_KEY: undefined });
    await page.getByRole('heading', { name: 'Données verrouillées' }).waitFor();
    await page.getByLabel('Clé de secours').fill('AAAAA-BBBBB');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByText(/compte 30 caractères/).waitFor();
    await shot('chiffrement-04-verrouille');
    await page.getByLabel('Clé de secours').fill(keyText.toLowerCase());
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await new LoginPage(page).logIn('m.durand', 'un chêne solide');
    await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
    await page.close();
    await server!.close();
  });

  it('restores the backup on a new PC from the wizard, with its key file and the recovery key', async () => {
    await serve(tempDir('cedre-e2e-'));
    await page.getByRole('button', { name: 'Reprendre une sauvegarde avec la clé de secours' }).click();
    await page.locator('input[type=file]').setInputFiles([
      { name: 'cedre-copie.sqlite', mimeType: 'application/octet-stream', buffer: readFileSync(backupPath) },
      { name: 'cedre-copie.sqlite.cle', mimeType: 'application/json', buffer: readFileSync(`${backupPath}.cle`) },
    ]);
    await page.getByLabel('Clé de secours').fill(keyText);
    await shot('chiffrement-05-nouveau-poste');
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await new LoginPage(page).logIn('m.durand', 'un chêne solide');
    await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
  });
});

describe('a recovery sheet printed, then the app restarted before it was confirmed', () => {
  it('offers to confirm the printed sheet after the restart, and the printed key is the one that confirms it', async () => {
    const dir = tempDir('cedre-e2e-');
    await serve(dir);
    await setUpChantier();
    await page.getByRole('button', { name: 'Imprimer la feuille maintenant' }).click();
    const printed = (await page.getByLabel('Clé de secours', { exact: true }).textContent())!.trim();
    // Closed « plus tard », then the app is closed before the key is typed back.
    await page.getByRole('button', { name: 'Plus tard' }).click();
    await page.close();
    await server!.close();

    await serve(dir);
    await new LoginPage(page).logIn('m.durand', 'un chêne solide');
    await page.getByText(/Si la feuille a été imprimée avant le dernier démarrage, confirmez-la/).waitFor();
    await shot('chiffrement-06-feuille-deja-imprimee');
    // Paramètres → Sauvegardes offers the same two ways.
    await page.goto(`${server!.url}#/parametres/sauvegardes`);
    await page.getByRole('heading', { name: 'Chiffrement des données' }).waitFor();
    // The banner's and the card's: the card reads the status once the page is shown, so wait for it.
    await page.getByRole('button', { name: 'J’ai déjà imprimé la feuille' }).nth(1).waitFor();
    await shot('chiffrement-06b-sauvegardes-feuille-deja-imprimee');
    await page.getByRole('button', { name: 'J’ai déjà imprimé la feuille' }).last().click();
    // Nothing new is shown: the key is typed from the paper.
    expect(await page.getByLabel('Clé de secours', { exact: true }).count()).toBe(0);
    await page.getByLabel('Recopiez la clé depuis la feuille imprimée').pressSequentially(printed.toLowerCase());
    await shot('chiffrement-07-confirmer-la-feuille');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Clé de secours à imprimer').waitFor({ state: 'detached' });
    await page.close();
    await server!.close();
  });
});

describe('a base made before encryption, opened in the browser (issue 18 §4)', () => {
  it('shows the encryption step by step while the page is already open, then the screen of the base', async () => {
    // A clear base holding years of attached procedures (60 MB), with two clear backups: seconds of encryption.
    const oldDir = tempDir('cedre-e2e-');
    const old = await openDatabase({ file: join(oldDir, 'cedre.sqlite'), migrationsFolder: MIGRATIONS, backupDir: join(oldDir, 'sauvegardes') });
    const at = '2024-06-01T09:00:00.000Z';
    old.sqlite.prepare('insert into documents_qualite (id, titre, version, approuve_le, approuve_par, contenu, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?, ?)').run('doc', 'Procédure d’accueil', '2024-06-01', 'Direction', '', at, at);
    const file = old.sqlite.prepare('insert into documents_qualite_fichiers (id, document_id, nom, type_mime, taille, contenu, created_at) values (?, ?, ?, ?, ?, ?, ?)');
    old.sqlite.transaction(() => {
      for (let i = 0; i < 30; i++) file.run(`f${i}`, 'doc', `scan-${i}.pdf`, 'application/pdf', 2_000_000, randomBytes(2_000_000), at);
    })();
    await createBackup(old.sqlite, join(oldDir, 'sauvegardes'), 'quotidienne', new Date('2026-02-01T10:00:00Z'));
    await createBackup(old.sqlite, join(oldDir, 'sauvegardes'), 'manuelle', new Date('2026-02-02T10:00:00Z'));
    old.sqlite.close();

    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    // The page is opened as soon as the server listens, as `npm run web` opens the browser, while the worker starts.
    const starting = startWebServer({ dataDir: oldDir, migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0, env: {}, onListening: (url) => void page.goto(url).catch(() => undefined) });
    await page.getByText('Préparation de vos données').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('status').textContent()).toMatch(/^Chiffrement des données : .* — \d sur \d étapes \(\d+\u00a0%\)$/);
    await shot('chiffrement-00-base-ancienne');
    server = await starting;
    // Once encrypted, the screen of this base: no structure yet, the wizard.
    await page.getByRole('heading', { name: 'Première configuration' }).waitFor();
    expect(await page.getByText('Préparation de vos données').count()).toBe(0);
  });
});
