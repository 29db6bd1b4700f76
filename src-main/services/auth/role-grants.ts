/**
 * Account administration is not a back door (issue 20 §2): an administrator never changes their own role or
 * administration flag, and a role that sees more than the administrator's own is granted only when another active
 * account of the direction confirms with its password. Every change of role or flag is audited with who confirmed.
 */
import { roleIsAbove, ROLE_LABELS, type Role } from '../../../src-shared/roles';
import { AppError } from '../../../src-shared/errors';
import type { RequestContext } from '../../router';
import { checkPasswordWithLockout, WRONG_CREDENTIALS } from './auth-service';
import { DUMMY_HASH, verifyPassword } from './passwords';

export interface RoleGrant {
  targetId: string | null;
  before: { role: Role; isAdmin: boolean } | null;
  after: { role: Role; isAdmin: boolean };
  confirmation: { login: string; password: string } | null;
}

/** Refuses what the rule forbids; returns the login of the direction account that confirmed, if one was needed. */
export function checkRoleGrant(ctx: RequestContext, grant: RoleGrant): string | null {
  const actor = ctx.user!;
  const changes = !grant.before || grant.before.role !== grant.after.role || grant.before.isAdmin !== grant.after.isAdmin;
  if (!changes) return null;
  if (grant.targetId === actor.id) {
    throw new AppError('FORBIDDEN', 'Vous ne pouvez pas changer votre propre rôle ni votre droit d’administration : un autre administrateur doit le faire.');
  }
  const raises = grant.after.role !== grant.before?.role && roleIsAbove(grant.after.role, actor.role);
  if (!raises) return null;
  const needed = `Le rôle « ${ROLE_LABELS[grant.after.role]} » donne accès à plus que le vôtre : un autre compte de la direction doit confirmer avec son mot de passe.`;
  if (!grant.confirmation) throw new AppError('CONFIRMATION_REQUIRED', needed, { 'confirmation.login': needed });
  const confirmer = ctx.open.users.byLogin(grant.confirmation.login.toLowerCase());
  const refuse = (field = 'Identifiant ou mot de passe incorrect, ou compte qui n’est pas de la direction.') =>
    new AppError('VALIDATION', 'La confirmation n’est pas valable : il faut l’identifiant et le mot de passe d’un autre compte actif de la direction.', { 'confirmation.password': field });
  if (!confirmer || !confirmer.active || confirmer.role !== 'direction' || confirmer.id === actor.id || confirmer.id === grant.targetId) {
    verifyPassword(grant.confirmation.password, DUMMY_HASH); // same cost either way
    throw refuse();
  }
  // A wrong password counts toward the confirming account's lockout, as at its login: the confirmation cannot be used
  // to guess a director's password (the caller's route writes outside one transaction so the count is kept).
  try {
    checkPasswordWithLockout(ctx, confirmer.id, grant.confirmation.password);
  } catch (err) {
    // A wrong password keeps the field's own wording; a locked account says until when.
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') throw refuse(err.message === WRONG_CREDENTIALS ? undefined : err.message);
    throw err;
  }
  return confirmer.login;
}
