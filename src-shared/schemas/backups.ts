import { z } from 'zod';

/** A backup is named by its file, never by a path: the main process looks it up in its own backup folder. */
export const restoreBackupInputSchema = z
  .object({ file: z.string().regex(/^cedre-[0-9TZ-]+-[a-z0-9-]+\.sqlite$/, 'Sauvegarde inconnue.') })
  .strict();
