/**
 * Crash safety (issue 7 §4), proven with real processes killed (SIGKILL, no chance to clean up) in the middle of a
 * large write: the database opens, passes `integrity_check`, and holds either all or none of each write.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup';
import { openDatabase } from '../../db/client';
import { databaseFileState } from '../../db/encryption';
import { OpenRuntime } from '../../src-main/open-runtime';
import { systemClock } from '../../src-main/lib/clock';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { generateDemo } from '../../src-main/services/demo/demo-generator';
import { TestApp } from '../helpers/app';
import { dataKeyOf, openEncrypted } from '../helpers/encryption';
import { MIGRATIONS, REPO_ROOT, tempDir } from '../helpers/temp';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

/** Starts the worker, waits for "PRÊT", lets it write for `afterMs`, then kills it without warning. */
function killDuringWrite(args: string[], afterMs: number): Promise<string> {
  // `node --import tsx`: one process (tsx's own CLI would leave a grandchild running after the kill). Its own
  // process group, killed as a whole, for the same reason.
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'fixtures', 'crash-worker.ts'), ...args], { cwd: REPO_ROOT, detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Le processus n'a pas démarré : ${out}`)), 30_000);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('PRÊT')) {
        clearTimeout(timer);
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // The work finished before the kill: the caller sees "FINI" in the output.
          }
        }, afterMs);
      }
    });
    child.on('exit', () => resolve(out));
  });
}

/** The worker's last line says it had begun a write and not finished it (test/fixtures/crash-worker.ts). */
function landedMidWrite(out: string): boolean {
  return /(^|\n)DÉBUT \d+$/.test(out.trimEnd());
}

async function reopenChecked(dataDir: string): Promise<Database.Database> {
  const opened = await openDatabase({
    file: join(dataDir, 'cedre.sqlite'),
    migrationsFolder: MIGRATIONS,
    backupDir: join(dataDir, 'sauvegardes'),
    encryption: { key: await dataKeyOf(dataDir), backupKeyFile: null },
  });
  expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return opened.sqlite;
}

describe('a process killed in the middle of a write', () => {
  it('an import: all of it or none of it', async () => {
    let interrupted = 0;
    for (const afterMs of [150, 600]) {
      const dataDir = tempDir();
      app = await TestApp.start(dataDir);
      app.close();
      app = null;
      const out = await killDuringWrite(['import', dataDir], afterMs);
      const db = await reopenChecked(dataDir);
      const persons = db.prepare('select count(*) from personnes').pluck().get() as number;
      const imported = db.prepare("select count(*) from audit_log where entity = 'import'").pluck().get() as number;
      // Either nothing (killed inside the transaction) or everything with its audit row (killed after the commit).
      if (out.includes('FINI')) expect(imported).toBe(1);
      expect(persons === 0 ? imported : 1).toBe(persons === 0 ? 0 : imported);
      if (persons > 0) expect(persons).toBe(generateDemo({ scale: 3, years: 3, seed: 5, today: '2026-03-02' }).personnes!.length);
      else interrupted++;
      db.close();
    }
    // The kill did land inside the write at least once: the test exercised a crash, not a finished import.
    expect(interrupted).toBeGreaterThan(0);
  }, 90_000);

  it('monthly hours saved again and again: every month is one whole save, never a mix of two', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    createDemo(app.runtime.openOrNull()!, { scale: 2, years: 1, seed: 3 }, app.clock.now());
    app.close();
    app = null;
    let midWrite = 0;
    // Kills until two landed inside a save (at most eight): on a loaded machine a kill can fall between two saves.
    for (const afterMs of [200, 450, 700, 950, 300, 550, 800, 1050]) {
      const out = await killDuringWrite(['hours', dataDir], afterMs);
      // The worker only ever prints its marks: anything else is an error of the save, not a crash test.
      expect(out.split('\n').filter((line) => line && !/^(PRÊT|DÉBUT \d+|FIN \d+)$/.test(line))).toEqual([]);
      if (landedMidWrite(out)) midWrite++;
      const db = await reopenChecked(dataDir);
      const values = db
        .prepare("select distinct h.centiemes from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where h.date = '2026-02-01' and p.dispositif = 'ACI'")
        .pluck()
        .all();
      expect(values.length).toBe(1);
      db.close();
      if (midWrite === 2) break;
    }
    // At least one kill landed inside a save: the test exercised a crash, not a quiet moment between two saves.
    expect(midWrite).toBeGreaterThan(0);
  }, 90_000);

  it('a restore: the database at its place is the old one or the restored one, never half of one', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 2, years: 3, seed: 9 }, app.clock.now());
    const backupA = (await createBackup(open.sqlite, join(dataDir, 'a'), 'manuelle')).path;
    open.sqlite.prepare("delete from import_refs where feuille = 'clients'").run();
    const backupB = (await createBackup(open.sqlite, join(dataDir, 'b'), 'manuelle')).path;
    app.close();
    app = null;
    const key = await dataKeyOf(dataDir);
    const refsIn = (path: string) => {
      const db = openEncrypted(path, key, { readonly: true });
      const n = db.prepare('select count(*) from import_refs').pluck().get() as number;
      db.close();
      return n;
    };
    const expected = [refsIn(backupA), refsIn(backupB)];
    let midWrite = 0;
    for (const afterMs of [20, 90, 300]) {
      if (landedMidWrite(await killDuringWrite(['restore', dataDir, backupA, backupB], afterMs))) midWrite++;
      expect(existsSync(join(dataDir, 'cedre.sqlite'))).toBe(true);
      const db = await reopenChecked(dataDir);
      expect(expected).toContain(db.prepare('select count(*) from import_refs').pluck().get());
      db.close();
    }
    expect(midWrite).toBeGreaterThan(0);
  }, 90_000);

  it('the encryption of a clear database at start-up: the clear original or the encrypted one, never a broken file', async () => {
    // A database of the previous version (clear, with its clear backups), big enough for the kill to land mid-way.
    const fixture = tempDir();
    const clear = await openDatabase({ file: join(fixture, 'cedre.sqlite'), migrationsFolder: MIGRATIONS, backupDir: join(fixture, 'sauvegardes') });
    // The services of the app on that file, as the previous version would have built its demo.
    createDemo(new OpenRuntime(clear, systemClock, randomBytes(32)), { scale: 4, years: 3, seed: 12 }, new Date('2026-03-02T09:00:00Z'));
    const persons = clear.sqlite.prepare('select count(*) from personnes').pluck().get() as number;
    clear.sqlite.close();
    let interrupted = 0;
    for (const afterMs of [30, 150, 250, 400, 600, 900]) {
      const dataDir = tempDir();
      cpSync(fixture, dataDir, { recursive: true });
      const out = await killDuringWrite(['encrypt', dataDir], afterMs);
      if (!out.includes('FINI')) interrupted++;
      // The next start finishes the job: the data is all there, encrypted, and every copy in the folder too.
      app = await TestApp.start(dataDir);
      expect(app.runtime.stateKind(), out).not.toBe('damaged');
      const db = app.runtime.openOrNull()!.sqlite;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('select count(*) from personnes').pluck().get()).toBe(persons);
      expect(databaseFileState(join(dataDir, 'cedre.sqlite'))).toBe('encrypted');
      for (const f of readdirSync(join(dataDir, 'sauvegardes')).filter((n) => n.endsWith('.sqlite'))) expect(databaseFileState(join(dataDir, 'sauvegardes', f)), f).toBe('encrypted');
      expect(readdirSync(dataDir).filter((n) => n.includes('chiffrement-en-cours'))).toEqual([]);
      // A backup cut short by the kill is never listed, and no clear leftover stays in the folder.
      expect(readdirSync(join(dataDir, 'sauvegardes')).filter((n) => !/\.sqlite(\.cle)?$/.test(n))).toEqual([]);
      app.close();
      app = null;
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);
});
