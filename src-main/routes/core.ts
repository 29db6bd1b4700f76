/** Routes of the app itself: state, first run, sessions, accounts, settings. */
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import type { AppRuntime } from '../app-runtime';
import type { BackupView } from '../../src-shared/views';
import { changePassword, login, sessionInfo, unlock } from '../services/auth/auth-service';
import { hashPassword } from '../services/auth/passwords';
import { completeSetup, openDemo } from '../services/setup/setup-service';
import { getStructure } from '../services/structure/structure-service';
import { checkRoleGrant } from '../services/auth/role-grants';
import { anchorFilesIn, checkAnchors } from '../services/audit/audit-anchors';
import type { Role } from '../../src-shared/roles';

function backupViews(runtime: AppRuntime): BackupView[] {
  return runtime.backups().map(({ file, createdAt, sizeBytes, reason }) => ({ file, createdAt, sizeBytes, reason }));
}

export const coreRoutes = {
  'system.status': {
    permission: 'public',
    states: ['setup', 'ready', 'damaged', 'locked'],
    transaction: false,
    handler: (ctx) => ctx.runtime.status(),
  },
  'system.restoreLatestBackup': {
    // Only reachable while the database cannot be opened: nobody can log in then, and the damaged file is kept.
    permission: 'public',
    states: ['damaged'],
    transaction: false,
    handler: async (ctx) => {
      const { restored } = await ctx.runtime.restoreLatestBackup();
      ctx.runtime.openOrNull()?.transaction(() =>
        ctx.runtime.openOrNull()!.audit.append({
          at: ctx.runtime.clock.now().toISOString(),
          userId: null,
          userLogin: null,
          action: 'restore',
          route: ctx.route,
          detail: { sauvegarde: restored.file, motif: 'base_endommagee' },
        }),
      );
      return ctx.runtime.status();
    },
  },

  'setup.complete': {
    permission: 'public',
    states: ['setup'],
    handler: completeSetup,
  },
  'setup.demo': {
    permission: 'public',
    states: ['setup'],
    handler: openDemo,
  },

  'auth.login': { permission: 'public', transaction: false, handler: login },
  'auth.session': {
    permission: 'public',
    touchesSession: false,
    transaction: false,
    handler: (ctx) => (ctx.session && ctx.user ? sessionInfo(ctx, ctx.open.sessions.touch(ctx.session, ctx.open.security.get().idleLockMinutes, false)) : null),
  },
  'auth.unlock': {
    permission: 'authenticated',
    allowLocked: true,
    allowPasswordChangePending: true,
    transaction: false,
    handler: unlock,
  },
  'auth.lock': {
    permission: 'authenticated',
    allowLocked: true,
    allowPasswordChangePending: true,
    handler: (ctx) => {
      ctx.open.sessions.lock(ctx.session!);
      return null;
    },
  },
  'auth.logout': {
    permission: 'public',
    handler: (ctx) => {
      if (ctx.session) {
        ctx.open.sessions.revoke(ctx.session.token);
        ctx.audit({ action: 'logout', entity: 'user', entityId: ctx.session.userId });
      }
      return null;
    },
  },
  'auth.changePassword': {
    permission: 'authenticated',
    allowPasswordChangePending: true,
    transaction: false,
    handler: changePassword,
  },

  'structure.get': { permission: 'structure.read', handler: (ctx) => getStructure(ctx.open.db) },

  'users.list': {
    permission: 'admin',
    audit: { action: 'read', entity: 'user_list' },
    handler: (ctx) => ctx.open.users.list(),
  },
  'users.create': {
    permission: 'admin',
    audit: { action: 'create', entity: 'user' },
    // The confirmation's failed attempt is written on its own (lockout); the account in one transaction after it.
    transaction: false,
    handler: (ctx, input) => {
      const confirmedBy = checkRoleGrant(ctx, { targetId: null, before: null, after: { role: input.role, isAdmin: input.isAdmin }, confirmation: input.confirmation });
      return ctx.transaction(() => {
        const created = ctx.open.users.create(
          { login: input.login, displayName: input.displayName, role: input.role, isAdmin: input.isAdmin, password: input.temporaryPassword, mustChangePassword: true },
          ctx.now,
        );
        ctx.audit({ action: 'update', entity: 'role', entityId: created.id, detail: { roleApres: input.role, adminApres: input.isAdmin, confirmePar: confirmedBy } });
        return created;
      });
    },
  },
  'users.update': {
    permission: 'admin',
    audit: { action: 'update', entity: 'user' },
    // The confirmation's failed attempt is written on its own (lockout); the change in one transaction after it.
    transaction: false,
    handler: (ctx, input) => {
      const { users, sessions } = ctx.open;
      const existing = users.byId(input.id);
      if (!existing) throw new AppError('NOT_FOUND', "Ce compte n'existe pas (ou plus).");
      // The last administrator first: the clearest reason when it applies.
      const losesAdmin = existing.isAdmin && existing.active && (!input.isAdmin || !input.active);
      if (losesAdmin) users.assertAnotherActiveAdmin(existing.id);
      const before = { role: existing.role as Role, isAdmin: existing.isAdmin };
      const confirmedBy = checkRoleGrant(ctx, { targetId: existing.id, before, after: { role: input.role, isAdmin: input.isAdmin }, confirmation: input.confirmation });
      return ctx.transaction(() => {
        // Checked again inside the transaction: another administrator may have changed it meanwhile.
        if (losesAdmin) users.assertAnotherActiveAdmin(existing.id);
        if (before.role !== input.role || before.isAdmin !== input.isAdmin) {
          ctx.audit({ action: 'update', entity: 'role', entityId: existing.id, detail: { roleAvant: before.role, roleApres: input.role, adminAvant: before.isAdmin, adminApres: input.isAdmin, confirmePar: confirmedBy } });
        }
        const updated = users.update(existing.id, { displayName: input.displayName, role: input.role, isAdmin: input.isAdmin, active: input.active }, ctx.now);
        if (!input.active) sessions.revokeUser(existing.id);
        return updated;
      });
    },
  },
  'users.resetPassword': {
    permission: 'admin',
    audit: { action: 'update', entity: 'user' },
    handler: (ctx, input) => {
      const { users, sessions } = ctx.open;
      if (!users.byId(input.id)) throw new AppError('NOT_FOUND', "Ce compte n'existe pas (ou plus).");
      const updated = users.update(
        input.id,
        { passwordHash: hashPassword(input.temporaryPassword), mustChangePassword: true, failedAttempts: 0, lockedUntil: null },
        ctx.now,
      );
      sessions.revokeUser(input.id, ctx.session?.token);
      return updated;
    },
  },
  'users.unlock': {
    permission: 'admin',
    audit: { action: 'update', entity: 'user' },
    handler: (ctx, input) => {
      if (!ctx.open.users.byId(input.id)) throw new AppError('NOT_FOUND', "Ce compte n'existe pas (ou plus).");
      return ctx.open.users.update(input.id, { failedAttempts: 0, lockedUntil: null }, ctx.now);
    },
  },

  'backups.list': { permission: 'sauvegardes.manage', handler: (ctx) => backupViews(ctx.runtime) },
  'backups.create': {
    permission: 'sauvegardes.manage',
    transaction: false,
    handler: async (ctx) => {
      await ctx.runtime.backup('manuelle');
      return backupViews(ctx.runtime);
    },
  },
  'audit.search': {
    permission: 'audit.read',
    audit: { action: 'read', entity: 'audit_log' },
    handler: (ctx, input) => ctx.open.auditJournal.search(input),
  },
  'audit.ancres': {
    permission: 'audit.read',
    transaction: false,
    handler: (ctx) => {
      const folders = [{ dir: ctx.runtime.paths.backupDir, label: 'Sauvegardes' }];
      const usb = ctx.open.externalCopy.status().dossier;
      if (usb) folders.push({ dir: usb, label: 'Copie externe' });
      return checkAnchors(ctx.open.sqlite, anchorFilesIn(folders));
    },
  },
  'audit.setRetention': {
    permission: 'audit.read',
    audit: { action: 'update', entity: 'journal_audit' },
    handler: (ctx, input) => {
      ctx.open.auditJournal.setRetention(input, ctx.now);
      return ctx.open.auditJournal.search({ du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: 100 });
    },
  },
  'audit.purge': {
    permission: 'audit.read',
    handler: (ctx) => {
      ctx.open.auditJournal.purge(ctx.now);
      return ctx.open.auditJournal.search({ du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: 100 });
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
      const { restored, safety } = await ctx.runtime.restoreBackup(input.file);
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
  'settings.getSecurity': { permission: 'authenticated', handler: (ctx) => ctx.open.security.get() },
  'settings.updateSecurity': {
    permission: 'admin',
    handler: (ctx, input) => {
      ctx.audit({ action: 'update', entity: 'settings', entityId: 'securite', detail: { ...input } });
      return ctx.open.security.update(input, ctx.now);
    },
  },
} satisfies Partial<RouteTable>;
