/** The routes as the transports call them, on a real database: setup, accounts, sessions, roles and the audit log. */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-main/services/audit/audit-log';
import { ROUTE_NAMES } from '../../src-shared/contract';
import { TestApp, VALID_SETUP } from '../helpers/app';

let app: TestApp;
afterEach(() => app?.close());

async function withCip(): Promise<{ admin: string; cip: string; cipId: string }> {
  const admin = await app.setUp();
  const created = await app.call('users.create', { displayName: 'Samir Benali', login: 's.benali', role: 'cip', isAdmin: false, temporaryPassword: 'temporaire-123' }, admin);
  const first = await app.call('auth.login', { login: 's.benali', password: 'temporaire-123' });
  const changed = await app.call(
    'auth.changePassword',
    { currentPassword: 'temporaire-123', newPassword: 'mon propre secret', newPasswordConfirmation: 'mon propre secret' },
    first.token,
  );
  return { admin, cip: changed.token, cipId: created.id };
}

describe('first run', () => {
  it('sets the structure, its dispositifs and the first administrator up in one command, and logs them in', async () => {
    app = await TestApp.start();
    expect(await app.call('system.status', {})).toEqual({ state: 'setup', appVersion: expect.any(String), structure: null });
    const session = await app.call('setup.complete', VALID_SETUP);
    expect(session.user).toMatchObject({ login: 'm.durand', role: 'direction', isAdmin: true, mustChangePassword: false });
    expect(await app.call('structure.get', {}, session.token)).toMatchObject({
      nom: 'Chantier des Coteaux',
      siret: '52000001500013',
      departement: '07',
      dispositifs: ['AI', 'ACI'],
    });
    expect(await app.call('system.status', {})).toMatchObject({ state: 'ready', structureName: 'Chantier des Coteaux' });
  });

  it('refuses bad input with French messages per field, and writes nothing', async () => {
    app = await TestApp.start();
    const error = await app.fail('setup.complete', { ...VALID_SETUP, structure: { ...VALID_SETUP.structure, siret: '52000001500014' } });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'Certaines informations sont invalides : corrigez les champs signalés.',
      fields: { 'structure.siret': expect.stringMatching(/SIRET n'est pas valide/) },
    });
    expect((await app.fail('setup.complete', 'pas un objet')).code).toBe('VALIDATION');
    expect(app.count('structure') + app.count('users') + app.count('dispositifs')).toBe(0);
  });

  it('cannot be run twice, and the other routes wait for it', async () => {
    app = await TestApp.start();
    expect(await app.fail('auth.login', { login: 'x', password: 'y' })).toMatchObject({ code: 'UNAVAILABLE' });
    await app.setUp();
    expect(await app.fail('setup.complete', VALID_SETUP)).toMatchObject({ code: 'CONFLICT', message: "L'application est déjà configurée." });
    expect(app.count('users')).toBe(1);
  });

  it('rolls back entirely when its last write fails', async () => {
    app = await TestApp.start();
    // A login taken by a stray row makes the administrator insert (the last write) fail.
    app.runtime
      .openOrNull()!
      .sqlite.prepare("insert into users (id, login, display_name, role, password_hash, created_at, updated_at) values ('x', 'm.durand', 'X', 'cip', 'h', 'now', 'now')")
      .run();
    expect((await app.fail('setup.complete', VALID_SETUP)).code).toBe('CONFLICT');
    expect(app.count('structure') + app.count('dispositifs') + app.count('settings')).toBe(0);
    expect(app.runtime.stateKind()).toBe('setup');
  });
});

describe('login and lockout', () => {
  it('says the same thing for an unknown login and a wrong password, and counts the failures', async () => {
    app = await TestApp.start();
    await app.setUp();
    expect(await app.fail('auth.login', { login: 'personne', password: 'un chêne solide' })).toEqual({ code: 'UNAUTHENTICATED', message: 'Identifiant ou mot de passe incorrect.' });
    expect(await app.fail('auth.login', { login: 'm.durand', password: 'faux' })).toEqual({ code: 'UNAUTHENTICATED', message: 'Identifiant ou mot de passe incorrect.' });
    expect((await app.call('auth.login', { login: 'M.Durand', password: 'un chêne solide' })).user.login).toBe('m.durand');
  });

  it('blocks the account after 5 wrong passwords for 15 minutes, even with the right one, then lets it in', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    for (let i = 0; i < 4; i++) expect((await app.fail('auth.login', { login: 'm.durand', password: `faux ${i}` })).message).toBe('Identifiant ou mot de passe incorrect.');
    expect((await app.fail('auth.login', { login: 'm.durand', password: 'faux 5' })).message).toMatch(/^Ce compte est bloqué après plusieurs mots de passe erronés, jusqu'à \d\d:\d\d/);
    // Someone guessing elsewhere does not end the account's own open sessions (issue 20 §6).
    expect((await app.call('structure.get', {}, admin)).nom).toBe('Chantier des Coteaux');
    // An unknown login gets the same answers, so the lockout does not tell which accounts exist.
    for (let i = 0; i < 4; i++) expect((await app.fail('auth.login', { login: 'inconnu', password: `faux ${i}` })).message).toBe('Identifiant ou mot de passe incorrect.');
    expect((await app.fail('auth.login', { login: 'inconnu', password: 'faux 5' })).message).toMatch(/^Ce compte est bloqué après plusieurs mots de passe erronés, jusqu'à \d\d:\d\d/);
    expect((await app.fail('auth.login', { login: 'Inconnu', password: 'faux 6' })).message).toMatch(/bloqué/);
    expect((await app.fail('auth.login', { login: 'm.durand', password: 'un chêne solide' })).message).toMatch(/bloqué/);
    app.clock.advanceMinutes(14);
    expect((await app.fail('auth.login', { login: 'm.durand', password: 'un chêne solide' })).message).toMatch(/bloqué/);
    app.clock.advanceMinutes(1);
    expect((await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).user.login).toBe('m.durand');
  });

  it('lets an administrator unlock a blocked account at once', async () => {
    app = await TestApp.start();
    const { admin, cipId } = await withCip();
    for (let i = 0; i < 5; i++) await app.fail('auth.login', { login: 's.benali', password: 'faux' });
    expect((await app.call('users.list', {}, admin)).find((u) => u.id === cipId)!.lockedUntil).not.toBeNull();
    await app.call('users.unlock', { id: cipId }, admin);
    expect((await app.call('auth.login', { login: 's.benali', password: 'mon propre secret' })).user.role).toBe('cip');
  });
});

describe('sessions', () => {
  it('lock after the idle delay, refuse work while locked, and unlock with the password', async () => {
    app = await TestApp.start();
    const token = await app.setUp();
    app.clock.advanceMinutes(9);
    await app.call('structure.get', {}, token);
    app.clock.advanceMinutes(10);
    expect(await app.fail('structure.get', {}, token)).toMatchObject({ code: 'SESSION_LOCKED' });
    expect((await app.call('auth.session', {}, token))!.locked).toBe(true);
    expect((await app.fail('auth.unlock', { password: 'faux' }, token)).message).toBe('Identifiant ou mot de passe incorrect.');
    expect((await app.call('auth.unlock', { password: 'un chêne solide' }, token)).locked).toBe(false);
    expect((await app.call('structure.get', {}, token)).nom).toBe('Chantier des Coteaux');
  });

  it('follow the structure’s idle setting once changed', async () => {
    app = await TestApp.start();
    const token = await app.setUp();
    await app.call('settings.updateSecurity', { idleLockMinutes: 2, maxFailedAttempts: 5, lockoutMinutes: 15 }, token);
    app.clock.advanceMinutes(2);
    expect((await app.fail('structure.get', {}, token)).code).toBe('SESSION_LOCKED');
    expect((await app.fail('settings.updateSecurity', { idleLockMinutes: 500, maxFailedAttempts: 1, lockoutMinutes: 0 }, token)).code).toBe('SESSION_LOCKED');
    await app.call('auth.unlock', { password: 'un chêne solide' }, token);
    const bad = await app.fail('settings.updateSecurity', { idleLockMinutes: 500, maxFailedAttempts: 1, lockoutMinutes: 0 }, token);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['idleLockMinutes', 'lockoutMinutes', 'maxFailedAttempts']);
    expect((await app.call('settings.getSecurity', {}, token)).idleLockMinutes).toBe(2);
  });

  it('end at logout, and a forged or missing token gets nowhere', async () => {
    app = await TestApp.start();
    const token = await app.setUp();
    await app.call('auth.logout', {}, token);
    expect((await app.fail('structure.get', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('structure.get', {}, 'forged')).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('structure.get', {}, null)).code).toBe('UNAUTHENTICATED');
    expect(await app.call('auth.session', {}, token)).toBeNull();
  });

  it('require a new password after a reset before anything else', async () => {
    app = await TestApp.start();
    const { admin, cipId } = await withCip();
    await app.call('users.resetPassword', { id: cipId, temporaryPassword: 'provisoire-456' }, admin);
    const session = await app.call('auth.login', { login: 's.benali', password: 'provisoire-456' });
    expect(session.user.mustChangePassword).toBe(true);
    expect((await app.fail('structure.get', {}, session.token)).message).toBe('Vous devez d’abord choisir un nouveau mot de passe.');
    const same = await app.fail('auth.changePassword', { currentPassword: 'provisoire-456', newPassword: 'provisoire-456', newPasswordConfirmation: 'provisoire-456' }, session.token);
    expect(same.fields).toEqual({ newPassword: "Le nouveau mot de passe doit être différent de l'actuel." });
    const renewed = await app.call('auth.changePassword', { currentPassword: 'provisoire-456', newPassword: 'encore un autre', newPasswordConfirmation: 'encore un autre' }, session.token);
    // The token is rotated (issue 20 §6): the old one is worth nothing, the new one carries on.
    expect(renewed.token).not.toBe(session.token);
    expect((await app.fail('structure.get', {}, session.token)).code).toBe('UNAUTHENTICATED');
    expect((await app.call('structure.get', {}, renewed.token)).nom).toBe('Chantier des Coteaux');
  });
});

describe('roles', () => {
  it('every route declares a permission, and account routes refuse non-administrators', async () => {
    app = await TestApp.start();
    const { cip } = await withCip();
    const { routes } = await import('../../src-main/routes');
    for (const name of ROUTE_NAMES) expect(routes[name].permission, name).toBeTruthy();
    const adminOnly = ROUTE_NAMES.filter((n) => routes[n].permission === 'admin');
    expect(adminOnly.sort()).toEqual([
      'securite.confirmRecoverySheet',
      'securite.recoverySheet',
      'securite.replaceRecoveryKey',
      'settings.updateSecurity',
      'users.create',
      'users.list',
      'users.resetPassword',
      'users.unlock',
      'users.update',
    ]);
    const inputs: Record<string, unknown> = {
      'users.list': {},
      'users.create': { displayName: 'Zoé Roux', login: 'z.roux', role: 'direction', isAdmin: true, temporaryPassword: 'temporaire-123' },
      'users.update': { id: 'x', displayName: 'Zoé Roux', role: 'direction', isAdmin: true, active: true },
      'users.resetPassword': { id: 'x', temporaryPassword: 'temporaire-123' },
      'users.unlock': { id: 'x' },
      'settings.updateSecurity': { idleLockMinutes: 120, maxFailedAttempts: 20, lockoutMinutes: 1 },
      'securite.recoverySheet': {},
      'securite.confirmRecoverySheet': { cle: 'x' },
      'securite.replaceRecoveryKey': { motDePasse: 'x' },
    };
    for (const route of adminOnly) {
      expect(await app.fail(route, inputs[route], cip), route).toEqual({
        code: 'FORBIDDEN',
        message: 'Votre rôle ne permet pas cette action. Demandez à la direction si vous en avez besoin.',
      });
    }
    expect(app.count('users')).toBe(2);
    const denied = app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where action = 'denied'").pluck().get();
    expect(denied).toBe(adminOnly.length);
  });

  it('keep one active administrator, and deactivation ends the sessions', async () => {
    app = await TestApp.start();
    const { admin, cip, cipId } = await withCip();
    const me = (await app.call('users.list', {}, admin)).find((u) => u.login === 'm.durand')!;
    const demote = await app.fail('users.update', { id: me.id, displayName: me.displayName, role: 'direction', isAdmin: false, active: true }, admin);
    expect(demote).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/dernier administrateur actif/) });
    await app.call('users.update', { id: cipId, displayName: 'Samir Benali', role: 'cip', isAdmin: false, active: false }, admin);
    expect((await app.fail('structure.get', {}, cip)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { login: 's.benali', password: 'mon propre secret' })).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('users.create', { displayName: 'Autre', login: 'S.Benali', role: 'cip', isAdmin: false, temporaryPassword: 'temporaire-123' }, admin)).fields).toEqual({
      login: 'Cet identifiant est déjà utilisé.',
    });
  });

  it('an unknown route or a route called with the wrong shape is refused cleanly', async () => {
    app = await TestApp.start();
    const token = await app.setUp();
    expect(await app.fail('users.dropTable', {}, token)).toEqual({ code: 'NOT_FOUND', message: "Cette action n'existe pas." });
    expect(await app.fail('__proto__', {}, token)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.fail('structure.get', { extra: 1 }, token)).code).toBe('VALIDATION');
  });
});

describe('audit log', () => {
  it('records logins, failures, account changes and refusals, chained by hashes that reveal tampering', async () => {
    app = await TestApp.start();
    await withCip();
    await app.fail('auth.login', { login: 'inconnu', password: 'x' });
    const sqlite = app.runtime.openOrNull()!.sqlite;
    const actions = sqlite.prepare('select action, entity from audit_log order by seq').all();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'create', entity: 'structure' },
        { action: 'create', entity: 'user' },
        { action: 'login', entity: 'user' },
        { action: 'update', entity: 'user' },
        { action: 'login_failed', entity: null },
      ]),
    );
    expect(JSON.stringify(sqlite.prepare('select detail from audit_log').pluck().all())).not.toMatch(/chêne|secret|temporaire/);
    expect(verifyAuditChain(sqlite)).toBeNull();

    expect(() => sqlite.prepare("update audit_log set action = 'read' where seq = 2").run()).toThrow("Le journal d'audit ne peut pas être modifié.");
    expect(() => sqlite.prepare('delete from audit_log where seq = 2').run()).toThrow("Le journal d'audit ne peut pas être effacé.");
    // Someone who drops the triggers with a raw SQLite tool still cannot hide an edit.
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare("update audit_log set user_login = 'quelqu-un' where seq = 3").run();
    expect(verifyAuditChain(sqlite)).toBe(3);
  });
});

describe('every route refuses the roles without its permission', () => {
  it('for each named permission, a role lacking it gets FORBIDDEN before its input is even read, and it is audited', async () => {
    const { team } = await import('../helpers/accueil');
    const { PERMISSION_ROLES, ROLES } = await import('../../src-shared/roles');
    const { routes } = await import('../../src-main/routes');
    app = await TestApp.start();
    const t = await team(app);
    let checked = 0;
    for (const name of ROUTE_NAMES) {
      const permission = routes[name].permission;
      if (permission === 'public' || permission === 'authenticated' || permission === 'admin') continue;
      const allowed = PERMISSION_ROLES[permission] as readonly string[];
      const without = ROLES.find((r) => !allowed.includes(r));
      if (!without) continue; // a permission every role holds
      expect(await app.fail(name, {}, t[without]), `${name} (${without})`).toMatchObject({ code: 'FORBIDDEN' });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('a full disk', () => {
  it('gets a clear French message and changes nothing', async () => {
    const { team, personneInput } = await import('../helpers/accueil');
    app = await TestApp.start();
    const t = await team(app);
    const sqlite = app.runtime.openOrNull()!.sqlite;
    const before = app.count('personnes');
    // The file may not grow beyond its current size: the next page SQLite needs is refused with SQLITE_FULL.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const big = personneInput({ adresse: 'x'.repeat(190) });
    let result: Awaited<ReturnType<typeof app.fail>> | null = null;
    for (let i = 0; i < 5000 && !result; i++) {
      const r = await app.router.dispatch('personnes.create', { ...big, nom: `Plein${i}` }, { sessionToken: t.cip });
      if (!r.ok) result = r.error;
    }
    expect(result).toEqual({ code: 'UNAVAILABLE', message: "Le disque est plein : rien n'a été enregistré. Libérez de la place (ou demandez à votre support), puis recommencez." });
    const written = app.count('personnes') - before;
    // Every accepted create is whole (person + intake); the refused one left nothing.
    expect(app.count('accueils')).toBe(written);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
