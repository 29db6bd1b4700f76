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

describe('a restore that went wrong (issue 20 §6)', () => {
  it('a damaged backup gets one French line, whatever SQLite found, and changes nothing', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const admin = await app.setUp();
    const backups = join(dataDir, 'sauvegardes');
    const good = await createBackup(app.runtime.openOrNull()!.sqlite, backups, 'manuelle');
    const bytes = readFileSync(good.path);
    // Truncated (a copy cut short), and scribbled over (quick_check then lists problem after problem, in English).
    const truncated = join(backups, good.file.replace('manuelle', 'tronquee'));
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const scribbled = join(backups, good.file.replace('manuelle', 'abimee'));
    const copy = Buffer.from(bytes);
    copy.fill(0xab, 4096 * 2, Math.min(copy.length, 4096 * 12));
    writeFileSync(scribbled, copy);
    for (const file of [truncated, scribbled]) {
      const refused = await app.fail('backups.restore', { file: file.split('/').pop() }, admin);
      expect(refused.code).toBe('VALIDATION');
      expect(refused.message).not.toMatch(/\n/);
      expect(refused.message).not.toMatch(/database|malformed|disk image|page|btree|row/i);
      expect(refused.message).toMatch(/^La sauvegarde .* est endommagée \(fichier tronqué ou altéré\) : choisissez-en une autre\. Rien n’a été modifié\.$/);
    }
    expect(await app.call('structure.get', {}, admin)).toMatchObject({ nom: 'Chantier des Coteaux' });
  });

  it('leftovers of a restore killed while copying are removed at start; whole copies of a replaced base are kept', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    await app.setUp();
    app.close();
    const halfCopy = join(dataDir, 'cedre.sqlite.remplacee-2026-11-30T10-00-00-000Z.partiel');
    const halfWal = join(dataDir, 'cedre.sqlite.remplacee-2026-11-30T10-00-00-000Z-wal.partiel');
    const incoming = join(dataDir, 'cedre.sqlite.restauration-en-cours');
    const wholeCopy = join(dataDir, 'cedre.sqlite.remplacee-2026-11-29T10-00-00-000Z');
    for (const f of [halfCopy, halfWal, incoming, wholeCopy]) writeFileSync(f, 'SQLite format 3\0 à moitié');
    app = await TestApp.start(dataDir);
    expect(app.runtime.stateKind()).toBe('ready');
    expect([halfCopy, halfWal, incoming].filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(wholeCopy)).toBe(true);
  });
});
