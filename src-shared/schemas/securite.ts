import { z } from 'zod';
import { uploadedFileSchema } from './observatoire';

/** What the person types from the sheet; its form (length, check character) is checked by the main process. */
export const recoveryKeyInputSchema = z.object({ cle: z.string().max(200, 'Clé trop longue.') }).strict();

/** A backup from a USB key or another PC: the .sqlite file and its .cle key file, with the recovery key if needed. */
export const restoreFromFileInputSchema = z
  .object({
    files: z.array(uploadedFileSchema).min(1, 'Choisissez la sauvegarde (.sqlite) et son fichier de clé (.cle).').max(2, 'Deux fichiers au plus : la sauvegarde et sa clé.'),
    cle: z.string().max(200).default(''),
  })
  .strict();

export const replaceRecoveryKeyInputSchema = z.object({ motDePasse: z.string().min(1, 'Saisissez votre mot de passe.').max(200) }).strict();
