import { z } from 'zod';

/** Security settings of the structure. Defaults: 10 min idle lock, 5 failures → 15 min lockout. */
export const securitySettingsSchema = z
  .object({
    idleLockMinutes: z
      .number('Indiquez un nombre de minutes.')
      .int('Indiquez un nombre entier de minutes.')
      .min(1, 'Au moins 1 minute.')
      .max(120, 'Au plus 120 minutes : un poste ouvert sans surveillance expose les dossiers.'),
    maxFailedAttempts: z
      .number('Indiquez un nombre de tentatives.')
      .int('Indiquez un nombre entier.')
      .min(3, 'Au moins 3 tentatives.')
      .max(20, 'Au plus 20 tentatives.'),
    lockoutMinutes: z
      .number('Indiquez un nombre de minutes.')
      .int('Indiquez un nombre entier de minutes.')
      .min(1, 'Au moins 1 minute.')
      .max(1440, 'Au plus 1 440 minutes (24 heures).'),
  })
  .strict();

export type SecuritySettings = z.output<typeof securitySettingsSchema>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  idleLockMinutes: 10,
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
};
