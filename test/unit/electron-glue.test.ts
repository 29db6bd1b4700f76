/** The Electron-only code, driven with fakes of Electron's modules (the real binary cannot run on this machine). */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, createAppProtocolHandler, isTrustedAppUrl } from '../../src-main/platform/electron/app-protocol';
import { startElectronApp, type ElectronModules } from '../../src-main/platform/electron/entry';
import { createMainWindow, type NavigationEvent } from '../../src-main/platform/electron/main-window';
import { registerIpcTransport, type IpcEventLike } from '../../src-main/transport/ipc';
import { IPC_CHANNEL, IPC_JOB_CHANNEL } from '../../src-shared/bridge';
import { MIGRATIONS, tempDir } from '../helpers/temp';
import { fakeSafeStorage } from '../helpers/fake-safe-storage';

class FakeWebContents {
  navigateListener: ((e: NavigationEvent, url: string) => void) | null = null;
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  on(_event: 'will-navigate', listener: (e: NavigationEvent, url: string) => void) {
    this.navigateListener = listener;
  }
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  session = {
    setPermissionRequestHandler: (h: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler: (h: () => boolean) => {
      this.permissionCheck = h;
    },
  };
}

class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  private readyListener: (() => void) | null = null;
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListener = listener;
  }
  show() {
    this.shown = true;
  }
  fireReady() {
    this.readyListener?.();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
}

function navigation(url: string, listener: (e: NavigationEvent, url: string) => void): boolean {
  let prevented = false;
  listener({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('main window', () => {
  it('is created with the hardened web preferences and loads the app:// entry', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const win = createMainWindow(FakeBrowserWindow, shell, { preload: '/app/preload.js', url: APP_ENTRY_URL, isTrustedUrl: (u) => isTrustedAppUrl(u) }) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.loadedUrl).toBe('app://bundle/index.html');
    expect(win.shown).toBe(false);
    win.fireReady();
    expect(win.shown).toBe(true);
  });

  it('denies navigation away from the app and every new window, opening https links outside', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const win = createMainWindow(FakeBrowserWindow, shell, { preload: 'p', url: APP_ENTRY_URL, isTrustedUrl: (u) => isTrustedAppUrl(u) }) as unknown as FakeBrowserWindow;
    const listener = win.webContents.navigateListener!;
    expect(navigation('https://example.org/', listener)).toBe(true);
    expect(navigation('file:///etc/passwd', listener)).toBe(true);
    expect(navigation('app://bundle/index.html#/parametres', listener)).toBe(false);
    expect(win.webContents.openHandler!({ url: 'https://www.cnil.fr/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.cnil.fr/');
    expect(win.webContents.openHandler!({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // Only the allowed sites, even in https (issue 20 §6).
    for (const url of ['https://example.org/', 'https://www.cnil.fr.evil.example/', 'https://user@www.cnil.fr/', 'https://evil.example/?https://www.cnil.fr']) win.webContents.openHandler!({ url });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    // No web permission is ever granted.
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) win.webContents.permissionRequest!(null, permission, (g) => granted.push(g));
    expect(granted).toEqual([false, false, false, false]);
    expect(win.webContents.permissionCheck!()).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only app://bundle (and the dev server when one is given), parsing URLs', () => {
    expect(isTrustedAppUrl('app://bundle/index.html')).toBe(true);
    expect(isTrustedAppUrl('app://other/index.html')).toBe(false);
    expect(isTrustedAppUrl('app://bundle.evil.com/')).toBe(false);
    expect(isTrustedAppUrl('https://bundle/')).toBe(false);
    expect(isTrustedAppUrl('not a url')).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('refuses calls from other frames and malformed envelopes before the router sees them', async () => {
    const handlers = new Map<string, (e: IpcEventLike, p: unknown) => Promise<unknown>>();
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 'pong' }));
    registerIpcTransport({ handle: (channel, l) => handlers.set(channel, l) }, { dispatch }, (u) => isTrustedAppUrl(u));
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL, IPC_JOB_CHANNEL]);
    const handler = handlers.get(IPC_CHANNEL);
    const fromApp = { senderFrame: { url: 'app://bundle/index.html' } };
    await expect(handler!({ senderFrame: { url: 'https://evil.example/' } }, { route: 'system.status', input: {}, session: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(handler!({ senderFrame: null }, { route: 'system.status', input: {}, session: null })).resolves.toMatchObject({ ok: false });
    await expect(handler!(fromApp, 'system.status')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(handler!(fromApp, { route: 3 })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatch).not.toHaveBeenCalled();
    await expect(handler!(fromApp, { route: 'system.status', input: {}, session: 'abc' })).resolves.toEqual({ ok: true, data: 'pong' });
    expect(dispatch).toHaveBeenCalledWith('system.status', {}, { sessionToken: 'abc', jobId: null });
    await expect(handler!(fromApp, { route: 'system.status', input: {}, session: 'abc', job: '../../etc' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers job requests from the app only, well formed, for the calling session', async () => {
    const handlers = new Map<string, (e: IpcEventLike, p: unknown) => Promise<unknown>>();
    const progress = { step: 'Écriture des lignes', done: 10, total: 100, unit: 'lignes', cancellable: true, cancelRequested: false };
    const jobProgress = vi.fn((job: string, session: string | null) => (job === 'job-12345678' && session === 'abc' ? progress : null));
    const cancelJob = vi.fn(() => ({ ...progress, cancelRequested: true }));
    registerIpcTransport({ handle: (channel, l) => handlers.set(channel, l) }, { dispatch: vi.fn(), jobProgress, cancelJob }, (u) => isTrustedAppUrl(u));
    const job = handlers.get(IPC_JOB_CHANNEL)!;
    const fromApp = { senderFrame: { url: 'app://bundle/index.html' } };
    await expect(job({ senderFrame: { url: 'https://evil.example/' } }, { job: 'job-12345678', action: 'cancel', session: 'abc' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(job(fromApp, { job: 'x', action: 'progress', session: 'abc' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(job(fromApp, { job: 'job-12345678', action: 'delete', session: 'abc' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cancelJob).not.toHaveBeenCalled();
    await expect(job(fromApp, { job: 'job-12345678', action: 'progress', session: 'abc' })).resolves.toEqual({ ok: true, progress });
    await expect(job(fromApp, { job: 'job-12345678', action: 'progress', session: 'other' })).resolves.toEqual({ ok: true, progress: null });
    await expect(job(fromApp, { job: 'job-12345678', action: 'cancel', session: 'abc' })).resolves.toMatchObject({ ok: true, progress: { cancelRequested: true } });
    expect(cancelJob).toHaveBeenCalledWith('job-12345678', 'abc');
  });
});

describe('app:// protocol', () => {
  it('serves the built renderer with the CSP, and nothing outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<html>ok</html>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const handle = createAppProtocolHandler(join(dir, 'renderer'), readFile);
    const index = await handle({ url: 'app://bundle/index.html' });
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<html>ok</html>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handle({ url: 'app://bundle/../secret.txt' })).status).toBe(404);
    expect((await handle({ url: 'app://bundle/%2e%2e/secret.txt' })).status).toBe(404);
    expect((await handle({ url: 'app://other/index.html' })).status).toBe(404);
    expect((await handle({ url: 'app://bundle/missing.js' })).status).toBe(404);
  });
});

function fakeElectron(lock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((r) => (ready = r));
  const ipcHandlers: string[] = [];
  const modules = {
    app: {
      isPackaged: false,
      paths: {} as Record<string, string>,
      requestSingleInstanceLock: vi.fn(() => lock),
      quit: vi.fn(),
      whenReady: () => whenReady,
      getPath(name: string) {
        return this.paths[name] ?? `/fake/${name}`;
      },
      setPath(name: string, value: string) {
        this.paths[name] = value;
      },
      getAppPath: () => join(MIGRATIONS, '..', '..'),
      switches: {} as Record<string, string | undefined>,
      commandLine: {
        appendSwitch(name: string, value?: string) {
          modules.app.switches[name] = value;
        },
      },
      on: (event: string, l: (...args: unknown[]) => void) => listeners.set(event, l),
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string) => ipcHandlers.push(channel) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    safeStorage: fakeSafeStorage('compte-windows-a'),
  };
  return { modules, listeners, ready, ipcHandlers };
}

describe('Electron lifecycle', () => {
  it('quits at once when another instance already runs', () => {
    const fake = fakeElectron(false);
    startElectronApp(fake.modules as unknown as ElectronModules, { bundleDir: '/app/out/main', env: {}, resourcesPath: '/res' });
    expect(fake.modules.app.quit).toHaveBeenCalled();
    expect(fake.modules.protocol.handle).not.toHaveBeenCalled();
  });

  it('opens the database, registers IPC and app://, then shows the window', async () => {
    const fake = fakeElectron(true);
    const dataDir = tempDir();
    FakeBrowserWindow.created = [];
    const started = startElectronApp(fake.modules as unknown as ElectronModules, {
      bundleDir: '/app/out/main',
      env: { CEDRE_DATA_DIR: dataDir },
      resourcesPath: '/res',
    });
    expect(fake.modules.app.paths.userData).toBe('/fake/appData/cedre-parcours');
    expect(fake.modules.app.switches.lang).toBe('fr-FR');
    expect(fake.modules.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    fake.ready();
    await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBe(1), { timeout: 30_000 });
    expect(fake.ipcHandlers).toEqual([IPC_CHANNEL, IPC_JOB_CHANNEL]);
    expect(fake.modules.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(FakeBrowserWindow.created[0]!.loadedUrl).toBe('app://bundle/index.html');
    expect((FakeBrowserWindow.created[0]!.options.webPreferences as { preload: string }).preload).toBe('/app/out/preload/index.js');
    // The database opened in the data worker, its key kept by the (fake) Windows account through the parent.
    expect((await started.data()!.status()).state).toBe('setup');
    // Quitting is held once for a last backup, then goes on.
    const quitEvent = { preventDefault: vi.fn() };
    fake.listeners.get('before-quit')!(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.modules.app.quit).toHaveBeenCalled());
    const again = { preventDefault: vi.fn() };
    fake.listeners.get('before-quit')!(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(readdirSync(join(dataDir, 'sauvegardes')).some((f) => f.endsWith('-fermeture.sqlite'))).toBe(true);
    fake.listeners.get('will-quit')!();
    await expect(started.data()!.status()).rejects.toThrow(/moteur de données s’est arrêté/);
  });
});
