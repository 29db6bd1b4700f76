import { z } from 'zod';
import { ROLES } from '../roles';
import { displayNameSchema, loginSchema, passwordSchema } from './common';

const roleSchema = z.enum(ROLES, 'Rôle inconnu.');

export const createUserInputSchema = z
  .object({
    displayName: displayNameSchema,
    login: loginSchema,
    role: roleSchema,
    isAdmin: z.boolean().default(false),
    /** A temporary password the administrator hands over; the user must change it at first login. */
    temporaryPassword: passwordSchema,
  })
  .strict();

export const updateUserInputSchema = z
  .object({
    id: z.string().min(1),
    displayName: displayNameSchema,
    role: roleSchema,
    isAdmin: z.boolean(),
    active: z.boolean(),
  })
  .strict();

export const resetPasswordInputSchema = z
  .object({ id: z.string().min(1), temporaryPassword: passwordSchema })
  .strict();
