import { z } from 'zod';
import { ENGAGEMENTS, MISSIONS, NIVEAUX } from '../qualite/grid';
import { uploadedFileSchema } from './observatoire';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...Array<keyof T & string>];

export const selfRatingInputSchema = z
  .object({
    code: z.string().min(1).max(20),
    annee: z.number().int().min(2000).max(2100),
    niveau: z.enum(keys(NIVEAUX), 'Choisissez le niveau atteint.'),
    commentaire: z.string().trim().max(2000, '2 000 caractères au plus.').default(''),
  })
  .strict();

export const gridRequirementSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, 'Code : lettres, chiffres et tirets, 20 au plus.'),
    mission: z.enum(keys(MISSIONS), 'Mission inconnue (accueil, insertion ou observatoire).'),
    engagement: z.enum(keys(ENGAGEMENTS), 'Engagement inconnu (acteur, pedagogie, competences ou environnement).'),
    libelle: z.string().trim().min(5, 'Libellé trop court.').max(500, 'Libellé : 500 caractères au plus.'),
    preuve: z.string().max(100).nullable(),
    cible: z.number().min(0).max(100000).nullable(),
  })
  .strict();

export const gridFileSchema = z
  .object({
    format: z.literal('cedre-grille-auto-evaluation', 'Ce fichier n’est pas une grille d’auto-évaluation de Cèdre Parcours.'),
    version: z.literal(1, 'Version de grille inconnue : mettez l’application à jour.'),
    exigences: z.array(gridRequirementSchema).min(1, 'La grille ne contient aucune exigence.').max(300, '300 exigences au plus.'),
  })
  .strict();

export const gridImportInputSchema = z.object({ file: uploadedFileSchema }).strict();

/** The audit pack: the year, and whether the evidence lists may name persons (off by default). */
export const auditPackInputSchema = z.object({ annee: z.number().int().min(2000).max(2100), avecPersonnes: z.boolean().default(false) }).strict();
