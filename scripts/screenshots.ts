/**
 * Takes screenshots of the main screens in headless Chromium against a fresh browser-mode server:
 * `npx tsx scripts/screenshots.ts [out-folder]`. Used to look at what we build (and for the user guide).
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/helpers/chromium';
import { startWebServer } from '../src-main/web-server';

async function main() {
  const out = resolve(process.argv[2] ?? 'out/screenshots');
  mkdirSync(out, { recursive: true });
  const root = resolve(__dirname, '..');
  const server = await startWebServer({
    dataDir: mkdtempSync(join(tmpdir(), 'cedre-shots-')),
    migrationsFolder: join(root, 'db/migrations'),
    rendererDir: join(root, 'out/renderer'),
    port: 0,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR' });
  const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true, animations: 'disabled' });
  try {
    await page.goto(server.url);
    await page.getByLabel('Nom de la structure').waitFor();
    await shot('01-assistant-structure');
    await page.getByLabel('Nom de la structure').fill('Chantier des Coteaux');
    await page.getByLabel('SIRET').fill('520 000 015 00014');
    await page.getByLabel('Département').fill('07');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText("Ce SIRET n'est pas valide").waitFor();
    await shot('02-assistant-siret-invalide');
    await page.getByLabel('SIRET').fill('520 000 015 00013');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Dispositifs portés par la structure').waitFor();
    await page.getByLabel(/Atelier chantier/).check();
    await page.getByLabel(/Association intermédiaire/).check();
    await shot('03-assistant-dispositifs');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Prénom et nom').fill('Martine Durand');
    await page.getByLabel('Identifiant de connexion').fill('m.durand');
    await page.getByLabel(/^Mot de passe/).fill('court');
    await page.getByLabel('Confirmation du mot de passe').fill('autre');
    await page.getByRole('button', { name: 'Terminer la configuration' }).click();
    await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
    await shot('04-assistant-admin-erreurs');
    await page.getByLabel(/^Mot de passe/).fill('un chêne solide');
    await page.getByLabel('Confirmation du mot de passe').fill('un chêne solide');
    await page.getByRole('button', { name: 'Terminer la configuration' }).click();
    await page.getByText('Bonjour, Martine').waitFor();
    await shot('05-tableau-de-bord');
    await page.getByRole('navigation').getByRole('link', { name: 'Comptes utilisateurs' }).click();
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    await page.getByLabel('Prénom et nom').fill('Samir Benali');
    await page.getByLabel('Identifiant de connexion').fill('s.benali');
    await page.getByLabel('Mot de passe temporaire').fill('temporaire-123');
    await shot('06-nouveau-compte');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByRole('cell', { name: 's.benali' }).waitFor();
    await shot('07-comptes');
    await page.getByRole('navigation').getByRole('link', { name: 'Sécurité' }).click();
    await page.getByLabel('Verrouillage après inactivité (minutes)').waitFor();
    await shot('08-securite');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Identifiant').fill('m.durand');
    await page.getByLabel(/^Mot de passe/).fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
    await shot('09-connexion-erreur');
    await page.getByLabel(/^Mot de passe/).fill('un chêne solide');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Bonjour, Martine').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Verrouiller' }).click();
    await page.getByText('Session verrouillée').waitFor();
    await shot('10-verrouillage');
    console.log(`Captures dans ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
