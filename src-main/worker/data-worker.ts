/**
 * The data worker (issue 18 §4): a Node worker thread that opens the database, builds the services and runs every
 * route, so that a long import, a restore or the annual report never blocks the thread that keeps the window alive.
 * It answers the messages of protocol.ts; its parent is worker/data-worker-client.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { appPaths, appPathsForFile } from '../app-paths';
import { AppRuntime } from '../app-runtime';
import { jobControl } from '../jobs/job-control';
import { Router } from '../router';
import { routes } from '../routes';
import { DevKeyFileGuard, type OsKeyGuard } from '../security/os-key-guard';
import { MALFORMED_JSON_MESSAGE, parseJsonBody } from './data-service';
import { ParentKeyGuard } from './parent-key-guard';
import { runCliInWorker } from './cli-in-worker';
import type { DataWorkerStart, FromWorker, RuntimeOperation, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('data-worker.ts runs as a worker thread (worker/data-worker-client.ts starts it).');
const start = workerData as DataWorkerStart;
const cancelFlags = new Int32Array(start.cancelFlags);
const post = (message: FromWorker) => port.postMessage(message);
const paths = start.dbFile ? appPathsForFile(start.dbFile, start.migrationsFolder) : appPaths(start.dataDir, start.migrationsFolder);

let nextGuardQuestion = 1;
const guardQuestions = new Map<number, { resolve(value: string | null): void; reject(err: Error): void }>();

function guard(): OsKeyGuard | null {
  if (start.guard.type === 'none') return null;
  if (start.guard.type === 'development-file') return new DevKeyFileGuard(start.dataDir);
  return new ParentKeyGuard(start.guard.kind, start.guard.warning, (operation, argument) => {
    const id = nextGuardQuestion++;
    post({ type: 'guard', id, operation, argument });
    return new Promise((resolve, reject) => guardQuestions.set(id, { resolve, reject }));
  });
}

async function runOperation(runtime: AppRuntime, operation: RuntimeOperation): Promise<unknown> {
  switch (operation) {
    case 'backupIfDue':
      return (await runtime.backupIfDue())?.file ?? null;
    case 'externalCopyIfDue':
      return runtime.externalCopyIfDue();
    case 'purgeAuditLog':
      return runtime.purgeAuditLog();
    case 'backupOnClose':
      return (await runtime.backup('fermeture'))?.file ?? null;
    case 'status':
      return runtime.startupStatus();
    case 'close':
      runtime.close();
      return null;
  }
}

async function main(): Promise<void> {
  // Guard answers must be read while the runtime starts (it unlocks the data key through them).
  let runtime: AppRuntime | null = null;
  let router: Router | null = null;
  port!.on('message', (message: ToWorker) => {
    if (message.type === 'guard-answer') {
      const question = guardQuestions.get(message.id);
      guardQuestions.delete(message.id);
      if (message.error !== null) question?.reject(new Error(message.error));
      else question?.resolve(message.value);
      return;
    }
    if (!runtime || !router) return;
    if (message.type === 'call') {
      const slot = message.slot;
      const job =
        slot === null
          ? undefined
          : jobControl({
              publish: (progress) => post({ type: 'progress', slot, progress }),
              cancelRequested: () => Atomics.load(cancelFlags, slot) === 1,
            });
      const parsed = message.json ? parseJsonBody(message.json) : { input: message.input };
      if (!parsed) {
        post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'VALIDATION', message: MALFORMED_JSON_MESSAGE } } });
        return;
      }
      void router.dispatch(message.route, parsed.input, { sessionToken: message.sessionToken, job }).then((result) => post({ type: 'result', id: message.id, result }));
      return;
    }
    const started = runtime;
    if (message.type === 'cli') {
      void runCliInWorker(started, message, paths, post).then((code) => post({ type: 'cli-done', id: message.id, code }));
      return;
    }
    runOperation(started, message.operation).then(
      (value) => post({ type: 'runtime-done', id: message.id, value, error: null }),
      (err: unknown) => post({ type: 'runtime-done', id: message.id, value: null, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  try {
    runtime = await AppRuntime.start(paths, undefined, {
      guard: guard(),
      recoveryKey: start.recoveryKey,
      onStartupStep: (label, done, total) => post({ type: 'startup-step', label, done, total }),
    });
    router = new Router(routes, runtime);
    post({ type: 'started', status: runtime.startupStatus() });
  } catch (err) {
    post({ type: 'start-failed', message: err instanceof Error ? err.message : String(err) });
  }
}

void main();
