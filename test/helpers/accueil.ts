/** Builders for the mission accueil tests: a person, a team with one account per role. */
import type { RouteInput } from '../../src-shared/contract';
import type { Role } from '../../src-shared/roles';
import type { TestApp } from './app';

export function personneInput(overrides: Partial<RouteInput<'personnes.create'>> = {}): RouteInput<'personnes.create'> {
  return {
    civilite: 'MME',
    nom: 'Arnaud',
    prenom: 'Julie',
    dateNaissance: '1996-05-02',
    telephone: '06 12 34 56 78',
    email: '',
    adresse: '3 rue des Écoles',
    codePostal: '07000',
    commune: 'Privas',
    qpv: true,
    zrr: false,
    niveauFormation: '50',
    identifiantFt: '1234567a',
    nir: '296050700012308',
    orienteur: '03',
    accueil: { datePremierContact: '2026-02-02', canal: 'physique' },
    ...overrides,
  };
}

export type Team = Record<'admin' | Role, string> & { ids: Record<'admin' | Role, string> };

/** The administrator plus one logged-in account per role (passwords already changed). */
export async function team(app: TestApp): Promise<Team> {
  const admin = await app.setUp();
  const tokens = { admin } as Record<string, string>;
  const ids = { admin: (await app.call('auth.session', {}, admin))!.user.id } as Record<string, string>;
  for (const role of ['direction', 'cip', 'encadrant', 'accueil', 'lecture'] as const) {
    const login = `${role}.test`;
    const created = await app.call('users.create', { displayName: `${role} Test`, login, role, isAdmin: false, temporaryPassword: 'temporaire-123' }, admin);
    const first = await app.call('auth.login', { login, password: 'temporaire-123' });
    tokens[role] = (await app.call('auth.changePassword', { currentPassword: 'temporaire-123', newPassword: 'définitif-456', newPasswordConfirmation: 'définitif-456' }, first.token)).token;
    ids[role] = created.id;
  }
  return { ...(tokens as Record<'admin' | Role, string>), ids: ids as Record<'admin' | Role, string> };
}
