import { describe, expect, it } from 'vitest';
import { zodErrorToAppError } from '../../src-main/router';
import { setupInputSchema } from '../../src-shared/schemas/setup';
import { VALID_SETUP } from '../helpers/app';

function fieldErrors(input: unknown): Record<string, string> {
  const result = setupInputSchema.safeParse(input);
  if (result.success) return {};
  return zodErrorToAppError(result.error).fields ?? {};
}

describe('first-run input', () => {
  it('normalises the SIRET, the département and the login', () => {
    const parsed = setupInputSchema.parse({
      ...VALID_SETUP,
      structure: { ...VALID_SETUP.structure, departement: '2a' },
      admin: { ...VALID_SETUP.admin, login: '  M.Durand ' },
    });
    expect(parsed.structure.siret).toBe('52000001500013');
    expect(parsed.structure.departement).toBe('2A');
    expect(parsed.admin.login).toBe('m.durand');
  });

  it('words every problem in French, on its field', () => {
    const errors = fieldErrors({
      structure: { nom: '', siret: '52000001500014', departement: '99', codePostal: '7000' },
      dispositifs: [],
      admin: { displayName: 'M', login: 'é!', password: 'court', passwordConfirmation: 'autre' },
    });
    expect(errors).toMatchObject({
      'structure.nom': 'Indiquez le nom de la structure.',
      'structure.siret': "Ce SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres.",
      'structure.departement': 'Département inconnu : indiquez son numéro (par exemple 07, 2A ou 974).',
      'structure.codePostal': 'Le code postal doit comporter 5 chiffres.',
      dispositifs: 'Choisissez au moins un dispositif porté par la structure.',
      'admin.displayName': 'Indiquez le prénom et le nom.',
      'admin.password': 'Le mot de passe doit contenir au moins 10 caractères.',
    });
    expect(errors['admin.login']).toMatch(/lettres sans accent/);
  });

  it('refuses a password confirmation that differs, a repeated or unknown dispositif, and extra fields', () => {
    expect(fieldErrors({ ...VALID_SETUP, admin: { ...VALID_SETUP.admin, passwordConfirmation: 'un chêne solidE' } })).toEqual({
      'admin.passwordConfirmation': 'Les deux mots de passe ne sont pas identiques.',
    });
    expect(fieldErrors({ ...VALID_SETUP, dispositifs: ['ACI', 'ACI'] }).dispositifs).toMatch(/qu’une fois/);
    expect(fieldErrors({ ...VALID_SETUP, dispositifs: ['GEIQ'] })['dispositifs.0']).toBe('Dispositif inconnu.');
    expect(Object.keys(fieldErrors({ ...VALID_SETUP, isAdmin: true })).length).toBe(1);
  });
});
