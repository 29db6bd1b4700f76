import { z } from 'zod';
import { passwordSchema } from './common';

export const loginInputSchema = z
  .object({
    login: z.string().trim().toLowerCase().min(1, 'Indiquez votre identifiant.').max(40, 'Identifiant trop long.'),
    password: z.string().min(1, 'Indiquez votre mot de passe.').max(200, 'Mot de passe trop long.'),
  })
  .strict();

export const unlockInputSchema = z
  .object({ password: z.string().min(1, 'Indiquez votre mot de passe.').max(200, 'Mot de passe trop long.') })
  .strict();

export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, 'Indiquez votre mot de passe actuel.').max(200, 'Mot de passe trop long.'),
    newPassword: passwordSchema,
    newPasswordConfirmation: z.string(),
  })
  .strict()
  .refine((v) => v.newPassword === v.newPasswordConfirmation, {
    path: ['newPasswordConfirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: "Le nouveau mot de passe doit être différent de l'actuel.",
  });
