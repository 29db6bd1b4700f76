import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-main/services/audit/audit-log';
import { TestApp } from '../helpers/app';
import { personneInput, team } from '../helpers/accueil';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('audit log screen', () => {
  it('lets the direction search who read which file, shows the chain, and is refused to others', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput(), t.cip);
    await app.call('personnes.get', { id: created.personne.id }, t.encadrant);
    const reads = await app.call('audit.search', { objet: 'personne', enregistrement: created.personne.id, action: 'read' }, t.direction);
    expect(reads.lignes.map((l) => l.utilisateur)).toContain('encadrant.test');
    // Read by people: the account's name, the object in French, the person's name rather than an identifier.
    expect(reads.lignes[0]).toMatchObject({ utilisateurNom: 'encadrant Test', objetLibelle: 'Dossier de la personne', enregistrementLibelle: 'Julie ARNAUD' });
    expect(reads.chaineIntacte).toBe(true);
    const byUser = await app.call('audit.search', { utilisateur: 'CIP.test', du: '2026-03-02', au: '2026-03-02' }, t.direction);
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.lignes.every((l) => l.utilisateur === 'cip.test')).toBe(true);
    expect((await app.fail('audit.search', {}, t.cip)).code).toBe('FORBIDDEN');
    expect((await app.fail('audit.search', { du: '02/03/2026' }, t.direction)).fields).toEqual({ du: 'Date invalide.' });
  });

  it('purges entries past the retention period, keeps the rest verifiable, and records the purge', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const open = app.runtime.openOrNull()!;
    const before = app.count('audit_log');
    expect((await app.fail('audit.setRetention', { conservationMois: 2 }, t.direction)).fields).toEqual({ conservationMois: 'Six mois au moins (preuve des accès).' });
    await app.call('audit.setRetention', { conservationMois: 6 }, t.direction);
    // Nothing is old enough yet.
    expect(open.transaction(() => open.auditJournal.purge(app!.clock.now()))).toBe(0);
    // Seven months later, everything written so far is past the period.
    app.clock.advanceMinutes(7 * 31 * 24 * 60);
    expect(open.transaction(() => open.auditJournal.purge(app!.clock.now()))).toBe(before + 1); // and the retention change
    expect(app.count('audit_log')).toBe(1); // the purge's own entry
    expect(verifyAuditChain(open.sqlite)).toBeNull();
    expect(open.sqlite.prepare('select action, entity, detail from audit_log').get()).toMatchObject({ action: 'delete', entity: 'audit_log' });
    // Outside a purge, the log and the register of purges still refuse deletion and change.
    expect(() => open.sqlite.prepare('delete from audit_log').run()).toThrow(/ne peut pas être effacé/);
    expect(() => open.sqlite.prepare('delete from audit_purges').run()).toThrow(/ne peut pas être effacé/);
    expect(() => open.sqlite.prepare("update audit_purges set lignes = 0").run()).toThrow(/ne peut pas être modifié/);
    // Tampering with a remaining row is still seen.
    open.sqlite.prepare("insert into audit_log (at, user_id, user_login, action, route, prev_hash, hash) values ('2026-10-01', null, 'x', 'read', 'r', 'faux', 'faux')").run();
    expect(verifyAuditChain(open.sqlite)).not.toBeNull();
  });
});
