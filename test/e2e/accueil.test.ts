/**
 * Mission accueil in the browser: a CIP welcomes Julie, finds she may already be known, records the diagnostic,
 * checks her eligibility, records her PASS IAE and decides her entry. Set CEDRE_SCREENSHOTS=<folder> to keep
 * a screenshot of each step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { screenshotter } from './screenshots';
import { AppShellPage, chooseOption, SetupWizardPage, typeInto } from './pages';

let browser: Browser;
let server: RunningWebServer;
let page: Page;
let shell: AppShellPage;
const shot = screenshotter(() => page);

beforeAll(async () => {
  browser = await launchChromium();
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
  await page.goto(server.url);
  const wizard = new SetupWizardPage(page);
  await wizard.fillStructure({ nom: 'Chantier des Coteaux', siret: '52000001500013', departement: '07', commune: 'Privas' });
  await wizard.next();
  await wizard.chooseDispositifs([/Association intermédiaire/, /Atelier chantier/]);
  await wizard.next();
  await wizard.fillAdministrator({ name: 'Martine Durand', login: 'm.durand', password: 'un chêne solide' });
  await wizard.finish();
  await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
  shell = new AppShellPage(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fillIdentity(nom: string, prenom: string, naissance: string) {
  await chooseOption(page, /^Civilité/, 'Madame');
  await page.getByLabel(/^Nom/).fill(nom);
  await page.getByLabel(/^Prénom/).fill(prenom);
  await typeInto(page.getByLabel(/^Date de naissance/), naissance);
}

// Julie from first contact to an entry decision: one step per `it`, each starting where the previous one left the page.
describe('mission accueil', () => {
  it('records a first contact typed in French formats and opens her file', async () => {
    await shell.navigateTo('Nouvel accueil');
    await typeInto(page.getByLabel(/^Date du premier contact/), '02/02/2026');
    // A year typed wrong (2015): the service's rule, shared with the import, answers under the field; nothing saved.
    await fillIdentity('Arnaud', 'Julie', '02/05/2015');
    await page.getByLabel('Identifiant France Travail').fill('1234567A');
    await page.getByLabel('Réside en quartier prioritaire (QPV)').check();
    await page.getByRole('button', { name: 'Enregistrer et ouvrir le dossier' }).click();
    await page.getByText('La personne doit avoir plus de 16 ans (Code du travail, art. L4153-1) : vérifiez l’année de naissance.').first().waitFor();
    await shot('accueil-01-naissance-refusee');
    await typeInto(page.getByLabel(/^Date de naissance/), '02/05/1996');
    await shot('accueil-01-nouvel-accueil');
    await page.getByRole('button', { name: 'Enregistrer et ouvrir le dossier' }).click();
    await page.getByRole('heading', { name: 'Julie ARNAUD' }).waitFor();
  });

  it('warns of a possible duplicate before saving a second intake, and leads to the known file', async () => {
    await shell.navigateTo('Nouvel accueil');
    await fillIdentity('ARNAUD', 'Julié', '02/05/1996');
    await page.getByRole('button', { name: 'Enregistrer et ouvrir le dossier' }).click();
    await page.getByText('Cette personne est peut-être déjà connue').waitFor();
    await shot('accueil-02-doublon');
    await page.getByRole('dialog').getByRole('link', { name: 'Julie Arnaud' }).click();
    await page.getByRole('heading', { name: 'Julie ARNAUD' }).waitFor();
  });

  it('records the intake: offer presented, notice handed over, her own words', async () => {
    await typeInto(page.getByLabel('Offre d’insertion présentée le'), '02/02/2026');
    await typeInto(page.getByLabel('Notice données personnelles remise le'), '02022026');
    await typeInto(page.getByLabel('Diagnostic socio-professionnel fait le'), '04/02/2026');
    await page.getByLabel(/Ce que la personne souhaite faire/).fill('Travailler dehors, passer le permis.');
    await page.getByRole('button', { name: 'Enregistrer l’accueil' }).click();
    await page.getByText('Accueil enregistré.').waitFor();
  });

  it('records the diagnostic: a frein and a skill', async () => {
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await page.getByRole('button', { name: 'Ajouter un frein' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(dialog, /^Type de frein/, 'Manque de mobilité');
    await dialog.getByLabel(/^Commentaire/).fill('Pas de permis, pas de bus le matin');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('cell', { name: 'Pas de permis, pas de bus le matin' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
    await page.getByRole('dialog').getByLabel(/^Compétence ou métier/).fill('Entretien des espaces verts');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('cell', { name: 'Entretien des espaces verts', exact: true }).waitFor();
    await shot('accueil-03-diagnostic');
  });

  it('checks eligibility: RSA declared is enough; an old proof is a file to complete, not a refusal', async () => {
    await page.getByRole('tab', { name: 'Éligibilité' }).click();
    await page.getByLabel('Bénéficiaire du RSA').check();
    await typeInto(page.getByLabel('Date du justificatif : Bénéficiaire du RSA'), '01/01/2020');
    await page.getByText('Plus valable à l’embauche', { exact: true }).waitFor();
    await page.getByText('Justificatifs à compléter avant un contrôle').waitFor();
    await typeInto(page.getByLabel('Date du justificatif : Bénéficiaire du RSA'), new Date().toISOString().slice(0, 10).split('-').reverse().join('/'));
    await page.getByText('Éligible à l’IAE').waitFor();
    await shot('accueil-04-eligibilite');
    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await page.getByText('Dernier diagnostic').waitFor();
  });

  it('records her PASS IAE, the end proposed at 24 months', async () => {
    await page.getByRole('tab', { name: 'PASS IAE' }).click();
    await page.getByLabel('Numéro').fill('99999 25 10000');
    await typeInto(page.getByLabel('Début'), '16/02/2026');
    await expect.poll(() => page.getByLabel(/^Fin \(24 mois/).inputValue()).toBe('15/02/2028');
    await page.getByRole('button', { name: 'Enregistrer le PASS' }).click();
    await page.getByRole('heading', { name: 'PASS IAE 99999 25 10000' }).waitFor();
    await shot('accueil-05-pass');
  });

  it('records the entry decision with her referent', async () => {
    await page.getByRole('tab', { name: 'Accueil et décision' }).click();
    await chooseOption(page, 'Décision', 'Entrée en parcours');
    await chooseOption(page, 'Dispositif du parcours', /^ACI/);
    await chooseOption(page, 'Référent·e', 'Martine Durand');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByText('Décision enregistrée.').waitFor();
    await expect.poll(() => page.getByText('Entrée en parcours · ACI').first().isVisible()).toBe(true);
    await shot('accueil-06-decision');
  });

  it('shows her identity as typed at the first contact, and saves a phone number added later', async () => {
    await page.getByRole('tab', { name: 'Identité' }).click();
    // The form's values come from the stored file, field by field (identityOf, issue 18 §3).
    await expect.poll(() => page.getByLabel('Identifiant France Travail').inputValue()).toBe('1234567A');
    expect(await page.getByLabel(/^Date de naissance/).inputValue()).toBe('02/05/1996');
    expect(await page.getByLabel('Réside en quartier prioritaire (QPV)').isChecked()).toBe(true);
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('');
    await page.getByLabel('Téléphone').pressSequentially('06 12 34 56 78');
    await shot('accueil-06b-identite');
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.getByText('Identité enregistrée.').waitFor();
    // Read back from the server: leave the file and open it again.
    await shell.navigateTo('Tableau de bord');
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Rechercher' }).fill('Arnaud');
    await page.getByRole('option', { name: /ARNAUD Julie/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Julie ARNAUD' }).waitFor();
    await page.getByRole('tab', { name: 'Identité' }).click();
    await expect.poll(() => page.getByLabel('Téléphone').inputValue()).toBe('06 12 34 56 78');
    expect(await page.getByLabel('Identifiant France Travail').inputValue()).toBe('1234567A');
  });

  it('finds her by her PASS number with Ctrl+K, and in the list of persons', async () => {
    await shell.navigateTo('Tableau de bord');
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Rechercher' }).fill('9999925');
    await page.getByRole('option', { name: /ARNAUD Julie/ }).waitFor();
    await shot('accueil-07-recherche');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Julie ARNAUD' }).waitFor();

    await shell.navigateTo('Personnes accueillies');
    await page.getByRole('row', { name: /ARNAUD Julie/ }).waitFor();
    await shot('accueil-08-liste');
  });
});
