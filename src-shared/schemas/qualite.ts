/** Inputs of the quality registers. */
import { z } from 'zod';
import { NATURES_BESOIN, ORIGINES_ACTION, ORIGINES_RECLAMATION, PUBLICS_SATISFACTION } from '../domain/qualite';
import { isIsoDate } from '../rules/dates';

const date = (label: string) => z.string(`${label} : date obligatoire.`).refine(isIsoDate, `${label} : date invalide.`);
const optionalDate = (label: string) =>
  z
    .string()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `${label} : date invalide.`);
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const actionInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    intitule: z.string().trim().min(3, 'Décrivez l’action.').max(300),
    origine: z.enum(keys(ORIGINES_ACTION), 'Choisissez l’origine.'),
    responsable: z.string().trim().max(100).default(''),
    indicateur: z.string().trim().max(200).default(''),
    dateOuverture: date('Ouverture'),
    echeance: optionalDate('Échéance'),
    dateCloture: optionalDate('Clôture'),
    resultat: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((v) => !v.dateCloture || v.dateCloture >= v.dateOuverture, { path: ['dateCloture'], message: 'La clôture précède l’ouverture.' });

export const reclamationInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    date: date('Date'),
    origine: z.enum(keys(ORIGINES_RECLAMATION), 'Choisissez l’origine.'),
    objet: z.string().trim().min(3, 'Décrivez la réclamation.').max(1000),
    traitement: z.string().trim().max(2000).default(''),
    dateCloture: optionalDate('Clôture'),
  })
  .strict()
  .refine((v) => !v.dateCloture || v.dateCloture >= v.date, { path: ['dateCloture'], message: 'La clôture précède la réclamation.' });

export const besoinInputSchema = z
  .object({ date: date('Date'), nature: z.enum(keys(NATURES_BESOIN), 'Choisissez la nature.'), description: z.string().trim().min(3, 'Décrivez le besoin.').max(1000) })
  .strict();

export const satisfactionInputSchema = z
  .object({
    date: date('Date'),
    public: z.enum(keys(PUBLICS_SATISFACTION), 'Choisissez qui répond.'),
    note: z.number('Choisissez une note.').int().min(1, 'Une note de 1 à 5.').max(5, 'Une note de 1 à 5.'),
    commentaire: z.string().trim().max(1000).default(''),
  })
  .strict();
