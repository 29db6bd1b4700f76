import { AppError } from '../../src-shared/errors';
import { roleHasPermission, type NamedPermission } from '../../src-shared/roles';
import type { SessionUser } from '../../src-shared/views';
import type { DroitsDossier } from '../../src-shared/views-accueil';

/** What the calling user may see and do on a person file; the single place where redaction decisions start. */
export function droitsOf(user: SessionUser): DroitsDossier {
  const has = (p: NamedPermission) => roleHasPermission(user.role, user.isAdmin, p);
  return {
    personnesWrite: has('personnes.write'),
    accueilRead: has('accueil.read'),
    accueilWrite: has('accueil.write'),
    diagnosticWrite: has('diagnostic.write'),
    passWrite: has('pass.write'),
    sensibles: has('sensibles.read'),
    nir: has('nir.read'),
  };
}

export function requirePermission(user: SessionUser, permission: NamedPermission, message: string): void {
  if (!roleHasPermission(user.role, user.isAdmin, permission)) throw new AppError('FORBIDDEN', message);
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} introuvable (supprimé ou jamais enregistré).`);
}
