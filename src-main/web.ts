/**
 * `npm run web` (and `npm run dev`): starts browser mode and prints its address.
 * Options: --no-open, --dev (Vite dev server with hot reload), --port N. Environment: PORT, CEDRE_DATA_DIR, CI.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from './platform/data-dir';
import { PortInUseError, startWebServer } from './web-server';
import { startupStepPrinter } from './jobs/terminal-progress';
import type { StaticHandler } from './transport/http';

const DEFAULT_PORT = 5183;
// src-main/ when run by tsx, out/web/ when built (scripts/ensure-web-server.cjs): the folder holding package.json.
const repoRoot = [resolve(__dirname, '..'), resolve(__dirname, '..', '..')].find((dir) => existsSync(join(dir, 'package.json'))) ?? resolve(__dirname, '..');

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log('Ouvrez cette adresse dans votre navigateur.'));
    child.unref();
  } catch {
    console.log('Ouvrez cette adresse dans votre navigateur.');
  }
}

async function devStaticHandler(): Promise<StaticHandler> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(repoRoot, 'vite.renderer.config.mts'),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return (req, res) => vite.middlewares(req, res);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port invalide : « ${process.env.PORT ?? args[portArg + 1]} ». Indiquez un nombre entre 1 et 65535.`);
    process.exit(2);
  }
  const dev = args.includes('--dev');
  const dataDir = defaultDataDir();
  const open = !process.env.CI && !args.includes('--no-open');
  const server = await startWebServer({
    dataDir,
    migrationsFolder: join(repoRoot, 'db', 'migrations'),
    rendererDir: join(repoRoot, 'out', 'renderer'),
    port,
    serveStatic: dev ? await devStaticHandler() : undefined,
    onStartupStep: startupStepPrinter(process.stdout),
    // The page opens at once: while an old base is encrypted it shows the steps (the terminal prints them too).
    onListening: (url) => {
      if (open) openInBrowser(url);
    },
  });
  console.log(`Cèdre Parcours — mode navigateur${dev ? ' (développement)' : ''}`);
  console.log(`  Adresse : ${server.url}`);
  console.log(`  Données : ${dataDir}`);
  console.log('  Arrêt   : Ctrl+C');
  const status = server.startupStatus;
  if (status.guardWarning) console.warn(`\nAttention — ${status.guardWarning}\n`);
  if (status.state === 'locked') console.log('  Données verrouillées : saisissez la clé de secours dans le navigateur.');

  const stop = () => {
    console.log('Sauvegarde de fermeture…');
    void server.closeWithBackup().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof PortInUseError ? err.message : `Démarrage impossible : ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
