/** The main window with the hardening of ARCHITECTURE.md; Electron's classes are passed in (tested with fakes). */

export const WINDOW_TITLE = 'Cèdre Parcours';

export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  } as const;
}

export interface NavigationEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export type BrowserWindowCtor = new (options: Record<string, unknown>) => BrowserWindowLike;

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface MainWindowOptions {
  preload: string;
  url: string;
  isTrustedUrl: (url: string) => boolean;
}

/** Links to the outside world open in the user's browser, and only https ones; the app window never navigates away. */
export function hardenWebContents(webContents: WebContentsLike, shell: ShellLike, isTrustedUrl: (url: string) => boolean): void {
  webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(BrowserWindow: BrowserWindowCtor, shell: ShellLike, options: MainWindowOptions): BrowserWindowLike {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preload),
  });
  hardenWebContents(win.webContents, shell, options.isTrustedUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
}
