/**
 * The shared opening of the insertion stories: a browser-mode server on a new structure (VALID_SETUP) where Julie
 * Arnaud has a PASS IAE from 15 January 2024 and an ACI entry decision, and the direction logged in.
 */
import type { Browser, Page } from 'playwright-core';
import { Router } from '../../src-main/router';
import { routes } from '../../src-main/routes';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { startInProcess } from '../../src-main/worker/local-data-service';
import { VALID_SETUP } from '../helpers/app';
import { personneInput } from '../helpers/accueil';
import { MIGRATIONS, RENDERER_DIR, tempDir } from '../helpers/temp';
import { LoginPage } from './pages';

export interface JulieInAci {
  server: RunningWebServer;
  page: Page;
  personneId: string;
  parcoursId: string;
  /** Calls a route as the direction, as the screens would. */
  call: (route: string, input: unknown) => Promise<never>;
}

export async function julieInAci(browser: Browser, locale = 'fr-FR'): Promise<JulieInAci> {
  const server = await startWebServer({ dataDir: tempDir('cedre-e2e-'), migrationsFolder: MIGRATIONS, rendererDir: RENDERER_DIR, port: 0, dataWork: startInProcess });
  const router = new Router(routes, server.runtime!);
  let token: string | null = null;
  const call = async (route: string, input: unknown) => {
    const r = await router.dispatch(route, input, { sessionToken: token });
    if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
    return r.data as never;
  };
  const admin = (await call('setup.complete', VALID_SETUP)) as { token: string; user: { id: string } };
  token = admin.token;
  const file = (await call('personnes.create', personneInput({ accueil: { datePremierContact: '2024-01-03', canal: 'physique' } }))) as { personne: { id: string }; accueils: Array<{ id: string }> };
  const personneId = file.personne.id;
  await call('pass.save', { personneId, numero: '999992510000', dateDebut: '2024-01-15', dateFin: '2026-01-14' });
  await call('accueils.decide', { id: file.accueils[0]!.id, decision: 'entree', dateDecision: '2024-01-10', dispositif: 'ACI', referentId: admin.user.id, motifDecision: null, reorientationVers: '' });
  const parcoursId = server.runtime!.openOrNull()!.sqlite.prepare('select id from parcours where personne_id = ?').pluck().get(personneId) as string;
  const page = await browser.newPage({ locale, viewport: { width: 1366, height: 768 } });
  await page.goto(server.url);
  await new LoginPage(page).logIn('m.durand', 'un chêne solide');
  await page.getByRole('heading', { name: 'Bonjour, Martine' }).waitFor();
  return { server, page, personneId, parcoursId, call };
}
