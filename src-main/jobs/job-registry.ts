/**
 * The jobs running now, on the side of the transport (Electron's main process, browser mode's server): their last
 * progress and a way to ask for their cancellation. Progress is personal to the session that started the job: another
 * session (or a guessed id) learns nothing, not even that the job exists.
 */
import type { JobProgress } from '../../src-shared/jobs';

interface RunningJob {
  owner: string | null;
  progress: JobProgress;
  requestCancel(): void;
}

export class JobRegistry {
  private readonly jobs = new Map<string, RunningJob>();

  /** False when the id is already in use (the call then runs unfollowed). */
  begin(id: string, owner: string | null, requestCancel: () => void): boolean {
    if (this.jobs.has(id)) return false;
    this.jobs.set(id, {
      owner,
      requestCancel,
      progress: { step: 'En attente', done: null, total: null, unit: null, cancellable: false, cancelRequested: false },
    });
    return true;
  }

  update(id: string, progress: Omit<JobProgress, 'cancelRequested'>): void {
    const job = this.jobs.get(id);
    if (job) job.progress = { ...progress, cancelRequested: job.progress.cancelRequested };
  }

  end(id: string): void {
    this.jobs.delete(id);
  }

  progress(id: string, owner: string | null): JobProgress | null {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? { ...job.progress } : null;
  }

  /** Asks for the cancellation; the work stops at its next safe point. Returns the progress, or null if not this session's job. */
  cancel(id: string, owner: string | null): JobProgress | null {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return null;
    job.progress = { ...job.progress, cancelRequested: true };
    job.requestCancel();
    return { ...job.progress };
  }

  get size(): number {
    return this.jobs.size;
  }
}
