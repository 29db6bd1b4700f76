/** A damaged database is never reset: the app opens in recovery mode and offers the latest backup. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup';
import { TestApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

let app: TestApp;
afterEach(() => app?.close());

describe('damaged database', () => {
  it('opens in recovery mode, keeps the damaged file, and restores the latest backup', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    await app.setUp();
    await createBackup(app.runtime.openOrNull()!.sqlite, join(dataDir, 'sauvegardes'), 'quotidienne');
    app.close();
    const dbFile = join(dataDir, 'cedre.sqlite');
    writeFileSync(dbFile, Buffer.alloc(8192, 0x42));
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbFile + suffix)) writeFileSync(dbFile + suffix, '');

    app = await TestApp.start(dataDir);
    const status = await app.call('system.status', {});
    expect(status).toMatchObject({ state: 'damaged', message: expect.stringMatching(/endommagée/), latestBackup: { file: expect.stringMatching(/quotidienne/) } });
    expect((await app.fail('auth.login', { login: 'm.durand', password: 'un chêne solide' })).code).toBe('UNAVAILABLE');
    expect((await app.fail('setup.complete', {})).code).toBe('UNAVAILABLE');

    expect(await app.call('system.restoreLatestBackup', {})).toMatchObject({ state: 'ready', structureName: 'Chantier des Coteaux' });
    expect((await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).user.login).toBe('m.durand');
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('cedre.sqlite.remplacee-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dataDir, kept[0]!)).equals(Buffer.alloc(8192, 0x42))).toBe(true);
    const restoreRows = app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where action = 'restore'").pluck().get();
    expect(restoreRows).toBe(1);
    expect((await app.fail('system.restoreLatestBackup', {})).code).toBe('CONFLICT');
  });

  it('without any backup, says so and changes nothing', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'cedre.sqlite'), 'pas une base');
    app = await TestApp.start(dataDir);
    expect(await app.call('system.status', {})).toMatchObject({ state: 'damaged', latestBackup: null });
    expect(await app.fail('system.restoreLatestBackup', {})).toEqual({ code: 'NOT_FOUND', message: "Aucune sauvegarde n'a été trouvée dans le dossier des sauvegardes." });
    expect(readFileSync(join(dataDir, 'cedre.sqlite'), 'utf8')).toBe('pas une base');
  });
});
