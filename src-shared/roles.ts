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
 * How far each role sees, to tell when an administrator would grant more than they hold (issue 20 §2): the direction
 * sees everything, a CIP the health and justice facts, the encadrant and the accueil each a part, lecture the least.
 */
export const ROLE_RANK: Record<Role, number> = { direction: 4, cip: 3, encadrant: 2, accueil: 2, lecture: 1 };

/** True when `granted` sees more than `holder`: granting it needs a second person of the direction. */
export function roleIsAbove(granted: Role, holder: Role): boolean {
  return ROLE_RANK[granted] > ROLE_RANK[holder];
}

/**
 * What each named permission requires. `public` needs no session, `authenticated` any unlocked session, `admin` the
 * administrator flag; the others list the roles that hold them. Later features add their permissions here.
 */
export const PERMISSION_ROLES = {
  'structure.read': ROLES,
  'audit.read': ['direction'],
  /** Identity and contact of the persons, and their skills: everyone who works with them. */
  'personnes.read': ROLES,
  'personnes.write': ['direction', 'cip', 'accueil'],
  /** Intakes, freins, eligibility and PASS IAE: not the encadrant technique (work-related data only). */
  'accueil.read': ['direction', 'cip', 'accueil', 'lecture'],
  'accueil.write': ['direction', 'cip', 'accueil'],
  /** The diagnostic (freins, eligibility), the decision and the referent. */
  'diagnostic.write': ['direction', 'cip'],
  /** Health and justice facts (RGPD art. 9 and 10): TH/RQTH, AAH, santé and justice freins, DETENTION_MJ, SPIP/PJJ. */
  'sensibles.read': ['direction', 'cip'],
  /** The NIR, only because the ASP fiche salarié requires it. */
  'nir.read': ['direction', 'cip'],
  'pass.write': ['direction', 'cip', 'accueil'],
  'offre.manage': ['direction'],
  /** Parcours, contracts and hours: work-related, so the encadrant technique too. */
  'parcours.read': ROLES,
  'parcours.write': ['direction', 'cip'],
  'heures.write': ['direction', 'cip', 'encadrant', 'accueil'],
  'heures.close': ['direction'],
  /** Dated parameters (H_ref, delays, the 480-hour cap, the exit mapping). */
  'parametres.manage': ['direction'],
  /** Backups: take one, restore one. */
  'sauvegardes.manage': ['direction'],
  /** The observatoire's aggregate indicators; the list of persons behind a count also needs `personnes.read`. */
  'observatoire.read': ['direction', 'cip', 'lecture'],
  /** Signing and sending the annual report, the structure's signing key. */
  'rapports.sign': ['direction'],
  /** The federation's register of its members' signing keys (a federation's own installation). */
  'federation.manage': ['direction'],
  /** Checking a report file: anyone in the structure may. */
  'rapports.verify': ROLES,
  /** The quality registers (improvement plan, complaints, unmet needs, satisfaction answers). */
  'qualite.manage': ['direction', 'cip'],
  /** Opening the satisfaction kiosk for a person (at a bilan, at the exit, for a client) and recording its answers. */
  'qualite.borne': ['direction', 'cip', 'encadrant'],
  /** Requests of persons about their data (access, rectification, erasure): the direction answers them. */
  'rgpd.manage': ['direction'],
  /** Spreadsheet import and the export of all the data: direction only (the export holds every person's data). */
  'import.manage': ['direction'],
} as const satisfies Record<string, readonly Role[]>;

export type NamedPermission = keyof typeof PERMISSION_ROLES;
export type Permission = 'public' | 'authenticated' | 'admin' | NamedPermission;

export function roleHasPermission(role: Role, isAdmin: boolean, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  if (permission === 'admin') return isAdmin;
  return (PERMISSION_ROLES[permission] as readonly Role[]).includes(role);
}
