/**
 * The renderer's only way to the main process: `api(route, input)`, typed by the shared contract. Under Electron it
 * goes through the preload's `window.cedre`; in browser mode over HTTP to 127.0.0.1 with the launch token.
 */
import { HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, type CedreBridge } from '../src-shared/bridge';
import type { RouteInput, RouteName, RouteOutput } from '../src-shared/contract';
import type { AppErrorPayload, RpcResult } from '../src-shared/errors';
import { useSessionStore } from './stores/session-store';

declare global {
  interface Window {
    cedre?: CedreBridge;
  }
}

export class ApiError extends Error {
  readonly code: AppErrorPayload['code'];
  readonly fields: Record<string, string>;
  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.fields = payload.fields ?? {};
  }
}

const OFFLINE_MESSAGE =
  "L'application ne répond pas : vérifiez qu'elle est toujours lancée (la fenêtre du terminal en mode navigateur), puis rechargez la page.";

export function launchToken(): string | null {
  return new URLSearchParams(window.location.search).get(LAUNCH_TOKEN_PARAM);
}

async function send(route: string, input: unknown, session: string | null): Promise<RpcResult<unknown>> {
  if (window.cedre) return (await window.cedre.call({ route, input, session })) as RpcResult<unknown>;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: launchToken() ?? '' };
  if (session) headers[HTTP_SESSION_HEADER] = session;
  let response: Response;
  try {
    response = await fetch(`./rpc/${encodeURIComponent(route)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: OFFLINE_MESSAGE } };
  }
  try {
    return (await response.json()) as RpcResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: OFFLINE_MESSAGE } };
  }
}

export async function api<R extends RouteName>(route: R, ...args: {} extends RouteInput<R> ? [RouteInput<R>?] : [RouteInput<R>]): Promise<RouteOutput<R>> {
  const store = useSessionStore.getState();
  const result = await send(route, args[0] ?? {}, store.session?.token ?? null);
  if (result.ok) return result.data as RouteOutput<R>;
  if (result.error.code === 'SESSION_LOCKED') store.markLocked();
  if (result.error.code === 'UNAUTHENTICATED' && store.session && route !== 'auth.unlock' && route !== 'auth.changePassword') {
    store.clearSession(result.error.message);
  }
  throw new ApiError(result.error);
}
