/** Input of the federation's register of member keys (issue 17 §3): from a member's registration sheet. */
import { z } from 'zod';
import { isValidSiret, normalizeSiret } from '../siret';
import { dateField, optionalDateField } from './fields';
import { uploadedFileSchema } from './observatoire';

/** An RFC 7638 SHA-256 thumbprint in base64url: 43 characters (spaces and line breaks of a copy are removed). */
export const thumbprintSchema = z
  .string('Indiquez l’empreinte de la clé.')
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => /^[A-Za-z0-9_-]{43}$/.test(v), 'L’empreinte de la clé fait 43 caractères (lettres, chiffres, « - » et « _ ») : recopiez-la depuis la fiche d’enregistrement.');

export const memberKeyInputSchema = z
  .object({
    id: z.string().max(64).nullish(),
    siret: z
      .string('Indiquez le SIRET.')
      .transform(normalizeSiret)
      .refine((v) => /^\d{14}$/.test(v), 'Le SIRET doit comporter 14 chiffres.')
      .refine(isValidSiret, 'Ce SIRET n’est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres.'),
    nom: z.string('Indiquez le nom de la structure.').trim().min(2, 'Indiquez le nom de la structure.').max(200, '200 caractères au plus.'),
    kid: thumbprintSchema,
    dateFiche: dateField('Date de la fiche'),
    retireeLe: optionalDateField('Clé retirée le'),
  })
  .strict()
  .refine((v) => v.retireeLe === null || v.retireeLe >= v.dateFiche, { path: ['retireeLe'], message: 'La clé ne peut pas être retirée avant la date de sa fiche.' });

/** Reports dropped on the federation's screen (the request's 60 MB bound covers about 900 reports). */
export const federationConsolidationInputSchema = z
  .object({
    annee: z.number('Indiquez une année.').int().min(2000).max(2100).nullable(),
    fichiers: z.array(uploadedFileSchema).min(1, 'Déposez au moins un rapport (.zip).').max(2000, 'Deux mille fichiers au plus par envoi.'),
  })
  .strict();

/** A member imports its federation's signed repères (issue 17 §4); the key's thumbprint is needed the first time. */
export const reperesImportInputSchema = z
  .object({
    fichier: uploadedFileSchema,
    empreinte: z
      .string()
      .trim()
      .max(100)
      .nullish()
      .transform((v) => v || null)
      .refine((v) => v === null || /^[A-Za-z0-9_-]{43}$/.test(v), 'Empreinte invalide : 43 caractères (lettres, chiffres, - et _), comme sur la fiche de clé.'),
  })
  .strict();
