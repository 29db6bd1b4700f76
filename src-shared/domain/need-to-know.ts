/**
 * Need-to-know, defined once (issue 20 §1; domain-reference §6.3, RGPD art. 9 and 10). Every fact the app holds about a
 * person belongs to one class, and each class needs one permission to be read. The main process applies this table
 * to every route's answer (src-main/services/need-to-know.ts); the renderer only mirrors it to say « réservé ».
 *
 * Two ways a fact is protected:
 * - **items** of a set (a frein, an eligibility criterion) are left out of the set: an absent item is what most
 *   persons have, so nothing shows;
 * - **coded fields whose values can imply health or justice** (the orienteur, a contract's derogations, a PASS
 *   prolongation motif, an exit motif) are withheld *whole, for every person*: the value is replaced by
 *   `WITHHELD` whatever it holds, even when empty, so the role cannot tell a sensitive value from a harmless or
 *   missing one.
 */
import type { NamedPermission } from '../roles';
import type { Critere } from './criteres';
import type { FreinType } from './freins';
import type { Derogation, MotifSortie } from './insertion';
import type { MotifProlongation } from './pass-iae';
import type { Orienteur } from './asp-codes';

export const FACT_CLASSES = {
  identite: 'Identité (nom, prénom, date de naissance, civilité)',
  contact: 'Coordonnées (adresse, téléphone, courriel)',
  social: 'Situation sociale et administrative (RSA, inscription, niveau, freins non sensibles, éligibilité)',
  sante: 'Santé et handicap (RGPD art. 9)',
  justice: 'Justice (RGPD art. 10)',
  protection: 'Protection de l’enfance, violences subies, prévention spécialisée',
  nir: 'Numéro de sécurité sociale (NIR)',
  travail: 'Parcours de travail (contrats, heures, formations, sorties)',
  texte_libre: 'Textes libres des professionnels (commentaires, notes de bilan)',
} as const;
export type FactClass = keyof typeof FACT_CLASSES;

/** The permission each class needs (src-shared/roles.ts says which roles hold it). */
export const FACT_CLASS_PERMISSION: Record<FactClass, NamedPermission> = {
  identite: 'personnes.read',
  contact: 'personnes.read',
  social: 'accueil.read',
  sante: 'sensibles.read',
  justice: 'sensibles.read',
  protection: 'sensibles.read',
  nir: 'nir.read',
  travail: 'parcours.read',
  texte_libre: 'parcours.read',
};

/** Coded values that state or imply a health or justice fact, by the field that holds them. */
export const SENSITIVE_VALUES = {
  /** Freins santé and justice (ASP typology). */
  frein: { sante: 'sante', justice: 'justice' } as Partial<Record<FreinType, FactClass>>,
  /** AAH and TH are health, DETENTION_MJ is justice. */
  critere: { AAH: 'sante', TH: 'sante', DETENTION_MJ: 'justice' } as Partial<Record<Critere, FactClass>>,
  /**
   * Cap emploi serves persons with a disability; SPIP and PJJ are criminal justice; the CIDFF (violence against
   * women), specialised prevention clubs and the ASE (child protection) each tell a story the person did not choose
   * to share (issue 15 §7).
   */
  orienteur: { '02': 'sante', '09': 'justice', '10': 'justice', '13': 'protection', '14': 'protection', '19': 'protection' } as Partial<Record<Orienteur, FactClass>>,
  /** RQTH (L5132-3 derogation beyond 24 months) and a sentence adjustment (aménagement de peine). */
  derogation: { RQTH: 'sante', AMENAGEMENT_PEINE: 'justice' } as Partial<Record<Derogation, FactClass>>,
  /** A PASS IAE prolonged for RQTH (les-emplois `ProlongationReason.RQTH`). */
  motifProlongation: { RQTH: 'sante' } as Partial<Record<MotifProlongation, FactClass>>,
  /** ASP exit motifs 16 (long sick leave) and 18 (administrative or judicial decision). */
  motifSortie: { '16': 'sante', '18': 'justice' } as Partial<Record<MotifSortie, FactClass>>,
} as const;

/** What a withheld field holds for a role without the permission, for every person alike. */
export const WITHHELD = 'reserve' as const;
export type Withheld<T> = T | typeof WITHHELD;

export const WITHHELD_LABEL = 'Réservé à la direction et aux CIP';

export function isWithheld(value: unknown): value is typeof WITHHELD {
  return value === WITHHELD;
}

/** The class a coded value implies, or null when it implies nothing sensitive. */
export function sensitiveClassOf(field: keyof typeof SENSITIVE_VALUES, value: string | null | undefined): FactClass | null {
  if (value === null || value === undefined) return null;
  return (SENSITIVE_VALUES[field] as Record<string, FactClass | undefined>)[value] ?? null;
}

/**
 * Observatoire lists of persons that split a total by a field with sensitive values: opening the harmless ones would
 * single out, by complement, the persons of the sensitive ones (issue 20 §1). A role without `sensibles.read` opens
 * none of a family, not only its sensitive members.
 */
export const SENSITIVE_PARTITION_PREFIXES = ['public.orienteur.', 'sorties.par_motif.', 'public.criteres.', 'accompagnement.freins.'] as const;

/** The codes of a field that imply health or justice (the sets other modules filter with). */
export function sensitiveCodes<F extends keyof typeof SENSITIVE_VALUES>(field: F): ReadonlyArray<keyof (typeof SENSITIVE_VALUES)[F] & string> {
  return Object.keys(SENSITIVE_VALUES[field]) as Array<keyof (typeof SENSITIVE_VALUES)[F] & string>;
}

/** The label of a coded value that may be withheld: the code's label, or « Réservé… » for a withheld one. */
export function labelOrWithheld<K extends string>(labels: Record<K, string>, value: Withheld<K>): string {
  return isWithheld(value) ? WITHHELD_LABEL : labels[value];
}
