import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { TestApp } from '../helpers/app';

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

    expect(await app.call('backups.restore', { file: chosen!.file }, t.direction)).toMatchObject({ state: 'ready' });
    expect(app.count('personnes')).toBe(1);
    expect((await app.fail('structure.get', {}, t.direction)).code).toBe('UNAUTHENTICATED');
    const reasons = (await app.call('backups.list', {}, (await app.call('auth.login', { login: 'direction.test', password: 'définitif-456' })).token)).map((b) => b.reason);
    expect(reasons).toContain('avant-restauration');
    const row = app.runtime.openOrNull()!.sqlite.prepare("select user_login, detail from audit_log where action = 'restore'").get() as { user_login: string; detail: string };
    expect(row.user_login).toBe('direction.test');
    expect(JSON.parse(row.detail).sauvegarde).toBe(chosen!.file);
  });
});
