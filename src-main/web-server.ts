/**
 * Browser mode: the data worker's services behind the HTTP transport on 127.0.0.1, serving the built renderer.
 * Used by `npm run web`, by `npm start` when Electron is missing, and by the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LAUNCH_TOKEN_PARAM } from '../src-shared/bridge';
import type { AppRuntime } from './app-runtime';
import type { Clock } from './lib/clock';
import { createHttpTransport, type StaticHandler } from './transport/http';
import { serveStaticFile } from './transport/static-files';
import type { DataService } from './worker/data-service';
import type { StartupStatus } from './worker/protocol';
import type { InProcessStarter } from './worker/local-data-service';
import { DataWorkerClient } from './worker/data-worker-client';

export interface WebServerOptions {
  dataDir: string;
  migrationsFolder: string;
  rendererDir: string;
  port: number;
  /** Replaces static files (the Vite dev server's middlewares in `npm run dev`). */
  serveStatic?: StaticHandler;
  /**
   * Where the database and the services run. Default: the data worker, a worker thread, so that a long import or
   * report never stops the server from answering (issue 18 §4). Tests that read the database directly beside the
   * screens pass `startInProcess` (worker/local-data-service.ts): the services then run in this thread. Passed in
   * rather than imported, so that the app's server bundle holds the relay only.
   */
  dataWork?: InProcessStarter;
  /** In-process only: the worker keeps the system clock. */
  clock?: Clock;
  /** Default: CEDRE_RECOVERY_KEY from the environment. */
  env?: Record<string, string | undefined>;
  /** The long steps of the data worker's start (encrypting an old base), for the launcher's terminal. */
  onStartupStep?: (label: string, done: number, total: number) => void;
  /**
   * Called once the server listens, while the data worker may still be starting: the launcher opens the browser
   * there, so the page shows the start's long steps instead of nothing (its first call follows them).
   */
  onListening?: (url: string) => void;
}

export interface RunningWebServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The data side, in its worker or in this thread. */
  data: DataService;
  /** The state found at start-up (locked, setup, ready…), read before the background housekeeping starts. */
  startupStatus: StartupStatus;
  /** The runtime itself, only when it runs in this thread (`dataWork: 'in-process'`). */
  runtime: AppRuntime | null;
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
  const recoveryKey = env.CEDRE_RECOVERY_KEY ?? null;
  let runtime: AppRuntime | null = null;
  let data: DataService;
  let workerReady: Promise<unknown> = Promise.resolve();
  if (options.dataWork) {
    const local = await options.dataWork({ dataDir: options.dataDir, migrationsFolder: options.migrationsFolder, clock: options.clock, env });
    runtime = local.runtime;
    data = local;
  } else {
    if (options.clock) throw new Error('startWebServer: a test clock needs dataWork: startInProcess.');
    const client = DataWorkerClient.launch({
      dataDir: options.dataDir,
      migrationsFolder: options.migrationsFolder,
      guard: recoveryKey ? 'none' : 'development-file',
      recoveryKey,
      onStartupStep: options.onStartupStep,
    });
    data = client;
    workerReady = client.ready;
  }
  const token = randomBytes(24).toString('base64url');
  const serveStatic: StaticHandler = options.serveStatic ?? ((req, res, headers) => serveStaticFile(options.rendererDir, req, res, headers));
  const server = createHttpTransport({ dispatcher: data, token, serveStatic });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      void data.close();
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(options.port) : err);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/?${LAUNCH_TOKEN_PARAM}=${token}`;
  options.onListening?.(url);
  try {
    await workerReady;
  } catch (err) {
    server.closeAllConnections();
    server.close();
    throw err;
  }
  // Read before the housekeeping, which would make this question wait for the daily backup.
  const startupStatus = await data.status();
  // Start-up housekeeping (daily backup, external copy, audit purge) runs in the background: the first screen does not wait.
  void data.housekeeping();
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => void data.close().then(resolve));
    });
  return {
    url,
    origin,
    token,
    port,
    data,
    startupStatus,
    runtime,
    server,
    close,
    closeWithBackup: async () => {
      await data.closeWithBackup();
      await close();
    },
  };
}
