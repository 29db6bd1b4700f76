/**
 * The data side in the same thread as the transport: for tests that read the database directly while driving the
 * screens, and for the benchmark's comparison. The app itself uses the worker (data-worker-client.ts): here a long
 * call blocks the thread, so progress can be recorded but not asked for until the call ends.
 */
import type { JobProgress } from '../../src-shared/jobs';
import { appPaths } from '../app-paths';
import { AppRuntime, guardFromEnvironment } from '../app-runtime';
import type { Clock } from '../lib/clock';
import { jobControl } from '../jobs/job-control';
import { JobRegistry } from '../jobs/job-registry';
import { Router } from '../router';
import { routes } from '../routes';
import { runHousekeeping, type DataService, type RpcCaller } from './data-service';
import type { StartupStatus } from './protocol';

export class LocalDataService implements DataService {
  private readonly router: Router;
  private readonly jobs = new JobRegistry();

  constructor(readonly runtime: AppRuntime) {
    this.router = new Router(routes, runtime);
  }

  async dispatch(route: string, input: unknown, caller: RpcCaller) {
    const jobId = caller.jobId ?? null;
    let cancelRequested = false;
    const followed = jobId !== null && this.jobs.begin(jobId, caller.sessionToken, () => (cancelRequested = true));
    try {
      const job = followed ? jobControl({ publish: (p) => this.jobs.update(jobId, p), cancelRequested: () => cancelRequested }) : undefined;
      return await this.router.dispatch(route, input, { sessionToken: caller.sessionToken, job });
    } finally {
      if (followed) this.jobs.end(jobId);
    }
  }

  jobProgress(jobId: string, sessionToken: string | null): JobProgress | null {
    return this.jobs.progress(jobId, sessionToken);
  }

  cancelJob(jobId: string, sessionToken: string | null): JobProgress | null {
    return this.jobs.cancel(jobId, sessionToken);
  }

  async status(): Promise<StartupStatus> {
    return this.runtime.startupStatus();
  }

  housekeeping(): Promise<void> {
    return runHousekeeping({
      backupIfDue: () => this.runtime.backupIfDue(),
      externalCopyIfDue: () => this.runtime.externalCopyIfDue(),
      purgeAuditLog: () => this.runtime.purgeAuditLog(),
    });
  }

  async closeWithBackup(): Promise<void> {
    await this.runtime.backup('fermeture').catch((err: unknown) => console.error('[cedre] sauvegarde de fermeture impossible :', err));
    await this.close();
  }

  async close(): Promise<void> {
    this.runtime.close();
  }
}

export type InProcessStarter = (options: { dataDir: string; migrationsFolder: string; clock?: Clock; env: Record<string, string | undefined> }) => Promise<LocalDataService>;

/** The data side in this thread, unlocked like browser mode (recovery key from the environment, else the development key file). */
export const startInProcess: InProcessStarter = async ({ dataDir, migrationsFolder, clock, env }) =>
  new LocalDataService(
    await AppRuntime.start(appPaths(dataDir, migrationsFolder), clock, { guard: guardFromEnvironment(dataDir, env), recoveryKey: env.CEDRE_RECOVERY_KEY ?? null }),
  );
