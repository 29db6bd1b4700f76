import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { TestApp } from '../helpers/app';
import { jobControl } from '../../src-main/jobs/job-control';

let app: TestApp;
afterEach(() => app?.close());

describe('automatic backups', () => {
  it('back up once a day, not before the structure exists, and keep what the retention policy keeps', async () => {
    app = await TestApp.start();
    const dir = join(app.dataDir, 'sauvegardes');
    expect(await app.runtime.backupIfDue()).toBeNull();
    await app.setUp();
    expect((await app.runtime.backupIfDue())?.reason).toBe('quotidienne');
    app.clock.advanceMinutes(23 * 60);
    expect(await app.runtime.backupIfDue()).toBeNull();
    app.clock.advanceMinutes(61);
    expect((await app.runtime.backupIfDue())?.reason).toBe('quotidienne');
    expect(listBackups(dir)).toHaveLength(2);
    const manual = await app.runtime.backup('manuelle');
    // Five closings in a day: only the 3 most recent automatic ones of the day stay; the manual one too.
    for (let i = 0; i < 5; i++) {
      app.clock.advanceMinutes(10);
      await app.runtime.backup('fermeture');
    }
    const kept = listBackups(dir);
    expect(kept.filter((b) => b.createdAt.startsWith('2026-03-03') && b.reason !== 'manuelle')).toHaveLength(3);
    expect(kept.map((b) => b.file)).toContain(manual!.file);
    expect(kept.map((b) => b.reason)).toContain('quotidienne'); // the previous day's one
  });
});

describe('restoring a backup from the app', () => {
  it('saves the current state first, puts the chosen backup back, ends every session, and audits it there', async () => {
    const { team, personneInput } = await import('../helpers/accueil');
    app = await TestApp.start();
    const t = await team(app);
    await app.call('personnes.create', personneInput(), t.cip);
    const [chosen] = await app.call('backups.create', {}, t.direction);
    await app.call('personnes.create', personneInput({ nom: 'Après', prenom: 'Sauvegarde', dateNaissance: '1990-01-01' }), t.cip);
    expect(app.count('personnes')).toBe(2);

    expect((await app.fail('backups.restore', { file: chosen!.file }, t.cip)).code).toBe('FORBIDDEN');
    expect((await app.fail('backups.restore', { file: '../../etc/passwd' }, t.direction)).fields).toEqual({ file: 'Sauvegarde inconnue.' });
    expect((await app.fail('backups.restore', { file: 'cedre-2020-01-01T00-00-00-000Z-manuelle.sqlite' }, t.direction)).code).toBe('NOT_FOUND');

    // The screen follows the restore's steps (issue 18 §4).
    const steps: string[] = [];
    const job = jobControl({ publish: (p) => steps.push(`${p.step} ${p.done}/${p.total}`), cancelRequested: () => false });
    expect(await app.router.dispatch('backups.restore', { file: chosen!.file }, { sessionToken: t.direction, job })).toMatchObject({ ok: true, data: { state: 'ready' } });
    expect(steps).toEqual(['Vérification de la sauvegarde 0/4', 'Sauvegarde de l’état actuel 1/4', 'Remplacement de la base 2/4', 'Réouverture et contrôles 3/4', 'Terminé 4/4']);
    expect(app.count('personnes')).toBe(1);
    expect((await app.fail('structure.get', {}, t.direction)).code).toBe('UNAUTHENTICATED');
    const reasons = (await app.call('backups.list', {}, (await app.call('auth.login', { login: 'direction.test', password: 'définitif-456' })).token)).map((b) => b.reason);
    expect(reasons).toContain('avant-restauration');
    const row = app.runtime.openOrNull()!.sqlite.prepare("select user_login, detail from audit_log where action = 'restore'").get() as { user_login: string; detail: string };
    expect(row.user_login).toBe('direction.test');
    expect(JSON.parse(row.detail).sauvegarde).toBe(chosen!.file);
  });
});

describe('copy to a USB key or another disk', () => {
  it('copies a verified backup on demand, records an absent key, follows its schedule and keeps ten copies', async () => {
    const { readdirSync, rmSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp');
    const { team } = await import('../helpers/accueil');
    app = await TestApp.start();
    const t = await team(app);
    const usb = tempDir('cle-usb-');
    expect((await app.fail('backups.configureExternal', { dossier: 'Sauvegardes', frequence: 'quotidienne' }, t.direction)).fields).toEqual({
      dossier: 'Indiquez un chemin complet, par exemple E:\\Sauvegardes ou /media/cle.',
    });
    expect((await app.fail('backups.configureExternal', { dossier: '', frequence: 'hebdomadaire' }, t.direction)).fields).toEqual({ dossier: 'Indiquez le dossier de la copie.' });
    expect((await app.fail('backups.copyExternal', {}, t.cip)).code).toBe('FORBIDDEN');
    await app.call('backups.configureExternal', { dossier: usb, frequence: 'quotidienne' }, t.direction);
    const done = await app.call('backups.copyExternal', {}, t.direction);
    expect(done).toMatchObject({ dossier: usb, frequence: 'quotidienne', dernierEchec: null, derniereCopie: app.clock.now().toISOString() });
    expect(readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    expect(readdirSync(usb).some((f) => f.endsWith('.partiel'))).toBe(false);

    // The key is unplugged: a clear message, recorded for the screen; the scheduled copy does not throw.
    rmSync(usb, { recursive: true, force: true });
    const absent = await app.fail('backups.copyExternal', {}, t.direction);
    expect(absent).toEqual({ code: 'UNAVAILABLE', message: `Le dossier ${usb} est introuvable : branchez la clé USB ou le disque, puis recommencez.` });
    app.clock.advanceMinutes(25 * 60);
    expect(await app.runtime.externalCopyIfDue()).toBeNull();
    expect(app.runtime.openOrNull()!.externalCopy.status().dernierEchec).toMatch(/introuvable/);

    // Plugged back: the next start copies; the same day it does not again; ten copies are kept.
    mkdirSync(usb);
    expect(await app.runtime.externalCopyIfDue()).toMatch(/cedre-copie-/);
    expect(await app.runtime.externalCopyIfDue()).toBeNull();
    for (let day = 0; day < 12; day++) {
      app.clock.advanceMinutes(24 * 60);
      await app.runtime.externalCopyIfDue();
    }
    // Ten copies, each with its key file (what a new PC needs with the recovery key); the signed anchors of the audit
    // chain stay, one per copy ever made (issue 20 §5: the USB key is where they cannot be reached from the PC).
    const copies = readdirSync(usb).filter((f) => f.endsWith('.sqlite'));
    expect(copies).toHaveLength(10);
    const anchors = readdirSync(usb).filter((f) => f.endsWith('.ancre.json'));
    expect(anchors).toHaveLength(13);
    expect(readdirSync(usb).filter((f) => !f.endsWith('.ancre.json')).sort()).toEqual([...copies, ...copies.map((f) => `${f}.cle`)].sort());
    for (const copy of copies) expect(anchors).toContain(`${copy}.ancre.json`);
    expect(app.runtime.openOrNull()!.externalCopy.status().dernierEchec).toBeNull();
    expect(readdirSync(join(app.dataDir, 'sauvegardes')).length).toBeGreaterThan(0);
  });
});
