/** Input of the annexes financières screen: an annexe's header and one of its versions (initial or avenant). */
import { z } from 'zod';
import { MESURES_ASP_CODES, versionProblems, type MesureAsp } from '../domain/annexes-financieres';
import { dateField } from './fields';

const amount = (label: string) => z.number(`${label} : indiquez un montant.`).min(0, `${label} : un montant positif.`).max(100_000_000, `${label} : montant trop grand.`).nullable();

export const annexeVersionInputSchema = z
  .object({
    /** The version to correct; null adds a version (the initial one, or an avenant). */
    id: z.string().min(1).nullable(),
    avenant: z.number('Indiquez le numéro d’avenant.').int('Un nombre entier.').min(0, 'De 0 à 9.').max(9, 'De 0 à 9.'),
    modification: z.number('Indiquez le numéro de modification.').int('Un nombre entier.').min(0, 'De 0 à 9.').max(9, 'De 0 à 9.'),
    dateDebut: dateField('Début d’effet'),
    dateFin: dateField('Fin d’effet'),
    etpConventionnes: z.number('Indiquez un nombre d’ETP.').min(0, 'Un nombre positif.').max(10_000, 'Valeur trop grande.').nullable(),
    hRef: z.number('Indiquez un nombre d’heures.').min(100, 'Entre 100 et 2 500 heures par an.').max(2500, 'Entre 100 et 2 500 heures par an.').nullable(),
    aideSocle: amount('Aide socle'),
    aideModulee: amount('Part modulée'),
  })
  .strict()
  // The period's rules live once, in the domain (the import checks its rows with them too).
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(versionProblems(v))) ctx.addIssue({ code: 'custom', path: [path], message });
  });

export const annexeInputSchema = z
  .object({
    /** The annexe to add a version to or correct; null creates an annexe. */
    annexeId: z.string().min(1).nullable(),
    numero: z.string().trim().max(40, 'Numéro : 40 caractères au plus.'),
    mesure: z.enum(MESURES_ASP_CODES as [MesureAsp, ...MesureAsp[]], 'Choisissez la mesure.'),
    version: annexeVersionInputSchema,
    /** The person confirmed the change of a year whose report is signed. */
    confirme: z.boolean().optional().default(false),
  })
  .strict();

export const annexeVersionDeleteInputSchema = z.object({ id: z.string().min(1), confirme: z.boolean().optional().default(false) }).strict();
