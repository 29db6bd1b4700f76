/**
 * The renderer is served from app://bundle/ rather than file:// (Electron security checklist item 18), so that the
 * file protocol's extra privileges can be turned off by a fuse and the sender of every IPC message can be checked.
 */
import { extname } from 'node:path';
import { CONTENT_TYPES, resolveStaticPath } from '../../transport/static-files';
import { SECURITY_HEADERS } from '../../transport/security-headers';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** IPC calls are accepted only from the app's own pages (and, in development, from electron-vite's dev server). */
export function isTrustedAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return parsed.origin === dev.origin && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1');
  }
  return false;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** Handler for `protocol.handle('app', …)`: files of the built renderer only, with the CSP header. */
export function createAppProtocolHandler(rendererDir: string, readFile: ReadFile) {
  return async (request: { url: string }): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Introuvable', { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return new Response('Introuvable', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body as unknown as BodyInit, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response('Introuvable', { status: 404 });
    }
  };
}
