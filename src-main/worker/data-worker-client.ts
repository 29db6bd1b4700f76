/**
 * The parent's side of the data worker (issue 18 §4): starts worker/data-worker.ts in a worker thread, relays route
 * calls to it and their results back, and answers progress and cancellation requests at once from what the worker
 * last reported, while the worker is busy. Used by Electron's main process and browser mode's server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RpcResult } from '../../src-shared/errors';
import type { JobProgress } from '../../src-shared/jobs';
import type { CliDataCommand } from '../cli-data-commands';
import { JobRegistry } from '../jobs/job-registry';
import type { OsKeyGuard } from '../security/os-key-guard';
import type { DataService, RpcCaller } from './data-service';
import { runHousekeeping } from './data-service';
import type { DataWorkerStart, FromWorker, RuntimeOperation, StartupStatus, ToWorker } from './protocol';

/** Jobs followed at once; beyond, a call runs unfollowed (no progress, no cancel). */
const JOB_SLOTS = 64;
/** A worker that died is started again this many times at most, then calls answer that the app must be restarted. */
const MAX_RESTARTS = 3;

const STOPPED_MESSAGE = 'Le moteur de données s’est arrêté de façon inattendue ; rien n’a été enregistré pour cette action. Fermez puis relancez l’application.';

export interface DataWorkerOptions {
  dataDir: string;
  /** The command line's `--db <file>`; default: cedre.sqlite in dataDir. */
  dbFile?: string;
  migrationsFolder: string;
  /** What keeps the data key: the development key file, nothing (recovery key only), or a guard of this process (safeStorage). */
  guard: 'development-file' | 'none' | OsKeyGuard;
  recoveryKey: string | null;
  /** The worker's script; default: the bundled one beside this file, else the TypeScript sources through tsx. */
  entry?: string;
  /** The long steps of the worker's start (encrypting an old base), for the launcher to show. */
  onStartupStep?: (label: string, done: number, total: number) => void;
  /** What a `cedre` command run by the worker prints (runCli). */
  onCliOutput?: (output: Extract<FromWorker, { type: 'cli-output' }>) => void;
}

/** The bundled worker beside the bundle that starts it (out/web, out/main), else the sources' bootstrap. */
export function defaultWorkerEntry(dir: string = __dirname): string {
  for (const name of ['data-worker.cjs', 'data-worker.js']) if (existsSync(join(dir, name))) return join(dir, name);
  return join(dir, 'dev-bootstrap.cjs');
}

interface Pending {
  resolve(value: unknown): void;
  jobId: string | null;
  slot: number | null;
}

export class DataWorkerClient implements DataService {
  private worker: Worker | null = null;
  private starting: Promise<StartupStatus> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cancelFlags = new Int32Array(new SharedArrayBuffer(JOB_SLOTS * 4));
  private readonly slotJobs = new Array<string | null>(JOB_SLOTS).fill(null);
  private readonly jobs = new JobRegistry();
  private restarts = 0;
  private closing = false;
  private lastStatus: StartupStatus | null = null;
  /** The first start, until it ends: calls made meanwhile wait for it (they are not restarts). */
  private firstStart: Promise<StartupStatus> | null = null;
  private firstStartFailure: string | null = null;
  /** The long step the first start is at (encrypting an old base), shown to the screens waiting for it. */
  private startupStep: Omit<JobProgress, 'cancelRequested'> | null = null;

  private constructor(private readonly options: DataWorkerOptions) {}

  static async start(options: DataWorkerOptions): Promise<DataWorkerClient> {
    const client = DataWorkerClient.launch(options);
    await client.ready;
    return client;
  }

  /**
   * The client at once, its worker still starting: the transport can listen and the window open before the database
   * is unlocked (a screen then shows the start's long steps as the progress of its first call). `ready` settles
   * when the worker has started, or with the reason it could not.
   */
  static launch(options: DataWorkerOptions): DataWorkerClient & { ready: Promise<StartupStatus> } {
    const client = new DataWorkerClient(options);
    const ready = client.ensureStarted().then(
      (status) => {
        client.firstStart = null;
        client.startupStep = null;
        return status;
      },
      (err: unknown) => {
        client.firstStart = null;
        client.startupStep = null;
        client.firstStartFailure = `Démarrage impossible : ${err instanceof Error ? err.message : String(err)}`;
        throw err;
      },
    );
    client.firstStart = ready;
    // Whoever launches handles the failure through `ready`; the calls waiting on it get the message.
    ready.catch(() => undefined);
    return Object.assign(client, { ready });
  }

  private ensureStarted(): Promise<StartupStatus> {
    if (this.worker && this.lastStatus) return Promise.resolve(this.lastStatus);
    this.starting ??= this.spawn().finally(() => (this.starting = null));
    return this.starting;
  }

  private spawn(): Promise<StartupStatus> {
    const { guard } = this.options;
    const start: DataWorkerStart = {
      dataDir: this.options.dataDir,
      ...(this.options.dbFile ? { dbFile: this.options.dbFile } : {}),
      migrationsFolder: this.options.migrationsFolder,
      guard: guard === 'development-file' ? { type: 'development-file' } : guard === 'none' ? { type: 'none' } : { type: 'parent', kind: guard.kind, warning: guard.warning },
      recoveryKey: this.options.recoveryKey,
      cancelFlags: this.cancelFlags.buffer as SharedArrayBuffer,
    };
    const entry = this.options.entry ?? defaultWorkerEntry();
    if (!existsSync(entry)) return Promise.reject(new Error(`Le moteur de données est introuvable (${entry}) : reconstruisez l’application (npm run web le fait).`));
    const worker = new Worker(entry, { workerData: start });
    return new Promise<StartupStatus>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'started') {
          started = true;
          this.worker = worker;
          this.lastStatus = message.status;
          resolve(message.status);
        } else if (message.type === 'start-failed') {
          void worker.terminate();
          reject(new Error(message.message));
        } else if (message.type === 'startup-step') {
          this.startupStep = { step: message.label, done: message.done, total: message.total, unit: 'étapes', cancellable: false };
          this.options.onStartupStep?.(message.label, message.done, message.total);
        } else this.receive(worker, message);
      });
      worker.on('error', (err) => {
        console.error('[cedre] le moteur de données a échoué :', err);
        if (!started) reject(err);
      });
      worker.on('exit', (code) => {
        if (!started) reject(new Error(`Le moteur de données s’est arrêté au démarrage (code ${code}).`));
        this.workerStopped(worker);
      });
    });
  }

  private receive(worker: Worker, message: FromWorker): void {
    switch (message.type) {
      case 'cli-output':
        this.options.onCliOutput?.(message);
        return;
      case 'result':
      case 'cli-done':
      case 'runtime-done': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        this.releaseJob(pending);
        pending.resolve(message.type === 'runtime-done' ? message : message.type === 'result' ? message.result : message.code);
        return;
      }
      case 'progress': {
        const jobId = this.slotJobs[message.slot];
        if (jobId) this.jobs.update(jobId, message.progress);
        return;
      }
      case 'guard': {
        const guard = this.options.guard;
        const answer = (value: string | null, error: string | null) => worker.postMessage({ type: 'guard-answer', id: message.id, value, error } satisfies ToWorker);
        if (typeof guard === 'string') return answer(null, 'Aucune protection de clé dans ce processus.');
        const work = message.operation === 'protect' ? guard.protect(Buffer.from(message.argument, 'base64')) : guard.unprotect(message.argument).then((key) => (key ? key.toString('base64') : null));
        work.then(
          (value) => answer(value, null),
          (err: unknown) => answer(null, err instanceof Error ? err.message : String(err)),
        );
        return;
      }
      default:
        return;
    }
  }

  /** Every call waiting on a worker that stopped is answered (nothing was committed: SQLite rolled the transaction back). */
  private workerStopped(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.lastStatus = null;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      this.releaseJob(pending);
      pending.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: STOPPED_MESSAGE } } satisfies RpcResult<unknown>);
    }
  }

  private releaseJob(pending: Pending): void {
    if (pending.jobId) this.jobs.end(pending.jobId);
    if (pending.slot !== null) {
      this.slotJobs[pending.slot] = null;
      Atomics.store(this.cancelFlags, pending.slot, 0);
    }
  }

  private async post(message: ToWorker, pending: Pending): Promise<unknown> {
    if (!this.worker && this.firstStart) await this.firstStart.catch(() => undefined);
    if (!this.worker && this.firstStartFailure !== null) {
      this.releaseJob(pending);
      return { ok: false, error: { code: 'UNAVAILABLE', message: this.firstStartFailure } };
    }
    if (!this.worker) {
      if (this.closing || this.restarts >= MAX_RESTARTS) {
        this.releaseJob(pending);
        return { ok: false, error: { code: 'UNAVAILABLE', message: STOPPED_MESSAGE } };
      }
      this.restarts++;
      try {
        await this.ensureStarted();
      } catch (err) {
        console.error('[cedre] redémarrage du moteur de données impossible :', err);
        this.releaseJob(pending);
        return { ok: false, error: { code: 'UNAVAILABLE', message: STOPPED_MESSAGE } };
      }
    }
    return new Promise((resolve) => {
      this.pending.set(message.id, { ...pending, resolve });
      // A body of its own memory is moved to the worker, not copied (a workbook can weigh 40 MB).
      const body = message.type === 'call' ? message.json : undefined;
      const movable = body && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      this.worker!.postMessage(message, movable ? [body.buffer as ArrayBuffer] : []);
    });
  }

  dispatch(route: string, input: unknown, caller: RpcCaller): Promise<RpcResult<unknown>> {
    return this.call(route, { input }, caller);
  }

  dispatchJson(route: string, body: Uint8Array, caller: RpcCaller): Promise<RpcResult<unknown>> {
    return this.call(route, { json: body }, caller);
  }

  private async call(route: string, payload: { input?: unknown; json?: Uint8Array }, caller: RpcCaller): Promise<RpcResult<unknown>> {
    const id = this.nextId++;
    let jobId = caller.jobId ?? null;
    let slot: number | null = null;
    if (jobId !== null) {
      slot = this.slotJobs.indexOf(null);
      const followed = slot >= 0 && this.jobs.begin(jobId, caller.sessionToken, () => Atomics.store(this.cancelFlags, slot!, 1));
      if (followed) this.slotJobs[slot] = jobId;
      else {
        jobId = null;
        slot = null;
      }
    }
    const message: ToWorker = { type: 'call', id, route, input: payload.input, json: payload.json, sessionToken: caller.sessionToken, slot };
    return (await this.post(message, { jobId, slot, resolve: () => {} })) as RpcResult<unknown>;
  }

  jobProgress(jobId: string, sessionToken: string | null): JobProgress | null {
    const progress = this.jobs.progress(jobId, sessionToken);
    // A call waiting for the first start follows the start's own steps.
    if (progress && this.firstStart && this.startupStep) return { ...this.startupStep, cancelRequested: progress.cancelRequested };
    return progress;
  }

  cancelJob(jobId: string, sessionToken: string | null): JobProgress | null {
    return this.jobs.cancel(jobId, sessionToken);
  }

  private async operate(operation: RuntimeOperation): Promise<unknown> {
    const id = this.nextId++;
    const done = (await this.post({ type: 'runtime', id, operation }, { jobId: null, slot: null, resolve: () => {} })) as
      | { type: 'runtime-done'; value: unknown; error: string | null }
      | RpcResult<unknown>;
    if ('type' in done) {
      if (done.error !== null) throw new Error(done.error);
      return done.value;
    }
    throw new Error(done.ok ? 'réponse inattendue' : done.error.message);
  }

  /**
   * Runs a `cedre` command on the database (cli-data-commands.ts) and answers its exit status; what it prints comes
   * through `onCliOutput` before the answer.
   */
  async runCli(command: CliDataCommand, args: string[], stderrIsTTY: boolean): Promise<number> {
    const id = this.nextId++;
    const done = (await this.post({ type: 'cli', id, command, args, stderrIsTTY }, { jobId: null, slot: null, resolve: () => {} })) as number | RpcResult<unknown>;
    if (typeof done === 'number') return done;
    throw new Error(done.ok ? 'réponse inattendue' : done.error.message);
  }

  async status(): Promise<StartupStatus> {
    return (await this.operate('status')) as StartupStatus;
  }

  housekeeping(): Promise<void> {
    return runHousekeeping({
      backupIfDue: () => this.operate('backupIfDue'),
      externalCopyIfDue: () => this.operate('externalCopyIfDue'),
      purgeAuditLog: () => this.operate('purgeAuditLog'),
    });
  }

  async closeWithBackup(): Promise<void> {
    await this.operate('backupOnClose').catch((err: unknown) => console.error('[cedre] sauvegarde de fermeture impossible :', err));
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    const worker = this.worker;
    if (worker) await this.operate('close').catch((err: unknown) => console.error('[cedre] fermeture de la base impossible :', err));
    this.closing = true;
    // The 'exit' handler answers any call still waiting (workerStopped) and forgets the worker.
    await worker?.terminate();
  }
}
