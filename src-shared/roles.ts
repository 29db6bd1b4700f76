/**
 * Business roles of a user account (need-to-know, domain-reference §6.3). Account administration is a separate
 * flag (`isAdmin`) so that the person who manages accounts does not gain business access by it.
 */
export const ROLES = ['direction', 'cip', 'encadrant', 'accueil', 'lecture'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  direction: 'Direction',
  cip: 'Conseiller·ère en insertion (CIP)',
  encadrant: 'Encadrant·e technique',
  accueil: 'Accueil / secrétariat',
  lecture: 'Lecture seule',
};

/**
 * What each named permission requires. `public` needs no session, `authenticated` any unlocked session, `admin` the
 * administrator flag; the others list the roles that hold them. Later features add their permissions here.
 */
export const PERMISSION_ROLES = {
  'structure.read': ROLES,
  'audit.read': ['direction'],
} as const satisfies Record<string, readonly Role[]>;

export type NamedPermission = keyof typeof PERMISSION_ROLES;
export type Permission = 'public' | 'authenticated' | 'admin' | NamedPermission;

export function roleHasPermission(role: Role, isAdmin: boolean, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  if (permission === 'admin') return isAdmin;
  return (PERMISSION_ROLES[permission] as readonly Role[]).includes(role);
}
