/**
 * What the transports and the application's lifecycle need from the data side, whether it runs in a worker thread
 * (the app: data-worker-client.ts) or in the same thread (tests that read the database directly:
 * local-data-service.ts).
 */
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import type { StartupStatus } from './protocol';

export interface RpcCaller {
  sessionToken: string | null;
  /** The screen's job id, when it follows this call's progress. */
  jobId?: string | null;
}

export interface RpcDispatcher {
  dispatch(route: string, input: unknown, caller: RpcCaller): Promise<RpcResult<unknown>>;
  /**
   * The same with the request's JSON body still as bytes: parsed where the work runs, so that a 40 MB workbook
   * sent for import is not parsed on the thread that must keep answering (a malformed body gets the same 400).
   */
  dispatchJson?(route: string, body: Uint8Array, caller: RpcCaller): Promise<RpcResult<unknown>>;
  /** Answered at once, without waiting for the work: null when this session has no job under that id. */
  jobProgress?(jobId: string, sessionToken: string | null): JobProgress | null;
  cancelJob?(jobId: string, sessionToken: string | null): JobProgress | null;
}

export interface DataService extends RpcDispatcher {
  jobProgress(jobId: string, sessionToken: string | null): JobProgress | null;
  cancelJob(jobId: string, sessionToken: string | null): JobProgress | null;
  status(): Promise<StartupStatus>;
  /** Start-up housekeeping, in the background after the first screen. */
  housekeeping(): Promise<void>;
  /** A last backup, then closing: what quitting the app does. */
  closeWithBackup(): Promise<void>;
  close(): Promise<void>;
}

export const MALFORMED_JSON_MESSAGE = 'Les données envoyées ne sont pas du JSON valide.';

/** A request body as the routes receive it: {} when empty; null when it is not JSON. */
export function parseJsonBody(body: Uint8Array): { input: unknown } | null {
  if (body.byteLength === 0) return { input: {} };
  try {
    return { input: JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) };
  } catch {
    return null;
  }
}

/** Start-up housekeeping: each step on its own, so one failing does not stop the others. */
export async function runHousekeeping(steps: { backupIfDue(): Promise<unknown>; externalCopyIfDue(): Promise<unknown>; purgeAuditLog(): Promise<unknown> | unknown }): Promise<void> {
  await steps
    .backupIfDue()
    .then(() => steps.externalCopyIfDue())
    .catch((err: unknown) => console.error('[cedre] sauvegarde automatique impossible :', err))
    .then(() => steps.purgeAuditLog())
    .catch((err: unknown) => console.error('[cedre] purge du journal d’audit impossible :', err));
}
