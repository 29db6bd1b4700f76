/**
 * The register of RGPD requests in the browser (issue 7 §5): from a person's file, record an erasure request; the
 * register shows what the law allows and carries it out; the file is anonymised.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { startInProcess } from '../../src-main/worker/local-data-service';
import { launchChromium } from '../helpers/chromium';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { openDemoAs } from './pages';
import { screenshotter } from './screenshots';

let browser: Browser;
let server: RunningWebServer;
let page: Page;
const shot = screenshotter(() => page);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0, dataWork: startInProcess });
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
});
afterEach(async () => {
  await page?.close();
  await server?.close();
});

describe('RGPD requests', () => {
  it('records an erasure request from the file and carries it out from the register', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openDemoAs(page, server.url, 'direction');
    const sqlite = server.runtime!.openOrNull()!.sqlite;
    const person = sqlite
      .prepare('select id, nom, prenom from personnes p where not exists (select 1 from parcours pa where pa.personne_id = p.id and pa.date_debut is not null) limit 1')
      .get() as { id: string; nom: string; prenom: string };

    await page.goto(`${server.url}#/personnes/${person.id}`);
    await page.getByRole('link', { name: 'Enregistrer une demande RGPD' }).click();
    await page.getByRole('dialog', { name: 'Enregistrer une demande RGPD' }).waitFor();
    await expect.poll(() => page.getByLabel('Personne concernée').and(page.locator('input')).inputValue()).toBe(`${person.nom} ${person.prenom}`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Choisissez le type de demande.').waitFor();
    await page.getByLabel('Type de demande').and(page.locator('input')).click();
    await page.getByRole('option', { name: 'Effacement (art. 17)' }).click();
    await page.getByLabel('Objet de la demande').fill('Courrier du 20 février : effacement de son dossier.');
    await shot('rgpd-01-nouvelle-demande');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    const row = page.getByRole('table', { name: 'Demandes RGPD' }).locator('tbody tr').first();
    await row.getByText('En cours').waitFor();
    await row.getByRole('button', { name: 'Répondre…' }).click();
    await page.getByText('Effacement possible', { exact: true }).waitFor();
    await page.getByLabel('Anonymiser le dossier maintenant (définitif)').check();
    await page.getByLabel('Ce qui a été fait').fill('Dossier anonymisé ; courrier de réponse envoyé.');
    await shot('rgpd-02-reponse');
    await page.getByRole('button', { name: 'Effacer et clore la demande' }).click();
    await row.getByText('Satisfaite', { exact: true }).waitFor();
    await row.getByText('Anonyme').waitFor();
    await shot('rgpd-03-registre');
    expect(sqlite.prepare('select nom, anonymise_le is not null as fait from personnes where id = ?').get(person.id)).toEqual({ nom: 'Anonyme', fait: 1 });
    expect(errors).toEqual([]);
  }, 120_000);
});
