/**
 * Account administration is not a back door (issue 20 §2): an administrator with a small role cannot raise their own
 * role, nor create or grant a role above theirs without a second account of the direction confirming; every change
 * of role or flag is in the audit log with who confirmed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

describe('role grants', () => {
  it('an accueil administrator cannot raise itself, and raises others only with a direction confirming', async () => {
    app = await TestApp.start();
    const t = await team(app);
    // The accueil account receives the administration flag from the first administrator (direction).
    const accueil = await app.call('users.update', { id: t.ids.accueil, displayName: 'accueil Test', role: 'accueil', isAdmin: true, active: true }, t.admin);
    expect(accueil.isAdmin).toBe(true);

    // Its own role and flag: never, whatever the confirmation.
    const self = await app.fail('users.update', { id: t.ids.accueil, displayName: 'accueil Test', role: 'direction', isAdmin: true, active: true, confirmation: { login: 'direction.test', password: 'définitif-456' } }, t.accueil);
    expect(self).toMatchObject({ code: 'FORBIDDEN', message: 'Vous ne pouvez pas changer votre propre rôle ni votre droit d’administration : un autre administrateur doit le faire.' });
    expect(app.runtime.openOrNull()!.users.byId(t.ids.accueil)!.role).toBe('accueil');

    // A direction account created by the accueil administrator: asked, refused with a wrong password, then confirmed.
    const input = { displayName: 'Nouvelle directrice', login: 'n.directrice', role: 'direction' as const, isAdmin: false, temporaryPassword: 'temporaire-123' };
    expect((await app.fail('users.create', input, t.accueil)).code).toBe('CONFIRMATION_REQUIRED');
    expect((await app.fail('users.create', { ...input, confirmation: { login: 'direction.test', password: 'faux' } }, t.accueil)).fields).toEqual({
      'confirmation.password': 'Identifiant ou mot de passe incorrect, ou compte qui n’est pas de la direction.',
    });
    expect((await app.fail('users.create', { ...input, confirmation: { login: 'cip.test', password: 'définitif-456' } }, t.accueil)).code).toBe('VALIDATION');
    expect(app.runtime.openOrNull()!.users.byLogin('n.directrice')).toBeUndefined();
    const created = await app.call('users.create', { ...input, confirmation: { login: 'direction.test', password: 'définitif-456' } }, t.accueil);
    expect(created.role).toBe('direction');
    // Raising the lecture account to CIP needs the same; lowering it does not.
    expect((await app.fail('users.update', { id: t.ids.lecture, displayName: 'lecture Test', role: 'cip', isAdmin: false, active: true }, t.accueil)).code).toBe('CONFIRMATION_REQUIRED');
    await app.call('users.update', { id: t.ids.cip, displayName: 'cip Test', role: 'lecture', isAdmin: false, active: true }, t.accueil);

    const roles = app.runtime.openOrNull()!.sqlite.prepare("select entity_id, detail from audit_log where entity = 'role' order by seq").all() as Array<{ entity_id: string; detail: string }>;
    expect(roles.map((r) => [r.entity_id, JSON.parse(r.detail)])).toEqual(
      expect.arrayContaining([
        [t.ids.accueil, { roleAvant: 'accueil', roleApres: 'accueil', adminAvant: false, adminApres: true, confirmePar: null }],
        [created.id, { roleApres: 'direction', adminApres: false, confirmePar: 'direction.test' }],
        [t.ids.cip, { roleAvant: 'cip', roleApres: 'lecture', adminAvant: false, adminApres: false, confirmePar: null }],
      ]),
    );
  });

  it('wrong confirmations count toward the confirming account’s lockout, so a director’s password cannot be guessed through them', async () => {
    app = await TestApp.start();
    const t = await team(app);
    await app.call('users.update', { id: t.ids.accueil, displayName: 'accueil Test', role: 'accueil', isAdmin: true, active: true }, t.admin);
    const input = { displayName: 'Nouvelle directrice', login: 'n.directrice', role: 'direction' as const, isAdmin: false, temporaryPassword: 'temporaire-123' };
    for (let i = 0; i < 4; i++) {
      expect((await app.fail('users.create', { ...input, confirmation: { login: 'direction.test', password: `essai-${i}` } }, t.accueil)).fields).toEqual({
        'confirmation.password': 'Identifiant ou mot de passe incorrect, ou compte qui n’est pas de la direction.',
      });
    }
    expect(app.runtime.openOrNull()!.users.byLogin('direction.test')!.failedAttempts).toBe(4);
    // The fifth locks the account: even the right password no longer confirms, nor logs in, for the lockout's length.
    const fifth = await app.fail('users.create', { ...input, confirmation: { login: 'direction.test', password: 'essai-5' } }, t.accueil);
    expect(fifth.fields!['confirmation.password']).toMatch(/bloqué/);
    expect((await app.fail('users.create', { ...input, confirmation: { login: 'direction.test', password: 'définitif-456' } }, t.accueil)).code).toBe('VALIDATION');
    expect((await app.fail('auth.login', { login: 'direction.test', password: 'définitif-456' })).message).toMatch(/bloqué/);
    expect(app.runtime.openOrNull()!.users.byLogin('n.directrice')).toBeUndefined();
    // Its open session goes on (the guesser must not end it).
    expect((await app.call('auth.session', {}, t.direction))!.user.login).toBe('direction.test');
  });

  it('a direction administrator changes other accounts freely, still not its own', async () => {
    app = await TestApp.start();
    const t = await team(app);
    expect((await app.call('users.update', { id: t.ids.lecture, displayName: 'lecture Test', role: 'direction', isAdmin: true, active: true }, t.admin)).role).toBe('direction');
    expect((await app.fail('users.update', { id: t.ids.admin, displayName: 'Martine Durand', role: 'cip', isAdmin: true, active: true }, t.admin)).code).toBe('FORBIDDEN');
  });
});

describe('malformed input gets a French 4xx, never a 500 (issue 20 §6)', () => {
  it('NUL characters, references to nothing', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const nul = await app.fail('partenaires.save', { nom: 'Centre\u0000social', type: 'association' }, t.cip);
    expect(nul).toMatchObject({ code: 'VALIDATION', fields: { nom: 'Caractère invisible interdit.' } });
    const request = { personneId: '', type: 'acces', recueLe: '2026-03-01', demandeur: 'La personne elle-même' };
    expect(await app.fail('rgpd.saveDemande', request, t.direction)).toMatchObject({ code: 'VALIDATION', message: 'Une personne, un compte ou un dossier indiqué n’existe pas (ou plus) : rien n’a été enregistré.' });
    expect(app.count('demandes_rgpd')).toBe(0);
  });
});
