/** Inputs of the audit log screen. */
import { z } from 'zod';
import { isIsoDate } from '../rules/dates';

const optionalDate = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), 'Date invalide.');
const optionalText = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => v || null);

export const auditSearchInputSchema = z
  .object({
    du: optionalDate,
    au: optionalDate,
    utilisateur: optionalText,
    action: optionalText,
    objet: optionalText,
    enregistrement: optionalText,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditRetentionInputSchema = z
  .object({ conservationMois: z.number('Indiquez un nombre de mois.').int('Un nombre entier de mois.').min(6, 'Six mois au moins (preuve des accès).').max(120, 'Dix ans au plus.') })
  .strict();
