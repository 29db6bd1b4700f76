import { z } from 'zod';
import { ROLES } from '../roles';
import { displayNameSchema, loginSchema, passwordSchema } from './common';

const roleSchema = z.enum(ROLES, 'Rôle inconnu.');

/**
 * A second account of the direction confirming, with its own password, a role above the administrator's own
 * (issue 20 §2: account administration is not a way to more access).
 */
const secondDirectionSchema = z
  .object({ login: z.string().trim().min(1, 'Identifiant du compte de la direction qui confirme.').max(60), password: z.string().min(1, 'Son mot de passe.').max(200) })
  .nullish()
  .transform((v) => v ?? null);

export const createUserInputSchema = z
  .object({
    displayName: displayNameSchema,
    login: loginSchema,
    role: roleSchema,
    isAdmin: z.boolean().default(false),
    /** A temporary password the administrator hands over; the user must change it at first login. */
    temporaryPassword: passwordSchema,
    confirmation: secondDirectionSchema,
  })
  .strict();

export const updateUserInputSchema = z
  .object({
    id: z.string().min(1),
    displayName: displayNameSchema,
    role: roleSchema,
    isAdmin: z.boolean(),
    active: z.boolean(),
    confirmation: secondDirectionSchema,
  })
  .strict();

export const resetPasswordInputSchema = z
  .object({ id: z.string().min(1), temporaryPassword: passwordSchema })
  .strict();
