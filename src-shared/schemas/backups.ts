import { z } from 'zod';

/** A backup is named by its file, never by a path: the main process looks it up in its own backup folder. */
export const restoreBackupInputSchema = z
  .object({ file: z.string().regex(/^cedre-[0-9TZ-]+-[a-z0-9-]+\.sqlite$/, 'Sauvegarde inconnue.') })
  .strict();

/** A folder typed by the user (a USB key "E:\Sauvegardes", a share): an absolute path. */
export const externalCopyInputSchema = z
  .object({
    dossier: z
      .string()
      .trim()
      .max(500, '500 caractères au plus.')
      .refine((v) => v === '' || /^([A-Za-z]:[\\/]|\\\\|\/)/.test(v), 'Indiquez un chemin complet, par exemple E:\\Sauvegardes ou /media/cle.')
      .transform((v) => v || null),
    frequence: z.enum(['jamais', 'quotidienne', 'hebdomadaire'], 'Choisissez la fréquence.'),
  })
  .strict()
  .refine((v) => v.frequence === 'jamais' || v.dossier !== null, { path: ['dossier'], message: 'Indiquez le dossier de la copie.' });
