/**
 * Does the server still answer while an import of 100 000 rows runs (issue 18 §4: within 50 ms)? Starts browser
 * mode's server in its own process, sets a structure up, sends the import, and asks the job's progress every 20 ms
 * meanwhile, timing each answer from this process. Run twice: data work in the worker (the app) and in the server's
 * own thread (what the app did before), for comparison.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SetupInput } from '../src-shared/schemas/setup';

const SETUP: SetupInput = {
  structure: { nom: 'Chantier du banc', siret: '520 000 015 00013', departement: '07', adresse: '1 rue du Banc', codePostal: '07000', commune: 'Privas' },
  dispositifs: ['ACI'],
  admin: { displayName: 'Banc Mesure', login: 'banc', password: 'un chêne solide', passwordConfirmation: 'un chêne solide' },
};

export interface ResponsivenessResult {
  mode: 'worker' | 'in-process';
  rows: number;
  importWallMs: number;
  answers: number;
  answerMs: { median: number; p99: number; max: number };
  /** Answers over 50 ms: when they came (ms after the import was sent) and how long they took. */
  slow: Array<{ atMs: number; ms: number }>;
  progressSeen: number;
  lastProgress: string | null;
  /** The server's event loop, measured inside it (monitorEventLoopDelay, 5 ms resolution). */
  serverEventLoopDelayMs: { p99: number; max: number };
}

const ROOT = join(__dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measureResponsiveness(mode: 'worker' | 'in-process', rows = 100_000): Promise<ResponsivenessResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cedre-bench-reactivite-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'serve.ts'), dataDir, mode], { cwd: ROOT, env: { ...process.env, CI: '1' } });
  try {
    const { origin, token } = await new Promise<{ origin: string; token: string }>((resolve, reject) => {
      let text = '';
      server.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const line = text.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line) as { origin: string; token: string });
      });
      server.on('exit', (code) => reject(new Error(`Serveur arrêté (${code})`)));
    });
    // The body is made before timing starts: what is measured is the server, not this process's JSON.stringify.
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
      (await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cedre-token': token, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })).json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const session = (await post('/rpc/setup.complete', SETUP)).data.token as string;
    const lines = ['ref;civilite;nom;prenom;date_naissance', ...Array.from({ length: rows }, (_, i) => `R${i};${i % 2 ? 'M' : 'MME'};Nom${i};Prénom${i};${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/198${i % 10}`)];
    const file = { name: 'personnes.csv', base64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') };
    const job = 'job-bench-reactivite';
    const importBody = JSON.stringify({ files: [file], simulation: false });
    server.stdin.write('debut\n');
    const started = performance.now();
    let finished = false;
    const importing = post('/rpc/import.run', importBody, { 'x-cedre-session': session, 'x-cedre-job': job }).finally(() => (finished = true));
    const answerMs: number[] = [];
    const slow: Array<{ atMs: number; ms: number }> = [];
    let progressSeen = 0;
    let lastProgress: string | null = null;
    while (!finished) {
      const asked = performance.now();
      // A server that held its thread for seconds may drop the kept-alive connection: the wait still counts.
      const answer = await post(`/job/${job}/progress`, {}, { 'x-cedre-session': session }).catch(() => ({ progress: null }));
      answerMs.push(performance.now() - asked);
      if (answerMs.at(-1)! > 50) slow.push({ atMs: Math.round(asked - started), ms: Math.round(answerMs.at(-1)!) });
      if (answer.progress && !finished) {
        progressSeen++;
        lastProgress = `${answer.progress.step} ${answer.progress.done ?? ''}/${answer.progress.total ?? ''}`;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const report = await importing;
    const importWallMs = performance.now() - started;
    const serverEventLoopDelayMs = await new Promise<{ p99: number; max: number }>((resolve) => {
      const listen = (chunk: Buffer) => {
        const line = chunk.toString().split('\n').find((l) => l.includes('eventLoopDelayMs'));
        if (!line) return;
        server.stdout.off('data', listen);
        resolve((JSON.parse(line) as { eventLoopDelayMs: { p99: number; max: number } }).eventLoopDelayMs);
      };
      server.stdout.on('data', listen);
      server.stdin.write('fin\n');
    });
    if (!report.ok || !report.data.ok) throw new Error(`Import refusé : ${JSON.stringify(report).slice(0, 300)}`);
    const sorted = [...answerMs].sort((a, b) => a - b);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      mode,
      rows,
      importWallMs: Math.round(importWallMs),
      answers: answerMs.length,
      answerMs: { median: r1(percentile(sorted, 50)), p99: r1(percentile(sorted, 99)), max: r1(sorted.at(-1) ?? NaN) },
      slow,
      progressSeen,
      lastProgress,
      serverEventLoopDelayMs: { p99: r1(serverEventLoopDelayMs.p99), max: r1(serverEventLoopDelayMs.max) },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void (async () => {
    for (const mode of ['worker', 'in-process'] as const) console.log(JSON.stringify(await measureResponsiveness(mode)));
  })();
}
