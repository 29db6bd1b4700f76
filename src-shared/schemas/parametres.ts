import { z } from 'zod';
import { MOTIFS_SORTIE, type CategorieSortie, type MotifSortie } from '../domain/insertion';
import { SIAE_KINDS } from '../siae';
import { dateField } from './fields';
import { CLES_PARAMETRES, type CleParametre } from '../domain/parametres';
import { CRITERE_KEYS, CRITERES, type Critere } from '../domain/criteres';

const validityMonths = (k: Critere) =>
  z.number(`${CRITERES[k].label} : indiquez un nombre de mois, ou laissez vide s’il n’expire pas.`).int(`${CRITERES[k].label} : un nombre entier de mois.`).min(1, `${CRITERES[k].label} : au moins 1 mois.`).max(60, `${CRITERES[k].label} : au plus 60 mois.`).nullable();

const hours = (label: string) => z.number(`${label} : indiquez un nombre d'heures.`).int(`${label} : un nombre entier d'heures.`).min(100, `${label} : au moins 100 heures.`).max(3000, `${label} : au plus 3 000 heures.`);
const categorie = z.enum(['EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE', 'AUTRE', 'RETRAIT'], 'Catégorie inconnue.');

/** The value schema of each dated parameter (src-shared/domain/parametres.ts). */
export const PARAMETRE_VALEUR_SCHEMAS = {
  h_ref: z.object(Object.fromEntries(SIAE_KINDS.map((k) => [k, hours(k)])) as Record<(typeof SIAE_KINDS)[number], ReturnType<typeof hours>>).strict(),
  delai_cer_jours: z.number('Indiquez un nombre de jours.').int('Un nombre entier de jours.').min(1, 'Au moins 1 jour.').max(365, 'Au plus 365 jours.'),
  intervalle_bilan_mois: z.number('Indiquez un nombre de mois.').int('Un nombre entier de mois.').min(1, 'Au moins 1 mois.').max(24, 'Au plus 24 mois.'),
  plafond_ai_entreprises_heures: z.number('Indiquez un nombre d’heures.').int('Un nombre entier d’heures.').min(1, 'Au moins 1 heure.').max(10_000, 'Au plus 10 000 heures.'),
  mapping_sorties: z
    .record(z.string(), categorie)
    .refine((m) => (Object.keys(MOTIFS_SORTIE) as MotifSortie[]).every((k) => k in m) && Object.keys(m).every((k) => k in MOTIFS_SORTIE), 'Chaque motif de sortie doit avoir une catégorie, et seulement les motifs connus.')
    .transform((m) => m as Record<MotifSortie, CategorieSortie>),
  seuil_sortie_aci_ei_mois: z.number('Indiquez un nombre de mois.').int('Un nombre entier de mois.').min(0, 'Au moins 0 mois.').max(24, 'Au plus 24 mois.'),
  seuil_sortie_ai_etti_heures: z.number('Indiquez un nombre d’heures.').int('Un nombre entier d’heures.').min(0, 'Au moins 0 heure.').max(2000, 'Au plus 2 000 heures.'),
  fin_experimentation_eiti: dateField('Date de fin'),
  // A date, or empty to record that no derogation runs from then on.
  derogation_480h_jusquau: z.union([z.literal(''), dateField('Fin de la dérogation')]),
  validite_justificatifs_mois: z.object(Object.fromEntries(CRITERE_KEYS.map((k) => [k, validityMonths(k)])) as Record<Critere, ReturnType<typeof validityMonths>>).strict(),
} as const;

export const addParametreInputSchema = z
  .object({
    cle: z.enum(CLES_PARAMETRES as [CleParametre, ...CleParametre[]], 'Paramètre inconnu.'),
    valideDu: dateField('Valable à partir du'),
    valeur: z.unknown(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const parsed = PARAMETRE_VALEUR_SCHEMAS[v.cle].safeParse(v.valeur);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['valeur'], message: parsed.error.issues[0]?.message ?? 'Valeur invalide.' });
  });
