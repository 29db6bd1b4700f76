/**
 * What the Electron preload exposes to the renderer as `window.cedre`: one function. No zod here — the sandboxed
 * preload may import nothing but `electron`, and it imports this file for types only.
 */
export const IPC_CHANNEL = 'cedre:rpc';

export interface RpcEnvelope {
  route: string;
  input: unknown;
  session: string | null;
}

export interface CedreBridge {
  call(envelope: RpcEnvelope): Promise<unknown>;
}

/** Header names of the HTTP transport (browser mode). */
export const HTTP_TOKEN_HEADER = 'x-cedre-token';
export const HTTP_SESSION_HEADER = 'x-cedre-session';
/** The launch token travels in the page address the server prints, as `?jeton=…`. */
export const LAUNCH_TOKEN_PARAM = 'jeton';
