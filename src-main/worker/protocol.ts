/**
 * Messages between the process that shows the window (Electron's main process, browser mode's server) and the data
 * worker that owns the database and runs the services (issue 18 §4). Everything crossing is plain data
 * (structured clone); the cancellation flags are shared memory, so the worker reads them in the middle of a
 * synchronous transaction without waiting for a message it could not receive.
 */
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import type { AppStateKind } from '../router';
import type { OsKeyGuardKind } from '../security/os-key-guard';

/** Where the worker finds the data and how it unlocks it. */
export interface DataWorkerStart {
  dataDir: string;
  migrationsFolder: string;
  /**
   * What keeps the data key on this PC: the development key file (browser mode), nothing (CEDRE_RECOVERY_KEY), or the
   * parent's guard (Electron's safeStorage, asked for over the port).
   */
  guard: { type: 'development-file' } | { type: 'none' } | { type: 'parent'; kind: OsKeyGuardKind; warning: string | null };
  recoveryKey: string | null;
  /** One Int32 per job slot: 1 = cancellation asked. */
  cancelFlags: SharedArrayBuffer;
}

export type RuntimeOperation = 'backupIfDue' | 'externalCopyIfDue' | 'purgeAuditLog' | 'backupOnClose' | 'status' | 'close';

export interface StartupStatus {
  state: AppStateKind;
  guardWarning: string | null;
}

export type ToWorker =
  /** `input` parsed by the parent, or `json`: the request's body, transferred as bytes and parsed here. */
  | { type: 'call'; id: number; route: string; input: unknown; json?: Uint8Array; sessionToken: string | null; slot: number | null }
  | { type: 'runtime'; id: number; operation: RuntimeOperation }
  | { type: 'guard-answer'; id: number; value: string | null; error: string | null };

export type FromWorker =
  | { type: 'started'; status: StartupStatus }
  | { type: 'start-failed'; message: string }
  /** A long step of the start (encrypting an old base), before `started`. */
  | { type: 'startup-step'; label: string; done: number; total: number }
  | { type: 'result'; id: number; result: RpcResult<unknown> }
  | { type: 'runtime-done'; id: number; value: unknown; error: string | null }
  | { type: 'progress'; slot: number; progress: Omit<JobProgress, 'cancelRequested'> }
  /** The worker asks the parent's OS key guard to protect (wrap) or unprotect a key, as base64 / wrapped text. */
  | { type: 'guard'; id: number; operation: 'protect' | 'unprotect'; argument: string };
