/**
 * Electron's lifecycle: single-instance lock, app:// protocol, IPC, the window. The Electron modules are
 * parameters (main.ts passes the real ones, tests pass fakes) so this file imports nothing from `electron`.
 */
import { readFile } from 'node:fs/promises';
import { USER_DATA_FOLDER } from '../user-data-folder';
import { join } from 'node:path';
import { registerIpcTransport, type IpcMainLike } from '../../transport/ipc';
import type { DataService } from '../../worker/data-service';
import { DataWorkerClient } from '../../worker/data-worker-client';
import { SafeStorageGuard, type SafeStorageLike } from './safe-storage-guard';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isTrustedAppUrl } from './app-protocol';
import { createMainWindow, hardenWebContents, type BrowserWindowCtor, type BrowserWindowLike, type ShellLike, type WebContentsLike } from './main-window';

export interface ElectronModules {
  app: {
    isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    whenReady(): Promise<unknown>;
    getPath(name: 'appData' | 'userData'): string;
    setPath(name: 'userData', path: string): void;
    commandLine: { appendSwitch(name: string, value?: string): void };
    getAppPath(): string;
    on(event: string, listener: (...args: never[]) => void): void;
  };
  BrowserWindow: BrowserWindowCtor;
  ipcMain: IpcMainLike;
  protocol: {
    registerSchemesAsPrivileged(schemes: Array<typeof APP_SCHEME_PRIVILEGES>): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  shell: ShellLike;
  safeStorage: SafeStorageLike;
}

export interface ElectronStartOptions {
  /** out/main, where the bundled main process lives; preload and renderer are its siblings. */
  bundleDir: string;
  env: Record<string, string | undefined>;
  resourcesPath: string;
}

export { USER_DATA_FOLDER };

export function startElectronApp(electron: ElectronModules, options: ElectronStartOptions): { data(): DataService | null } {
  const { app, BrowserWindow, ipcMain, protocol, shell } = electron;
  // The database and the services run in the data worker (issue 18 §4): this process only relays, so the window
  // never freezes during an import, a restore or the annual report.
  let data: DataService | null = null;
  let mainWindow: (BrowserWindowLike & { isMinimized?(): boolean; restore?(): void; focus?(): void }) | null = null;

  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // French dates (jj/mm/aaaa) and messages in the UI's native controls, whatever the OS language.
  app.commandLine.appendSwitch('lang', 'fr-FR');
  // One folder name on every OS, the same one browser mode uses (platform/data-dir.ts).
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { data: () => null };
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized?.()) mainWindow.restore?.();
    mainWindow?.focus?.();
  });
  // Any other web contents (devtools excepted) get the same navigation rules as the main window.
  app.on('web-contents-created', ((_event: unknown, contents: WebContentsLike) => {
    hardenWebContents(contents, shell, (url) => isTrustedAppUrl(url, devServerUrl));
  }) as (...args: never[]) => void);
  app.on('window-all-closed', () => app.quit());
  // A last backup before quitting: hold the quit once, back up, then quit for real.
  let backedUpOnQuit = false;
  app.on('before-quit', ((event: { preventDefault(): void }) => {
    if (backedUpOnQuit || !data) return;
    event.preventDefault();
    backedUpOnQuit = true;
    void data.closeWithBackup().finally(() => app.quit());
  }) as (...args: never[]) => void);
  app.on('will-quit', () => void data?.close());

  const devServerUrl = app.isPackaged ? undefined : options.env.ELECTRON_RENDERER_URL;
  void app.whenReady().then(async () => {
    const dataDir = options.env.CEDRE_DATA_DIR || app.getPath('userData');
    const migrationsFolder = app.isPackaged ? join(options.resourcesPath, 'migrations') : join(app.getAppPath(), 'db', 'migrations');
    // The data key is kept by the Windows account (safeStorage); CEDRE_RECOVERY_KEY still unlocks a new PC.
    const guard = await SafeStorageGuard.create(electron.safeStorage);
    // The window opens while the worker starts: on an old base, its first screen shows the encryption's steps.
    const started = DataWorkerClient.launch({ dataDir, migrationsFolder, guard: guard ?? 'none', recoveryKey: options.env.CEDRE_RECOVERY_KEY ?? null });
    data = started;
    started.ready.then(
      () => void started.housekeeping(),
      (err: unknown) => console.error('[cedre] démarrage du moteur de données impossible :', err),
    );
    registerIpcTransport(ipcMain, started, (url) => isTrustedAppUrl(url, devServerUrl));
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(options.bundleDir, '..', 'renderer'), readFile));
    mainWindow = createMainWindow(BrowserWindow, shell, {
      preload: join(options.bundleDir, '..', 'preload', 'index.js'),
      url: devServerUrl ?? APP_ENTRY_URL,
      isTrustedUrl: (url) => isTrustedAppUrl(url, devServerUrl),
    });
  });
  return { data: () => data };
}
