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
