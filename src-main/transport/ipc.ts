/**
 * Electron's transport, without importing Electron: main.ts passes `ipcMain` and the sender check. One channel
 * carries every route; the router validates the route name and the input like for HTTP.
 */
import { IPC_CHANNEL, type RpcEnvelope } from '../../src-shared/bridge';
import type { RpcResult } from '../../src-shared/errors';
import type { RpcDispatcher } from './http';

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
    (v.session === null || v.session === undefined || typeof v.session === 'string')
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
    return dispatcher.dispatch(payload.route, payload.input, { sessionToken: payload.session ?? null });
  });
}
