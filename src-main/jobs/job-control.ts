/**
 * What a long handler sees of its job: it reports its steps and rows, and checks for a cancellation at its safe
 * points (between rows of a transaction that will be rolled back, before anything irreversible). Where the report
 * goes (the worker's message port, or a registry in the same thread) is not the handler's concern.
 */
import { AppError } from '../../src-shared/errors';
import { JOB_CANCELLED_MESSAGE, type JobProgress } from '../../src-shared/jobs';

export interface JobStep {
  step: string;
  done?: number | null;
  total?: number | null;
  /** What `done` counts (« lignes »); null: a percentage. */
  unit?: string | null;
  /** Default false: only a handler that knows nothing irreversible has started says cancelling is safe. */
  cancellable?: boolean;
}

export interface JobControl {
  report(step: JobStep): void;
  /** Counts units within the current step: cheap enough to call per row (reports are throttled by the sink). */
  advance(done: number): void;
  /** True once the user asked to cancel. */
  cancelRequested(): boolean;
  /** Throws the cancellation (an AppError, so the transaction around it rolls back) if it was asked for. */
  throwIfCancelled(): void;
}

export class JobCancelledError extends AppError {
  constructor() {
    super('CONFLICT', JOB_CANCELLED_MESSAGE);
  }
}

/** Where a job's reports go, and where its cancellation is read from. */
export interface JobSink {
  publish(progress: Omit<JobProgress, 'cancelRequested'>): void;
  cancelRequested(): boolean;
}

/** Reports at most this often while rows advance: a 100 000-row import would otherwise post 100 000 messages. */
export const REPORT_INTERVAL_MS = 100;

export function jobControl(sink: JobSink, now: () => number = () => performance.now()): JobControl {
  let current: Omit<JobProgress, 'cancelRequested'> = { step: '', done: null, total: null, unit: null, cancellable: false };
  let lastPublished = -Infinity;
  const publish = () => {
    lastPublished = now();
    sink.publish({ ...current });
  };
  return {
    report(step) {
      current = { step: step.step, done: step.done ?? null, total: step.total ?? null, unit: step.unit ?? null, cancellable: step.cancellable ?? false };
      publish();
    },
    advance(done) {
      current.done = done;
      if (now() - lastPublished >= REPORT_INTERVAL_MS) publish();
    },
    cancelRequested: () => sink.cancelRequested(),
    throwIfCancelled() {
      if (sink.cancelRequested()) throw new JobCancelledError();
    },
  };
}

/** The control of a call nobody follows (the command line, tests, ordinary routes). */
export const UNFOLLOWED_JOB: JobControl = jobControl({ publish: () => {}, cancelRequested: () => false });
