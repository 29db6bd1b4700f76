/** Routes `auth.*`: sessions: log in and out, lock and unlock the screen, change one's password. */
import type { RouteTable } from '../router';
import { changePassword, login, sessionInfo, unlock } from '../services/auth/auth-service';

export const authRoutes = {
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
} satisfies Partial<RouteTable>;
