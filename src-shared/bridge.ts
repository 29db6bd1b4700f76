/**
 * What the Electron preload exposes to the renderer as `window.cedre`: one function. No zod here — the sandboxed
 * preload may import nothing but `electron`, and it imports this file for types only.
 */
export const IPC_CHANNEL = 'cedre:rpc';
/** Progress and cancellation of a long call (src-shared/jobs.ts). */
export const IPC_JOB_CHANNEL = 'cedre:job';

export interface RpcEnvelope {
  route: string;
  input: unknown;
  session: string | null;
  /** The job id the screen gave this call, to follow its progress; absent for ordinary calls. */
  job?: string | null;
}

export interface CedreBridge {
  call(envelope: RpcEnvelope): Promise<unknown>;
  /** A JobRequest (src-shared/jobs.ts); answers a JobAnswer. */
  job(request: { job: string; action: 'progress' | 'cancel'; session: string | null }): Promise<unknown>;
}

/** Header names of the HTTP transport (browser mode). */
export const HTTP_TOKEN_HEADER = 'x-cedre-token';
export const HTTP_SESSION_HEADER = 'x-cedre-session';
export const HTTP_JOB_HEADER = 'x-cedre-job';
/** The launch token travels in the page address the server prints, as `?jeton=…`. */
export const LAUNCH_TOKEN_PARAM = 'jeton';
