import { z } from 'zod';
import { SIAE_KINDS } from '../siae';
import { isValidSiret, normalizeSiret } from '../siret';
import { isValidDepartement } from '../departements';
import { displayNameSchema, loginSchema, passwordSchema } from './common';

export const structureIdentitySchema = z.object({
  nom: z.string().trim().min(2, 'Indiquez le nom de la structure.').max(200, 'Le nom est trop long (200 caractères au plus).'),
  siret: z
    .string()
    .transform(normalizeSiret)
    .refine((v) => /^\d{14}$/.test(v), 'Le SIRET doit comporter 14 chiffres.')
    .refine(isValidSiret, "Ce SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres."),
  departement: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isValidDepartement, 'Département inconnu : indiquez son numéro (par exemple 07, 2A ou 974).'),
  adresse: z.string().trim().max(300, "L'adresse est trop longue.").optional().default(''),
  codePostal: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'Le code postal doit comporter 5 chiffres.')
    .optional()
    .default(''),
  commune: z.string().trim().max(100, 'Le nom de la commune est trop long.').optional().default(''),
});

export const dispositifsSchema = z
  .array(z.enum(SIAE_KINDS, 'Dispositif inconnu.'))
  .min(1, 'Choisissez au moins un dispositif porté par la structure.')
  .refine((kinds) => new Set(kinds).size === kinds.length, 'Chaque dispositif ne peut être choisi qu’une fois.');

export const firstAdminSchema = z
  .object({
    displayName: displayNameSchema,
    login: loginSchema,
    password: passwordSchema,
    passwordConfirmation: z.string(),
  })
  .refine((a) => a.password === a.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  });

export const setupInputSchema = z
  .object({
    structure: structureIdentitySchema,
    dispositifs: dispositifsSchema,
    admin: firstAdminSchema,
  })
  .strict();

export type SetupInput = z.input<typeof setupInputSchema>;
