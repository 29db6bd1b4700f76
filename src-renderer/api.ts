/**
 * The renderer's only way to the main process: `api(route, input)`, typed by the shared contract. Under Electron it
 * goes through the preload's `window.cedre`; in browser mode over HTTP to 127.0.0.1 with the launch token.
 */
import { HTTP_JOB_HEADER, HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, type CedreBridge } from '../src-shared/bridge';
import type { JobAction, JobAnswer, JobProgress } from '../src-shared/jobs';
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

function httpHeaders(session: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: launchToken() ?? '' };
  if (session) headers[HTTP_SESSION_HEADER] = session;
  return headers;
}

async function send(route: string, input: unknown, session: string | null, job: string | null = null): Promise<RpcResult<unknown>> {
  if (window.cedre) return (await window.cedre.call(job ? { route, input, session, job } : { route, input, session })) as RpcResult<unknown>;
  const headers = httpHeaders(session);
  if (job) headers[HTTP_JOB_HEADER] = job;
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
  return settle(route, await send(route, args[0] ?? {}, useSessionStore.getState().session?.token ?? null));
}

/** Asks the main process about a job; answered at once even while the work runs. Null when unknown or unreachable. */
async function askJob(job: string, action: JobAction, session: string | null): Promise<JobProgress | null> {
  try {
    const answer = window.cedre
      ? ((await window.cedre.job({ job, action, session })) as JobAnswer | RpcResult<unknown>)
      : ((await (await fetch(`./job/${job}/${action}`, { method: 'POST', headers: httpHeaders(session), body: '{}' })).json()) as JobAnswer | RpcResult<unknown>);
    return answer.ok && 'progress' in answer ? answer.progress : null;
  } catch {
    return null;
  }
}

/** How often a followed call asks for its progress. */
export const PROGRESS_POLL_MS = 250;

export interface FollowedCall<R extends RouteName> {
  result: Promise<RouteOutput<R>>;
  /** Asks the work to stop at its next safe point; the result then fails with the cancellation message. */
  cancel(): Promise<void>;
}

/**
 * A long call whose progress the screen shows (import, annual report…): `onProgress` receives what the work last
 * reported, every PROGRESS_POLL_MS, until the call ends.
 */
export function followedApi<R extends RouteName>(route: R, input: RouteInput<R>, onProgress: (progress: JobProgress) => void): FollowedCall<R> {
  const session = useSessionStore.getState().session?.token ?? null;
  const job = `job-${crypto.randomUUID()}`;
  let finished = false;
  const poll = async () => {
    const progress = await askJob(job, 'progress', session);
    if (progress && !finished) onProgress(progress);
  };
  const timer = setInterval(() => void poll(), PROGRESS_POLL_MS);
  const result = send(route, input ?? {}, session, job)
    .finally(() => {
      finished = true;
      clearInterval(timer);
    })
    .then((answer) => settle(route, answer));
  return {
    result,
    cancel: async () => {
      const progress = await askJob(job, 'cancel', session);
      if (progress && !finished) onProgress(progress);
    },
  };
}

function settle<R extends RouteName>(route: R, result: RpcResult<unknown>): RouteOutput<R> {
  const store = useSessionStore.getState();
  if (result.ok) return result.data as RouteOutput<R>;
  if (result.error.code === 'SESSION_LOCKED') store.markLocked();
  if (result.error.code === 'UNAUTHENTICATED' && store.session && route !== 'auth.unlock' && route !== 'auth.changePassword') {
    store.clearSession(result.error.message);
  }
  throw new ApiError(result.error);
}
