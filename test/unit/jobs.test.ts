/** Progress and cancellation of long calls (issue 18 §4): the handler's control and the transport's registry. */
import { describe, expect, it } from 'vitest';
import { JobCancelledError, jobControl, REPORT_INTERVAL_MS } from '../../src-main/jobs/job-control';
import { JobRegistry } from '../../src-main/jobs/job-registry';
import { terminalProgress } from '../../src-main/jobs/terminal-progress';
import { isJobId, JOB_CANCELLED_MESSAGE } from '../../src-shared/jobs';

describe('job control', () => {
  it('publishes each step at once and row advances at most every REPORT_INTERVAL_MS', () => {
    let now = 0;
    const published: Array<{ step: string; done: number | null }> = [];
    const job = jobControl({ publish: (p) => published.push({ step: p.step, done: p.done }), cancelRequested: () => false }, () => now);
    job.report({ step: 'Écriture des lignes', done: 0, total: 1000, unit: 'lignes', cancellable: true });
    for (let row = 1; row <= 1000; row++) {
      now += 1; // one row per millisecond
      job.advance(row);
    }
    expect(published[0]).toEqual({ step: 'Écriture des lignes', done: 0 });
    // 1 000 rows in 1 000 ms: about ten reports, not a thousand messages.
    expect(published.length).toBeGreaterThanOrEqual(1000 / REPORT_INTERVAL_MS);
    expect(published.length).toBeLessThanOrEqual(1000 / REPORT_INTERVAL_MS + 2);
    job.report({ step: 'Enregistrement' });
    expect(published.at(-1)).toEqual({ step: 'Enregistrement', done: null });
  });

  it('throws the French cancellation once asked, and not before', () => {
    let asked = false;
    const job = jobControl({ publish: () => {}, cancelRequested: () => asked });
    expect(() => job.throwIfCancelled()).not.toThrow();
    asked = true;
    expect(job.cancelRequested()).toBe(true);
    expect(() => job.throwIfCancelled()).toThrow(JobCancelledError);
    expect(() => job.throwIfCancelled()).toThrow(JOB_CANCELLED_MESSAGE);
  });
});

describe('job registry', () => {
  it('shows a job to the session that started it only, and passes its cancellation on', () => {
    const jobs = new JobRegistry();
    let cancelled = 0;
    expect(jobs.begin('job-aaaaaaaa', 'session-a', () => cancelled++)).toBe(true);
    expect(jobs.begin('job-aaaaaaaa', 'session-b', () => {})).toBe(false);
    jobs.update('job-aaaaaaaa', { step: 'Écriture des lignes', done: 10, total: 20, unit: 'lignes', cancellable: true });
    expect(jobs.progress('job-aaaaaaaa', 'session-a')).toMatchObject({ done: 10, total: 20, cancelRequested: false });
    expect(jobs.progress('job-aaaaaaaa', 'session-b')).toBeNull();
    expect(jobs.progress('job-aaaaaaaa', null)).toBeNull();
    expect(jobs.cancel('job-aaaaaaaa', 'session-b')).toBeNull();
    expect(cancelled).toBe(0);
    expect(jobs.cancel('job-aaaaaaaa', 'session-a')?.cancelRequested).toBe(true);
    expect(cancelled).toBe(1);
    // A later report keeps the request visible.
    jobs.update('job-aaaaaaaa', { step: 'Écriture des lignes', done: 11, total: 20, unit: 'lignes', cancellable: true });
    expect(jobs.progress('job-aaaaaaaa', 'session-a')?.cancelRequested).toBe(true);
    jobs.end('job-aaaaaaaa');
    expect(jobs.progress('job-aaaaaaaa', 'session-a')).toBeNull();
    expect(jobs.size).toBe(0);
  });

  it('accepts only sane job ids (they travel in a header and a path)', () => {
    expect(isJobId('job-0f4c2a9e-1b7d-4e1a-9c3b-2d5e6f708192')).toBe(true);
    for (const bad of ['short', '../../etc/passwd', 'a'.repeat(65), 'job id with spaces', 42, null]) expect(isJobId(bad)).toBe(false);
  });
});

describe('progress on the command line', () => {
  it('rewrites one line on a terminal, and writes one line per step in a log', () => {
    let now = 0;
    const tty: string[] = [];
    const log: string[] = [];
    for (const [stream, out] of [[{ isTTY: true, write: (t: string) => tty.push(t) }, tty], [{ isTTY: false, write: (t: string) => log.push(t) }, log]] as const) {
      const job = terminalProgress(stream, () => now);
      job.report({ step: 'Lecture des fichiers', cancellable: true });
      job.report({ step: 'Écriture des lignes', done: 0, total: 10_000, unit: 'lignes', cancellable: true });
      now += 150;
      job.advance(1200);
      job.end();
      expect(out.length).toBeGreaterThan(0);
    }
    expect(tty).toEqual([
      '\r\u001b[2KLecture des fichiers',
      '\r\u001b[2KÉcriture des lignes — 0 sur 10\u00a0000 lignes (0\u00a0%)',
      '\r\u001b[2KÉcriture des lignes — 1\u00a0200 sur 10\u00a0000 lignes (12\u00a0%)',
      '\r\u001b[2K',
    ]);
    expect(log).toEqual(['Lecture des fichiers…\n', 'Écriture des lignes…\n']);
  });
});
