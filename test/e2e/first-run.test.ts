/**
 * A structure's first day, in Debian's Chromium against browser mode: the wizard from an empty data folder, logout,
 * a wrong password, login.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { AppShellPage, LoginPage, SetupWizardPage } from './pages';

let browser: Browser;
let server: RunningWebServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

beforeEach(async () => {
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
});
afterEach(async () => {
  await page?.close();
  await server?.close();
});

describe('first run', () => {
  it('sets a structure up from an empty folder, then logs out, refuses a wrong password and logs in', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);

    const wizard = new SetupWizardPage(page);
    await wizard.fillStructure({ nom: 'Chantier des Coteaux', siret: '520 000 015 00014', departement: '07', commune: 'Privas' });
    await wizard.next();
    await page.getByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres.").waitFor();
    await page.getByLabel(/SIRET/).fill('520 000 015 00013');
    await wizard.next();
    await wizard.chooseDispositifs([/Association intermédiaire/, /Atelier chantier/]);
    await wizard.next();
    await wizard.fillAdministrator({ name: 'Martine Durand', login: 'm.durand', password: 'un chêne solide' });
    await wizard.finish();

    const shell = new AppShellPage(page);
    await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
    await page.getByText('SIRET 520 000 015 00013').waitFor();
    await page.getByText('AI · Association intermédiaire').waitFor();
    await page.getByText("ACI · Atelier chantier d'insertion").waitFor();

    await shell.openUserMenuItem('Se déconnecter');
    const login = new LoginPage(page);
    await login.logIn('m.durand', 'pas le bon');
    await expect.poll(() => login.alert().textContent()).toBe('Identifiant ou mot de passe incorrect.');
    expect(await page.getByLabel(/^Mot de passe/).inputValue()).toBe('');

    await login.logIn('m.durand', 'un chêne solide');
    await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a new team member sets their own password at first login, and sees no account screens', async () => {
    await page.goto(server.url);
    const wizard = new SetupWizardPage(page);
    await wizard.fillStructure({ nom: 'Relais Emploi', siret: '52000001500013', departement: '2A' });
    await wizard.next();
    await wizard.chooseDispositifs([/Entreprise d'insertion \(EI\)/]);
    await wizard.next();
    await wizard.fillAdministrator({ name: 'Martine Durand', login: 'm.durand', password: 'un chêne solide' });
    await wizard.finish();

    const shell = new AppShellPage(page);
    await shell.navigateTo('Comptes utilisateurs');
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Prénom et nom/).fill('Samir Benali');
    await dialog.getByLabel(/Identifiant de connexion/).fill('s.benali');
    await dialog.getByLabel(/Mot de passe temporaire/).fill('temporaire-123');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByRole('cell', { name: 's.benali' }).waitFor();
    await shell.openUserMenuItem('Se déconnecter');

    await new LoginPage(page).logIn('s.benali', 'temporaire-123');
    await page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor();
    await page.getByLabel(/Mot de passe temporaire/).fill('temporaire-123');
    await page.getByLabel(/^Nouveau mot de passe/).fill('mon propre secret');
    await page.getByLabel(/Confirmation du nouveau mot de passe/).fill('mon propre secret');
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Samir' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Tableau de bord', 'Personnes accueillies', 'Nouvel accueil', 'Heures du mois', 'État mensuel (ASP)', 'Clients (AI, ETTI)', 'Partenaires', 'Indicateurs', 'Qualité', 'Auto-évaluation CEDRE', 'Démarche qualité', 'Questionnaires', 'Vérifier un rapport']);
  });

  it('without the launch token, explains how to open the app and shows nothing else', async () => {
    await page.goto(server.origin + '/');
    await page.getByText("Impossible d'ouvrir Cèdre Parcours").waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ouvrez l’adresse affichée au démarrage');
  });
});
