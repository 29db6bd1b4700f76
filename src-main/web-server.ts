/**
 * Browser mode: the main-process services behind the HTTP transport on 127.0.0.1, serving the built renderer.
 * Used by `npm run web`, by `npm start` when Electron is missing, and by the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LAUNCH_TOKEN_PARAM } from '../src-shared/bridge';
import { appPaths } from './app-paths';
import { AppRuntime, guardFromEnvironment } from './app-runtime';
import type { Clock } from './lib/clock';
import { Router } from './router';
import { routes } from './routes';
import { createHttpTransport, type StaticHandler } from './transport/http';
import { serveStaticFile } from './transport/static-files';

export interface WebServerOptions {
  dataDir: string;
  migrationsFolder: string;
  rendererDir: string;
  port: number;
  /** Replaces static files (the Vite dev server's middlewares in `npm run dev`). */
  serveStatic?: StaticHandler;
  clock?: Clock;
  /** Default: CEDRE_RECOVERY_KEY from the environment. */
  env?: Record<string, string | undefined>;
}

export interface RunningWebServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  runtime: AppRuntime;
  server: Server;
  close(): Promise<void>;
  /** Closes after a last backup: what Ctrl+C does in `npm run web`. */
  closeWithBackup(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Le port ${port} est déjà utilisé : Cèdre Parcours est peut-être déjà ouvert. ` +
        `Fermez l'autre fenêtre ou choisissez un autre port, par exemple : PORT=${port + 1} npm run web`,
    );
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const env = options.env ?? process.env;
  // Browser mode has no safeStorage: the recovery key from the environment, else the development key file (warned).
  const runtime = await AppRuntime.start(appPaths(options.dataDir, options.migrationsFolder), options.clock, {
    guard: guardFromEnvironment(options.dataDir, env),
    recoveryKey: env.CEDRE_RECOVERY_KEY ?? null,
  });
  const router = new Router(routes, runtime);
  const token = randomBytes(24).toString('base64url');
  const serveStatic: StaticHandler = options.serveStatic ?? ((req, res, headers) => serveStaticFile(options.rendererDir, req, res, headers));
  const server = createHttpTransport({ dispatcher: router, token, serveStatic });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      runtime.close();
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(options.port) : err);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // The daily backup runs in the background: the first screen does not wait for it.
  // Start-up housekeeping, after the first screen: each step on its own, so one failing does not stop the others.
  void runtime
    .backupIfDue()
    .then(() => runtime.externalCopyIfDue())
    .catch((err: unknown) => console.error('[cedre] sauvegarde automatique impossible :', err))
    .then(() => runtime.purgeAuditLog())
    .catch((err: unknown) => console.error('[cedre] purge du journal d’audit impossible :', err));
  const origin = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        runtime.close();
        resolve();
      });
    });
  return {
    url: `${origin}/?${LAUNCH_TOKEN_PARAM}=${token}`,
    origin,
    token,
    port,
    runtime,
    server,
    close,
    closeWithBackup: async () => {
      await runtime.backup('fermeture').catch((err: unknown) => console.error('[cedre] sauvegarde de fermeture impossible :', err));
      await close();
    },
  };
}
