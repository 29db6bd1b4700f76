import { z } from 'zod';

/** Zod's own messages in French, for the rare error our schemas do not word themselves. */
z.config(z.locales.fr());

export const emptyInput = z.object({}).strict();

export const idInput = z.object({ id: z.string().min(1, 'Identifiant manquant.') }).strict();

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(200, 'Le mot de passe est trop long (200 caractères au plus).');

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "L'identifiant doit contenir au moins 2 caractères.")
  .max(40, "L'identifiant doit contenir au plus 40 caractères.")
  .regex(/^[a-z0-9._-]+$/, "L'identifiant ne peut contenir que des lettres sans accent, des chiffres, « . », « - » et « _ ».");

export const displayNameSchema = z
  .string()
  .trim()
  .min(2, 'Indiquez le prénom et le nom.')
  .max(100, 'Le nom affiché est trop long (100 caractères au plus).');
