/**
 * Mission insertion in the browser: Julie entered the ACI; her CIP records her first contract, the encadrant-like
 * monthly hours for three months, then her exit. CEDRE_SCREENSHOTS=<folder> keeps a screenshot of each step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWebServer } from '../../src-main/web-server';
import { launchChromium } from '../helpers/chromium';
import { screenshotter } from './screenshots';
import { julieInAci } from './julie-in-aci';
import { AppShellPage, chooseOption, typeInto } from './pages';

let browser: Browser;
let server: RunningWebServer;
let page: Page;
let personneId: string;
const shot = screenshotter(() => page);

beforeAll(async () => {
  browser = await launchChromium();
  ({ server, page, personneId } = await julieInAci(browser));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// One story, one step per `it`: each step starts where the previous one left the page (vitest runs them in order).
describe('mission insertion', () => {
  it('refuses a contract beyond the PASS IAE, then records one within it', async () => {
    await page.goto(`${server.url}#/personnes/${personneId}`);
    await page.getByRole('tab', { name: 'Parcours' }).click();
    await page.getByText('pas encore de contrat').waitFor();
    await page.getByRole('button', { name: 'Premier contrat' }).click();
    await typeInto(page.getByLabel('Début', { exact: true }), '15/01/2024');
    await typeInto(page.getByLabel('Fin prévue'), '31/03/2026');
    await typeInto(page.getByLabel('Heures par semaine'), '35');
    await page.getByText(/dépasse la fin du PASS IAE \(14\/01\/2026\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer le contrat' }).isDisabled()).toBe(true);
    await shot('insertion-01-contrat-refuse');
    await typeInto(page.getByLabel('Fin prévue'), '14/07/2024');
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer le contrat' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await page.getByText('depuis le 15 janvier 2024').waitFor();
  });

  it('records her CER in her own words, signed within the delay, then a bilan', async () => {
    await page.getByRole('button', { name: 'Rédiger le CER avec la personne' }).click();
    await page.getByLabel('Les objectifs de la personne, avec ses mots').fill('Passer le permis B et travailler dehors.');
    await typeInto(page.getByLabel('Signé le'), '31/01/2024');
    await page.getByLabel('Signé par la personne').check();
    await page.getByLabel('Signé par la structure').check();
    await page.getByRole('button', { name: 'Enregistrer le CER' }).click();
    await page.getByText('Version 1, signée le 31 janvier 2024').waitFor();
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    await typeInto(page.getByLabel('Date', { exact: true }), '10/04/2024');
    await page.getByLabel('Ce que dit la personne, avec ses mots').fill('Je me sens mieux, je veux continuer.');
    await page.getByRole('button', { name: 'Enregistrer le bilan' }).click();
    await page.getByText('« Je me sens mieux, je veux continuer. »').waitFor();
    await shot('insertion-02-cer-bilan');
  });

  it('records a training with hours typed in French', async () => {
    await page.getByRole('button', { name: 'Formation', exact: true }).click();
    await page.getByLabel('Intitulé').fill('Permis B');
    await typeInto(page.getByLabel('Heures', { exact: true }), '30,5');
    await page.getByRole('button', { name: 'Enregistrer la formation' }).click();
    await page.getByRole('cell', { name: 'Formation : Permis B', exact: true }).waitFor();
  });

  it('saves three months of hours typed key by key, « 151,67 » kept whole', async () => {
    const shell = new AppShellPage(page);
    await shell.navigateTo('Heures du mois');
    // 35 h a week: 85 h fit the 17 days of January from the 15th, 145 h February, 155 h March.
    for (const [mois, heures, saved] of [['01/2024', '80', '80,00'], ['02/2024', '140', '140,00'], ['03/2024', '151,67', '151,67']] as const) {
      await typeInto(page.getByLabel('Mois', { exact: true }), mois);
      const input = page.getByLabel('Heures de Julie Arnaud');
      await typeInto(input, heures);
      await input.press('Enter');
      await page.getByRole('button', { name: 'Enregistrer le mois' }).click();
      await page.getByText(`${saved} heures enregistrées pour`, { exact: false }).waitFor();
    }
    await page.getByText(/ACI : 151,67 heures, soit 1,00 ETP sur le mois/).waitFor();
    await shot('insertion-03-heures');
  });

  it('records her exit, which ends the contract after a confirmation, and a follow-up a month later', async () => {
    await page.goto(`${server.url}#/personnes/${personneId}`);
    await page.getByRole('tab', { name: 'Parcours' }).click();
    await page.getByText('371,67 heures travaillées').waitFor();
    await typeInto(page.getByLabel('Date de sortie'), '28/06/2024');
    await chooseOption(page, 'Motif (code ASP)', /^9 — /);
    await page.getByRole('button', { name: 'Enregistrer la sortie' }).click();
    // The exit ends the contract planned until 14 July: said, then confirmed.
    const confirm = page.getByRole('dialog', { name: 'Enregistrer la sortie ?' });
    await confirm.getByText('Le CDD d’insertion (CDDI) prévu jusqu’au 14/07/2024 s’arrêtera le 28/06/2024.').waitFor();
    await shot('insertion-04a-sortie-confirmation');
    await confirm.getByRole('button', { name: 'Enregistrer la sortie' }).click();
    await page.getByText('Catégorie : Emploi durable. Elle compte dans les sorties constatées de l’année.').waitFor();
    await page.getByRole('button', { name: 'À 1 mois : à faire' }).click();
    await typeInto(page.getByLabel('Date', { exact: true }), '30/07/2024');
    await chooseOption(page, 'Situation', /^En emploi durable/);
    await page.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    await page.getByRole('button', { name: /À 1 mois : En emploi durable/ }).waitFor();
    await shot('insertion-04-sortie');
  });

  it('records a prefectoral derogation as a dated rule', async () => {
    await new AppShellPage(page).navigateTo('Règles et seuils');
    const card = page.getByRole('region', { name: 'AI : plafond d’heures de mise à disposition sur 24 mois' });
    await card.getByRole('button', { name: 'Nouvelle valeur à partir d’une date' }).click();
    await typeInto(card.getByLabel('Valable à partir du'), '01/01/2026');
    await typeInto(card.getByLabel('Nouvelle valeur'), '960');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/960 depuis le 1er janvier 2026/).waitFor();
    await shot('insertion-05-regles');
  });

  it('records a new validity of the eligibility proofs from a date, criterion by criterion (issue 15 §8)', async () => {
    const card = page.getByRole('region', { name: 'Durée de validité des justificatifs d’éligibilité (mois)' });
    await card.getByRole('button', { name: 'Nouvelle valeur à partir d’une date' }).click();
    await typeInto(card.getByLabel('Valable à partir du'), '01/01/2026');
    await typeInto(card.getByLabel('Validité en mois : Bénéficiaire du RSA'), '6');
    // Emptied: the proof no longer expires.
    await typeInto(card.getByLabel('Validité en mois : Résident QPV'), '');
    await shot('insertion-05b-validite-justificatifs');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await card.getByText(/depuis le 1er janvier 2026/).waitFor();
    expect(await card.getByText(/depuis le 1er janvier 2026/).textContent()).toMatch(/^13 justificatifs à durée limitée \(3, 6, 12 mois\) depuis le 1er janvier 2026/);
    // Read back as saved: the editor opens on the value in force today.
    await card.getByRole('button', { name: 'Nouvelle valeur à partir d’une date' }).click();
    expect(await card.getByLabel('Validité en mois : Bénéficiaire du RSA').inputValue()).toBe('6');
    expect(await card.getByLabel('Validité en mois : Résident QPV').inputValue()).toBe('');
    expect(await card.getByLabel('Validité en mois : Allocataire ASS').inputValue()).toBe('3');
    await shot('insertion-05c-validite-relue');
    await card.getByRole('button', { name: 'Annuler' }).click();
  });

  it('makes a verified backup by hand', async () => {
    await new AppShellPage(page).navigateTo('Sauvegardes');
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText('Sauvegarde faite et vérifiée.').waitFor();
    await page.getByRole('cell', { name: 'Faite à la main' }).waitFor();
    await shot('insertion-06-sauvegardes');
  });
});
