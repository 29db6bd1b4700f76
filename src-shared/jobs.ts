/**
 * Long operations (import, annual report, restore, backup…) report where they stand while they run, and some can be
 * cancelled (issue 18 §4). The screen gives the call a job id of its own, asks the main process for the job's
 * progress while it waits, and may ask to cancel. The main process answers these itself, without waiting for the
 * data worker that does the work: that is what keeps the window alive during an import.
 */
import { formatNumber } from './format/french-number';

export interface JobProgress {
  /** What is being done now, in French (« Écriture des lignes », « Mise en page du rapport PDF »…). */
  step: string;
  /** Units (rows, steps) done and expected; null when not known yet. */
  done: number | null;
  total: number | null;
  /** What `done` counts, in French (« lignes »), shown as « 1 200 sur 10 000 lignes »; null: only a percentage. */
  unit: string | null;
  /** Whether cancelling now is safe (nothing irreversible has started). */
  cancellable: boolean;
  /** The user asked to cancel: the work stops at its next safe point and changes nothing. */
  cancelRequested: boolean;
}

/** Share done, 0–100, or null while the total is not known. */
export function percentDone(p: Pick<JobProgress, 'done' | 'total'>): number | null {
  return p.total ? Math.min(100, Math.round(((p.done ?? 0) / p.total) * 100)) : null;
}

/** « Écriture des lignes — 1 200 sur 10 000 lignes (12 %) », as the screen and the command line show it. */
export function describeProgress(p: Pick<JobProgress, 'step' | 'done' | 'total' | 'unit'>): string {
  const counted = p.unit && p.total ? ` — ${formatNumber(p.done ?? 0)} sur ${formatNumber(p.total)} ${p.unit}` : '';
  const share = percentDone(p);
  return `${p.step}${counted}${share !== null ? ` (${share}\u00a0%)` : ''}`;
}

/** A job id is chosen by the screen: random, URL-safe, of a sane length (it travels in a header and a path). */
export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID_PATTERN.test(value);
}

/** What the screen asks about a job. */
export type JobAction = 'progress' | 'cancel';

export interface JobRequest {
  job: string;
  action: JobAction;
  session: string | null;
}

/** Answer to a job request: the progress, or null when no job of this session runs under that id (finished, or never). */
export type JobAnswer = { ok: true; progress: JobProgress | null };

export const JOB_CANCELLED_MESSAGE = 'Opération annulée à votre demande : rien n’a été enregistré.';
