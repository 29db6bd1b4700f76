/**
 * Messages between the process that shows the window (Electron's main process, browser mode's server) and the data
 * worker that owns the database and runs the services (issue 18 §4). Everything crossing is plain data
 * (structured clone); the cancellation flags are shared memory, so the worker reads them in the middle of a
 * synchronous transaction without waiting for a message it could not receive.
 */
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import type { CliDataCommand } from '../cli-data-commands';
import type { AppStateKind } from '../router';
import type { OsKeyGuardKind } from '../security/os-key-guard';

/** Where the worker finds the data and how it unlocks it. */
export interface DataWorkerStart {
  dataDir: string;
  /** The command line's `--db <file>`; default: cedre.sqlite in dataDir. */
  dbFile?: string;
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
  /** A `cedre` command on the database (cli-data-commands.ts); `stderrIsTTY`: the terminal can rewrite a progress line. */
  | { type: 'cli'; id: number; command: CliDataCommand; args: string[]; stderrIsTTY: boolean }
  | { type: 'guard-answer'; id: number; value: string | null; error: string | null };

export type FromWorker =
  | { type: 'started'; status: StartupStatus }
  | { type: 'start-failed'; message: string }
  /** A long step of the start (encrypting an old base), before `started`. */
  | { type: 'startup-step'; label: string; done: number; total: number }
  | { type: 'result'; id: number; result: RpcResult<unknown> }
  | { type: 'runtime-done'; id: number; value: unknown; error: string | null }
  /** What a `cedre` command printed, in order: a whole line (console) or raw text (a progress line rewritten in place). */
  | { type: 'cli-output'; stream: 'stdout' | 'stderr'; text: string; line: boolean }
  | { type: 'cli-done'; id: number; code: number }
  | { type: 'progress'; slot: number; progress: Omit<JobProgress, 'cancelRequested'> }
  /** The worker asks the parent's OS key guard to protect (wrap) or unprotect a key, as base64 / wrapped text. */
  | { type: 'guard'; id: number; operation: 'protect' | 'unprotect'; argument: string };
