/**
 * Electron's transport, without importing Electron: main.ts passes `ipcMain` and the sender check. One channel
 * carries every route; the router validates the route name and the input like for HTTP.
 */
import { IPC_CHANNEL, IPC_JOB_CHANNEL, type RpcEnvelope } from '../../src-shared/bridge';
import type { RpcResult } from '../../src-shared/errors';
import { isJobId, type JobAnswer, type JobRequest } from '../../src-shared/jobs';
import type { RpcDispatcher } from '../worker/data-service';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

function isEnvelope(value: unknown): value is RpcEnvelope {
  const v = value as Partial<RpcEnvelope> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.route === 'string' &&
    (v.session === null || v.session === undefined || typeof v.session === 'string') &&
    (v.job === null || v.job === undefined || isJobId(v.job))
  );
}

function isJobRequest(value: unknown): value is JobRequest {
  const v = value as Partial<JobRequest> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    isJobId(v.job) &&
    (v.action === 'progress' || v.action === 'cancel') &&
    (v.session === null || typeof v.session === 'string')
  );
}

export function registerIpcTransport(
  ipcMain: IpcMainLike,
  dispatcher: RpcDispatcher,
  isTrustedSender: (url: string) => boolean,
): void {
  ipcMain.handle(IPC_CHANNEL, async (event, payload): Promise<RpcResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : il ne vient pas de la fenêtre de l’application.' } };
    }
    if (!isEnvelope(payload)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Appel mal formé.' } };
    }
    return dispatcher.dispatch(payload.route, payload.input, { sessionToken: payload.session ?? null, jobId: payload.job ?? null });
  });
  // Progress and cancellation of a long call: answered at once, while the data worker does the work.
  ipcMain.handle(IPC_JOB_CHANNEL, async (event, payload): Promise<JobAnswer | RpcResult<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : il ne vient pas de la fenêtre de l’application.' } };
    }
    if (!isJobRequest(payload)) return { ok: false, error: { code: 'VALIDATION', message: 'Appel mal formé.' } };
    const progress = payload.action === 'progress' ? dispatcher.jobProgress?.(payload.job, payload.session) : dispatcher.cancelJob?.(payload.job, payload.session);
    return { ok: true, progress: progress ?? null };
  });
}
