/**
 * Mission insertion in the browser: Julie entered the ACI; her CIP records her first contract, the encadrant-like
 * monthly hours for three months, then her exit. CEDRE_SCREENSHOTS=<folder> keeps a screenshot of each step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../src-main/router';
import { routes } from '../../src-main/routes';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { VALID_SETUP } from '../helpers/app';
import { personneInput } from '../helpers/accueil';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { screenshotter } from './screenshots';
import { AppShellPage, chooseOption, LoginPage } from './pages';

let browser: Browser;
let server: RunningWebServer;
let page: Page;
let personneId: string;
const shot = screenshotter(() => page);

beforeAll(async () => {
  browser = await launchChromium();
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0 });
  const router = new Router(routes, server.runtime);
  const call = async (route: string, input: unknown, session: string | null = null) => {
    const r = await router.dispatch(route, input, { sessionToken: session });
    if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
    return r.data as never;
  };
  const admin = (await call('setup.complete', VALID_SETUP)) as { token: string; user: { id: string } };
  const file = (await call('personnes.create', personneInput({ accueil: { datePremierContact: '2024-01-03', canal: 'physique' } }), admin.token)) as {
    personne: { id: string };
    accueils: Array<{ id: string }>;
  };
  personneId = file.personne.id;
  await call('pass.save', { personneId, numero: '999992510000', dateDebut: '2024-01-15', dateFin: '2026-01-14' }, admin.token);
  await call('accueils.decide', { id: file.accueils[0]!.id, decision: 'entree', dateDecision: '2024-01-10', dispositif: 'ACI', referentId: admin.user.id, motifDecision: null, reorientationVers: '' }, admin.token);
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
  await page.goto(server.url);
  await new LoginPage(page).logIn('m.durand', 'un chêne solide');
  await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('mission insertion', () => {
  it('records a contract, three months of hours and the exit', async () => {
    await page.goto(`${server.url}#/personnes/${personneId}`);
    await page.getByRole('tab', { name: 'Parcours' }).click();
    await page.getByText('pas encore de contrat').waitFor();
    await page.getByRole('button', { name: 'Premier contrat' }).click();
    await page.getByLabel('Début', { exact: true }).fill('2024-01-15');
    await page.getByLabel('Fin prévue').fill('2026-03-31');
    await page.getByText(/dépasse la fin du PASS IAE \(14\/01\/2026\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer le contrat' }).isDisabled()).toBe(true);
    await shot('insertion-01-contrat-refuse');
    await page.getByLabel('Fin prévue').fill('2024-07-14');
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer le contrat' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await page.getByText('depuis le 15 janvier 2024').waitFor();

    // Her CER, in her own words, signed within the delay; then a bilan.
    await page.getByRole('button', { name: 'Rédiger le CER avec la personne' }).click();
    await page.getByLabel('Les objectifs de la personne, avec ses mots').fill('Passer le permis B et travailler dehors.');
    await page.getByLabel('Signé le').fill('2024-01-31');
    await page.getByLabel('Signé par la personne').check();
    await page.getByLabel('Signé par la structure').check();
    await page.getByRole('button', { name: 'Enregistrer le CER' }).click();
    await page.getByText('Version 1, signée le 31 janvier 2024').waitFor();
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2024-04-10');
    await page.getByLabel('Ce que dit la personne, avec ses mots').fill('Je me sens mieux, je veux continuer.');
    await page.getByRole('button', { name: 'Enregistrer le bilan' }).click();
    await page.getByText('« Je me sens mieux, je veux continuer. »').waitFor();
    await shot('insertion-02-cer-bilan');
    await page.getByRole('button', { name: 'Formation', exact: true }).click();
    await page.getByLabel('Intitulé').fill('Permis B');
    await page.getByLabel('Heures', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Enregistrer la formation' }).click();
    await page.getByRole('cell', { name: 'Formation : Permis B' }).waitFor();

    const shell = new AppShellPage(page);
    await shell.navigateTo('Heures du mois');
    for (const [mois, heures] of [['2024-01', '100'], ['2024-02', '100'], ['2024-03', '95,5']] as const) {
      await page.getByLabel('Mois', { exact: true }).fill(mois);
      const input = page.getByLabel('Heures de Julie Arnaud');
      await input.fill(heures);
      await input.press('Enter');
      await page.getByRole('button', { name: 'Enregistrer le mois' }).click();
      await page.getByText(/heures enregistrées pour/).last().waitFor();
    }
    await page.getByText(/ACI : 95,50 heures, soit 0,63 ETP sur le mois/).waitFor();
    await shot('insertion-03-heures');

    await page.goto(`${server.url}#/personnes/${personneId}`);
    await page.getByRole('tab', { name: 'Parcours' }).click();
    await page.getByText('295,50 heures travaillées').waitFor();
    await page.getByLabel('Date de sortie').fill('2024-06-28');
    await chooseOption(page, 'Motif (code ASP)', /^9 — /);
    await page.getByRole('button', { name: 'Enregistrer la sortie' }).click();
    await page.getByText('Catégorie : Emploi durable. Elle compte dans les sorties constatées de l’année.').waitFor();
    await page.getByRole('button', { name: 'À 1 mois : à faire' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2024-07-30');
    await chooseOption(page, 'Situation', /^En emploi durable/);
    await page.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    await page.getByRole('button', { name: /À 1 mois : En emploi durable/ }).waitFor();
    await shot('insertion-04-sortie');

    // A prefectoral derogation raises the 480-hour cap from its date.
    await new AppShellPage(page).navigateTo('Règles et seuils');
    const card = page.getByRole('region', { name: 'AI : plafond d’heures en entreprise sur 24 mois' });
    await card.getByRole('button', { name: 'Nouvelle valeur à partir d’une date' }).click();
    await card.getByLabel('Valable à partir du').fill('2026-01-01');
    await card.getByLabel('Nouvelle valeur').fill('960');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/960 depuis le 1 janvier 2026/).waitFor();
    await shot('insertion-05-regles');

    await new AppShellPage(page).navigateTo('Sauvegardes');
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText('Sauvegarde faite et vérifiée.').waitFor();
    await page.getByRole('cell', { name: 'Faite à la main' }).waitFor();
    await shot('insertion-06-sauvegardes');
  });
});
