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
  session: {
    setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: () => boolean): void;
  };
}

/**
 * The only sites a link of the app may open, in the user's browser (issue 20 §6): the texts the screens and guides
 * cite. Anything else, even https, stays closed.
 */
export const EXTERNAL_LINK_HOSTS = ['www.cnil.fr', 'cnil.fr', 'www.legifrance.gouv.fr', 'legifrance.gouv.fr', 'emplois.inclusion.beta.gouv.fr', 'travail-emploi.gouv.fr', 'www.coorace.org'] as const;

export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password && (EXTERNAL_LINK_HOSTS as readonly string[]).includes(parsed.hostname);
  } catch {
    return false;
  }
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

/**
 * Links to the outside world open in the user's browser, only to the allowed sites; the app window never navigates
 * away, and no web permission (camera, microphone, notifications, geolocation…) is ever granted.
 */
export function hardenWebContents(webContents: WebContentsLike, shell: ShellLike, isTrustedUrl: (url: string) => boolean): void {
  webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
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
