/** Routes `backups.*`: backups: list, make one now, restore, copy to an external drive. */
import { AppError } from '../../src-shared/errors';
import type { RequestContext, RouteTable } from '../router';
import type { AppRuntime, StepReporter } from '../app-runtime';
import type { BackupView } from '../../src-shared/views';

/** Steps of a backup or a restore for the screen; neither is cancelled half-way (a backup is seconds, a restore must finish). */
const stepsOf =
  (ctx: RequestContext): StepReporter =>
  (step, done, total) =>
    ctx.job.report({ step, done, total, unit: 'étapes', cancellable: false });

function backupViews(runtime: AppRuntime): BackupView[] {
  return runtime.backups().map(({ file, createdAt, sizeBytes, reason }) => ({ file, createdAt, sizeBytes, reason }));
}

export const backupsRoutes = {
  'backups.list': { permission: 'sauvegardes.manage', handler: (ctx) => backupViews(ctx.runtime) },
  'backups.create': {
    permission: 'sauvegardes.manage',
    transaction: false,
    handler: async (ctx) => {
      await ctx.runtime.backup('manuelle', stepsOf(ctx));
      return backupViews(ctx.runtime);
    },
  },
  'backups.externalStatus': { permission: 'sauvegardes.manage', handler: (ctx) => ctx.open.externalCopy.status() },
  'backups.configureExternal': {
    permission: 'sauvegardes.manage',
    audit: { action: 'update', entity: 'copie_externe' },
    handler: (ctx, input) => ctx.open.externalCopy.configure(input, ctx.now),
  },
  'backups.copyExternal': {
    permission: 'sauvegardes.manage',
    transaction: false,
    handler: async (ctx) => {
      try {
        const path = await ctx.runtime.copyToExternal();
        ctx.transaction(() => ctx.audit({ action: 'export', entity: 'copie_externe', detail: { fichier: path } }));
      } catch (err) {
        // The failure is recorded in the status the screen shows; the message also goes back to the user.
        if (err instanceof AppError) throw err;
        throw new AppError('UNAVAILABLE', 'La copie a échoué.');
      }
      return ctx.open.externalCopy.status();
    },
  },
  'backups.restore': {
    permission: 'sauvegardes.manage',
    transaction: false,
    handler: async (ctx, input) => {
      const who = ctx.user!;
      const { restored, safety } = await ctx.runtime.restoreBackup(input.file, stepsOf(ctx));
      // Written in the restored database, which is the one in use from now on.
      const open = ctx.runtime.openOrNull()!;
      open.transaction(() =>
        open.audit.append({
          at: ctx.runtime.clock.now().toISOString(),
          userId: who.id,
          userLogin: who.login,
          action: 'restore',
          route: ctx.route,
          detail: { sauvegarde: restored.file, sauvegardeAvant: safety?.file ?? null },
        }),
      );
      return ctx.runtime.status();
    },
  },
} satisfies Partial<RouteTable>;
