/** Inputs of the observatoire, report and import routes. */
import { z } from 'zod';
import { OBSERVATOIRE_PARTS } from '../observatoire/page-parts';

export const yearInputSchema = z.object({ annee: z.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.') });

/** The Observatoire page asks for the parts it shows (page-parts.ts); without `parties`, every figure. */
export const observatoireYearInputSchema = yearInputSchema.extend({
  parties: z.array(z.enum(OBSERVATOIRE_PARTS, { message: 'Partie de l’Observatoire inconnue.' })).min(1).max(OBSERVATOIRE_PARTS.length).optional(),
});

export const drillDownInputSchema = yearInputSchema.extend({ id: z.string().min(1).max(200) });

/** A file sent by the renderer: its name and its bytes in base64. */
export const uploadedFileSchema = z.object({
  name: z.string().min(1).max(255),
  base64: z.string().max(60 * 1024 * 1024, 'Fichier trop volumineux.'),
});

export const verifyInputSchema = z.object({
  file: uploadedFileSchema,
  thumbprint: z.string().trim().max(100).nullable().default(null),
});

export const importInputSchema = z.object({
  files: z.array(uploadedFileSchema).min(1, 'Choisissez un classeur .xlsx ou des fichiers .csv.').max(20, 'Vingt fichiers au plus.'),
  simulation: z.boolean(),
});

export const anonymiseInputSchema = z.object({ ids: z.array(z.string().min(1)).min(1, 'Choisissez au moins une personne.').max(5000) }).strict();

export const retentionSettingsInputSchema = z
  .object({
    nonEmbaucheMois: z.number('Indiquez un nombre de mois.').int().min(12, 'Douze mois au moins.').max(120, 'Dix ans au plus.'),
    accompagnementMois: z.number('Indiquez un nombre de mois.').int().min(12, 'Douze mois au moins.').max(120, 'Dix ans au plus.'),
    preavisJours: z.number('Indiquez un nombre de jours.').int().min(7, 'Une semaine au moins.').max(90, 'Trois mois au plus.'),
  })
  .strict();
