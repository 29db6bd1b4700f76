/**
 * The data worker (issue 18 §4), for real: a worker thread owning a real SQLite file, driven through the same
 * DataService the transports use. While it imports thousands of rows, this thread keeps answering progress
 * requests; a cancellation rolls the whole import back; a worker that dies answers its pending calls and restarts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import type { ImportReport } from '../../src-shared/import-format';
import { JOB_CANCELLED_MESSAGE, type JobProgress } from '../../src-shared/jobs';
import type { RpcResult } from '../../src-shared/errors';
import { DataWorkerClient } from '../../src-main/worker/data-worker-client';
import { TestApp, VALID_SETUP } from '../helpers/app';
import { MIGRATIONS, tempDir } from '../helpers/temp';

let client: DataWorkerClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

/** A personnes.csv as a spreadsheet export would write it: `;`, French dates, a BOM. */
function personnesCsv(count: number, prefix: string): { name: string; base64: string } {
  const lines = ['ref;civilite;nom;prenom;date_naissance'];
  for (let i = 0; i < count; i++) lines.push(`${prefix}-${i};${i % 2 ? 'M' : 'MME'};Nom${prefix}${i};Prénom${i};${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/198${i % 10}`);
  return { name: 'personnes.csv', base64: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8').toString('base64') };
}

async function startWorker(dataDir: string): Promise<DataWorkerClient> {
  return DataWorkerClient.start({ dataDir, migrationsFolder: MIGRATIONS, guard: 'development-file', recoveryKey: null });
}

/** A worker on a new folder with a structure set up: the client, the folder and the administrator's session. */
async function setUpWorker(): Promise<{ data: DataWorkerClient; dataDir: string; token: string }> {
  const dataDir = tempDir();
  const data = await startWorker(dataDir);
  client = data;
  const setup = await call<{ token: string }>(data, 'setup.complete', VALID_SETUP, null);
  if (!setup.ok) throw new Error(setup.error.message);
  return { data, dataDir, token: setup.data.token };
}

/** Closes the worker, then opens the same file in this thread to read what was committed. */
async function reopened(dataDir: string): Promise<TestApp> {
  await client?.close();
  client = null;
  return TestApp.start(dataDir);
}

async function call<T>(data: DataWorkerClient, route: string, input: unknown, sessionToken: string | null, jobId: string | null = null): Promise<RpcResult<T>> {
  return (await data.dispatch(route, input, { sessionToken, jobId })) as RpcResult<T>;
}

/** Polls the job every 10 ms until the call settles: what the screen does, with the samples and how long each answer took. */
async function follow<T>(data: DataWorkerClient, pending: Promise<T>, jobId: string, session: string, onSample?: (p: JobProgress) => void) {
  const samples: JobProgress[] = [];
  const answerMs: number[] = [];
  let settled = false;
  void pending.finally(() => (settled = true));
  while (!settled) {
    const asked = performance.now();
    const progress = data.jobProgress(jobId, session);
    answerMs.push(performance.now() - asked);
    if (progress) {
      samples.push(progress);
      onSample?.(progress);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { result: await pending, samples, answerMs };
}

describe('data worker', () => {
  it('runs the routes in a worker thread: an import reports its rows while this thread keeps answering', async () => {
    const dataDir = tempDir();
    client = await startWorker(dataDir);
    expect((await client.status()).state).toBe('setup');
    const setup = await call<{ token: string }>(client, 'setup.complete', VALID_SETUP, null);
    expect(setup.ok).toBe(true);
    const token = setup.ok ? setup.data.token : '';
    expect((await client.status()).state).toBe('ready');

    const rows = 20_000;
    const jobId = 'import-job-0001';
    const pending = call<ImportReport>(client, 'import.run', { files: [personnesCsv(rows, 'A')], simulation: false }, token, jobId);
    const { result, samples } = await follow(client, pending, jobId, token);
    expect(result.ok, JSON.stringify(result).slice(0, 400)).toBe(true);
    const report = result.ok ? result.data : null;
    expect(report?.ok).toBe(true);
    expect(report?.feuilles.find((f) => f.feuille === 'personnes')?.creees).toBe(rows);
    // The screen saw the steps and rows advance, before the result came back.
    expect(samples.some((s) => s.step === 'Écriture des lignes' && s.total === rows && s.unit === 'lignes' && (s.done ?? 0) > 0 && (s.done ?? 0) < rows)).toBe(true);
    expect(new Set(samples.map((s) => s.step)).size).toBeGreaterThan(1);
    // The job is gone once answered; another session never saw it.
    expect(client.jobProgress(jobId, token)).toBeNull();

    const app = await reopened(dataDir);
    expect(app.count('personnes')).toBe(rows);
    app.close();
  }, 120_000);

  it('cancels an import at the user’s request: rolled back, nothing written, another session cannot see or cancel it', async () => {
    const { data: worker, dataDir, token } = await setUpWorker();
    const jobId = 'import-job-0002';
    let asked = false;
    const pending = call<ImportReport>(worker, 'import.run', { files: [personnesCsv(20_000, 'B')], simulation: false }, token, jobId);
    const { result } = await follow(worker, pending, jobId, token, (p) => {
      if (!asked && p.step === 'Écriture des lignes' && (p.done ?? 0) > 0) {
        expect(worker.jobProgress(jobId, 'une-autre-session')).toBeNull();
        expect(worker.cancelJob(jobId, 'une-autre-session')).toBeNull();
        expect(worker.cancelJob(jobId, token)?.cancelRequested).toBe(true);
        asked = true;
      }
    });
    expect(asked).toBe(true);
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: JOB_CANCELLED_MESSAGE } });

    // The same import, not cancelled, still goes through afterwards (the slot and its flag were released).
    const again = await call<ImportReport>(worker, 'import.run', { files: [personnesCsv(50, 'C')], simulation: false }, token, jobId);
    expect(again.ok && again.data.ok).toBe(true);
    const app = await reopened(dataDir);
    expect(app.count('personnes')).toBe(50);
    // Only the second import's rows: not one row or reference of the cancelled one.
    expect(app.runtime.openOrNull()!.sqlite.prepare("select count(*) from import_refs where ref like 'B-%'").pluck().get()).toBe(0);
    expect(app.count('import_refs')).toBe(50);
    app.close();
  }, 120_000);

  it('answers the calls of a worker that died, then starts a new one for the next call', async () => {
    const { data: worker, dataDir, token } = await setUpWorker();
    const pending = call(worker, 'import.run', { files: [personnesCsv(20_000, 'D')], simulation: false }, token);
    // What a native crash or an out-of-memory would do to the thread.
    await (worker as unknown as { worker: Worker }).worker.terminate();
    const lost = await pending;
    expect(lost.ok).toBe(false);
    expect(lost.ok ? '' : lost.error.message).toMatch(/moteur de données s’est arrêté.*rien n’a été enregistré/);
    // The next call starts a new worker on the same file; the database is whole.
    expect((await worker.status()).state).toBe('ready');
    const status = await call<{ state: string }>(worker, 'system.status', {}, null);
    expect(status.ok && status.data.state).toBe('ready');
    const app = await reopened(dataDir);
    expect(app.count('personnes')).toBe(0);
    app.close();
  }, 120_000);
});
