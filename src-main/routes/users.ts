/** Routes `users.*`: user accounts and their roles. */
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import { hashPassword } from '../services/auth/passwords';
import { checkRoleGrant } from '../services/auth/role-grants';
import type { Role } from '../../src-shared/roles';

export const usersRoutes = {
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
} satisfies Partial<RouteTable>;
