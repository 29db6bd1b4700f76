import { addMinutes, format } from 'date-fns';
import { AppError } from '../../../src-shared/errors';
import type { SessionInfo } from '../../../src-shared/views';
import type { RequestContext } from '../../router';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import type { Session } from './sessions';

export const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

function lockedMessage(until: Date): string {
  return (
    `Ce compte est bloqué après plusieurs mots de passe erronés, jusqu'à ${format(until, 'HH:mm')}. ` +
    'Réessayez plus tard ou demandez à un administrateur de le débloquer.'
  );
}

export function sessionInfo(ctx: RequestContext, session: Session): SessionInfo {
  const user = ctx.open.users.sessionUser(session.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Votre session a pris fin : reconnectez-vous.');
  return { token: session.token, user, locked: session.locked, idleLockMinutes: ctx.open.security.get().idleLockMinutes };
}

/**
 * Checks a password for an account and keeps the failure count. Each outcome is committed on its own, so that a
 * failed attempt is remembered even though the request then fails. Throws on failure.
 */
export function checkPasswordWithLockout(ctx: RequestContext, userId: string, password: string): void {
  const { users, security } = ctx.open;
  const row = users.byId(userId);
  if (!row || !row.active) throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  if (row.lockedUntil && new Date(row.lockedUntil) > ctx.now) {
    throw new AppError('UNAUTHENTICATED', lockedMessage(new Date(row.lockedUntil)));
  }
  if (verifyPassword(password, row.passwordHash)) return;

  const { maxFailedAttempts, lockoutMinutes } = security.get();
  const failed = row.failedAttempts + 1;
  if (failed >= maxFailedAttempts) {
    const until = addMinutes(ctx.now, lockoutMinutes);
    ctx.transaction(() => {
      users.update(row.id, { failedAttempts: 0, lockedUntil: until.toISOString() }, ctx.now);
      ctx.audit({ action: 'lockout', entity: 'user', entityId: row.id, userId: row.id, userLogin: row.login });
    });
    // The account's open sessions are the person's own: someone guessing from elsewhere must not end them.
    throw new AppError('UNAUTHENTICATED', lockedMessage(until));
  }
  ctx.transaction(() => {
    users.update(row.id, { failedAttempts: failed }, ctx.now);
    ctx.audit({ action: 'login_failed', entity: 'user', entityId: row.id, userId: row.id, userLogin: row.login });
  });
  throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
}

/** Failures on logins that match no active account, per open database, in memory (like sessions). */
const unknownLoginFailures = new WeakMap<object, Map<string, { failed: number; lockedUntil: Date | null }>>();
function unknownLogins(ctx: RequestContext): Map<string, { failed: number; lockedUntil: Date | null }> {
  let byLogin = unknownLoginFailures.get(ctx.open);
  if (!byLogin) unknownLoginFailures.set(ctx.open, (byLogin = new Map()));
  // Bounded: someone trying many logins cannot grow it without limit.
  if (byLogin.size > 10_000) byLogin.clear();
  return byLogin;
}

export function login(ctx: RequestContext, input: { login: string; password: string }): SessionInfo {
  const { users, sessions } = ctx.open;
  const row = users.byLogin(input.login);
  if (!row || !row.active) {
    verifyPassword(input.password, DUMMY_HASH); // same cost as a real check: do not reveal which logins exist
    ctx.transaction(() => ctx.audit({ action: 'login_failed', detail: { login: input.login.slice(0, 40) } }));
    // …nor by the lockout: an unknown login is "locked" after as many failures as a real one (issue 20 §6).
    const { maxFailedAttempts, lockoutMinutes } = ctx.open.security.get();
    const key = input.login.trim().toLowerCase();
    const seen = unknownLogins(ctx).get(key);
    if (seen?.lockedUntil && seen.lockedUntil > ctx.now) throw new AppError('UNAUTHENTICATED', lockedMessage(seen.lockedUntil));
    const failed = (seen?.lockedUntil ? 0 : (seen?.failed ?? 0)) + 1;
    if (failed >= maxFailedAttempts) {
      const until = addMinutes(ctx.now, lockoutMinutes);
      unknownLogins(ctx).set(key, { failed: 0, lockedUntil: until });
      throw new AppError('UNAUTHENTICATED', lockedMessage(until));
    }
    unknownLogins(ctx).set(key, { failed, lockedUntil: null });
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  checkPasswordWithLockout(ctx, row.id, input.password);
  const session = sessions.create(row.id);
  ctx.transaction(() => {
    users.update(row.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now.toISOString() }, ctx.now);
    ctx.audit({ action: 'login', entity: 'user', entityId: row.id, userId: row.id, userLogin: row.login });
  });
  return sessionInfo(ctx, session);
}

export function unlock(ctx: RequestContext, input: { password: string }): SessionInfo {
  const session = ctx.session!;
  checkPasswordWithLockout(ctx, session.userId, input.password);
  ctx.open.sessions.unlock(session);
  ctx.transaction(() => {
    ctx.open.users.update(session.userId, { failedAttempts: 0 }, ctx.now);
    ctx.audit({ action: 'unlock', entity: 'user', entityId: session.userId });
  });
  return sessionInfo(ctx, session);
}

export function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): SessionInfo {
  const session = ctx.session!;
  checkPasswordWithLockout(ctx, session.userId, input.currentPassword);
  ctx.transaction(() => {
    ctx.open.users.update(
      session.userId,
      { passwordHash: hashPassword(input.newPassword), mustChangePassword: false, failedAttempts: 0 },
      ctx.now,
    );
    ctx.audit({ action: 'update', entity: 'user', entityId: session.userId, detail: { champ: 'mot_de_passe' } });
  });
  // A new password ends every session of the account, this one included, and this window continues under a new
  // token (issue 20 §6): a token seen before the change is worth nothing after it.
  ctx.open.sessions.revokeUser(session.userId);
  return sessionInfo(ctx, ctx.open.sessions.create(session.userId));
}
