import { z } from 'zod';
import { RGPD_ANSWERS, RGPD_REQUEST_TYPES } from '../rgpd-requests';
import { dateField } from './fields';

export const rgpdRequestInputSchema = z
  .object({
    id: z.string().max(64).nullable().default(null),
    personneId: z.string().max(64).nullable(),
    type: z.enum(RGPD_REQUEST_TYPES, 'Choisissez le type de demande.'),
    recueLe: dateField('Date de réception'),
    demandeur: z.string().trim().min(1, 'Indiquez qui fait la demande (la personne, son représentant…).').max(200, '200 caractères au plus.'),
    objet: z.string().trim().max(2000, '2 000 caractères au plus.').default(''),
  })
  .strict();

export const rgpdAnswerInputSchema = z
  .object({
    id: z.string().max(64),
    statut: z.enum(RGPD_ANSWERS, 'Choisissez la réponse.'),
    reponse: z.string().trim().min(3, 'Écrivez ce qui a été fait, ou le motif du refus.').max(2000, '2 000 caractères au plus.'),
    /** For an erasure request: erase now what the law allows (checked again by the main process). */
    effacer: z.boolean().default(false),
  })
  .strict();

export type RgpdRequestInput = z.infer<typeof rgpdRequestInputSchema>;
export type RgpdAnswerInput = z.infer<typeof rgpdAnswerInputSchema>;
