/**
 * The CEDRE quality approach in the browser (issue 8): the self-assessment with its live evidence and a rating, a
 * register row turned into an improvement action, and the kiosk end to end — a CIP opens it, a person answers
 * alone, nothing else is reachable, the CIP's password closes it, the results show the answer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { openDemoAs, typeInto } from './pages';
import { screenshotter } from './screenshots';

let browser: Browser;
let server: RunningWebServer;
let page: Page;
const shot = screenshotter(() => page);
/** Errors thrown in the page over the whole story: none expected. */
const errors: string[] = [];

// One story on one demo base, one step per `it`, each starting where the previous one left the page.
beforeAll(async () => {
  browser = await launchChromium();
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemoAs(page, server.url, 'cip');
}, 120_000);
afterAll(async () => {
  await page?.close();
  await server?.close();
  await browser?.close();
});

describe('quality approach', () => {
  it('shows a requirement’s figures from the demo’s data and rates it with a comment', async () => {
    await page.getByRole('link', { name: 'Auto-évaluation CEDRE' }).click();
    const ac1 = page.getByRole('row').filter({ hasText: 'AC-1' });
    await ac1.getByText(/^\d+ % \(\d+\/\d+\)$/).waitFor();
    await shot('qualite-01-auto-evaluation');
    await page.getByRole('button', { name: 'Évaluer AC-1' }).click();
    await page.getByLabel('Niveau atteint').and(page.locator('input')).click();
    await page.getByRole('option', { name: 'Partiellement atteint' }).click();
    await page.getByLabel('Commentaire').fill('L’offre n’est pas tracée pour les accueils téléphoniques.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await ac1.getByText('Partiellement atteint').waitFor();
    await ac1.getByText('L’offre n’est pas tracée pour les accueils téléphoniques.').waitFor();
  });

  it('turns an audit finding into an improvement action', async () => {
    await page.getByRole('link', { name: 'Démarche qualité' }).click();
    await page.getByRole('tab', { name: 'Audits et certification' }).click();
    await typeInto(page.getByLabel('Date'), '15/11/2025');
    await page.getByLabel('Type').and(page.locator('input')).click();
    await page.getByRole('option', { name: 'Audit de renouvellement' }).click();
    await page.getByLabel('Auditeur ou organisme').fill('AFNOR Certification');
    await page.getByLabel('Constats').fill('Traçabilité des bilans à renforcer');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByRole('table', { name: 'Audits et certification' }).getByText('AFNOR Certification').waitFor();
    await page.getByRole('row').filter({ hasText: 'AFNOR Certification' }).getByRole('button', { name: '→ Plan d’amélioration' }).click();
    await page.getByText('Action ajoutée au plan d’amélioration.').waitFor();
    await shot('qualite-02-demarche');
  });

  it('records an approved procedure in the quality manual with its file attached', async () => {
    await page.getByRole('tab', { name: 'Manuel qualité' }).click();
    await page.getByRole('textbox', { name: /^Procédure/ }).fill('Gestion des clés du local');
    await typeInto(page.getByLabel('Version'), '1');
    await typeInto(page.getByLabel('Approuvée le'), '01/03/2025');
    await page.getByLabel('Approuvée par').fill('Conseil d’administration');
    await page.getByLabel('Contenu ou emplacement du document').fill('Voir le fichier joint.');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    const procedure = page.getByRole('table', { name: 'Manuel qualité' }).getByRole('row').filter({ hasText: 'Gestion des clés du local' });
    await procedure.waitFor();
    await procedure.getByRole('button', { name: 'Fichiers…' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'procedure-accueil.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% procédure\n') });
    await page.getByRole('dialog').getByText('procedure-accueil.pdf').waitFor();
    await shot('qualite-02b-manuel');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Qualité', exact: true }).click();
    await page.getByRole('table', { name: 'Plan d’amélioration' }).getByText('Traçabilité des bilans à renforcer').waitFor();
  });

  it('runs the kiosk: opened by the CIP, answered alone by the person, closed by the CIP’s password', async () => {
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    const card = page.locator('.mantine-Paper-root').filter({ hasText: 'Mon parcours — au bilan' });
    await card.getByRole('button', { name: 'Ouvrir la borne' }).click();
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('radiogroup', { name: /Je me sens écouté/ }).getByText('5 — tout à fait').click();
    await page.getByRole('radiogroup', { name: /objectifs de mon contrat/ }).getByText('Oui').click();
    await page.getByLabel('Ce que je voudrais changer :').fill('Plus de temps pour le permis.');
    await shot('qualite-03-borne');
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByRole('heading', { name: 'Merci !' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle personne' }).click();
    await page.getByRole('button', { name: 'Quitter (réservé à l’équipe)' }).click();
    await page.getByText('Session verrouillée').waitFor();
    await page.getByLabel('Mot de passe').fill('demonstration');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByRole('heading', { name: 'Questionnaires de satisfaction' }).waitFor();
    await card.getByRole('button', { name: 'Résultats' }).click();
    await page.getByRole('dialog').getByText('« Plus de temps pour le permis. »').waitFor();
    await page.getByRole('dialog').getByText('5,0 / 5').first().waitFor();
    await shot('qualite-04-resultats');
  });

  it('threw no error in the page along the way', () => {
    expect(errors).toEqual([]);
  });
});
