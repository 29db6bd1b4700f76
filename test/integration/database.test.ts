/** Opening, migrating, and refusing to open: on real SQLite files in a temporary folder. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../db/backup';
import { DatabaseDamagedError, DatabaseTooNewError, migrateSafely, openDatabase, readJournal } from '../../db/client';
import { MIGRATIONS, REPO_ROOT, tempDir } from '../helpers/temp';

const REBUILD_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'migrations-rebuild');

/** A copy of a migration folder holding only its first `count` migrations: "the previous release". */
function migrationSubset(source: string, count: number): string {
  const dir = tempDir('cedre-migrations-');
  cpSync(source, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function open(file: string, migrationsFolder = MIGRATIONS) {
  return openDatabase({ file, migrationsFolder, backupDir: join(file, '..', 'sauvegardes') });
}

describe('opening the database', () => {
  it('creates a fresh database with every migration, WAL, synchronous=FULL and foreign keys on', async () => {
    const file = join(tempDir(), 'cedre.sqlite');
    const db = await open(file);
    expect(db.appliedMigrations).toBe(readJournal(MIGRATIONS).length);
    expect(db.preMigrationBackup).toBeNull();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'dispositifs', 'settings', 'structure', 'users']));
    db.sqlite.close();
    const again = await open(file);
    expect(again.appliedMigrations).toBe(0);
    again.sqlite.close();
  });

  it('upgrades a database of any earlier release, keeping its rows, after backing it up', async () => {
    const total = readJournal(MIGRATIONS).length;
    expect(total).toBeGreaterThan(1);
    for (let released = 1; released < total; released++) {
      const dir = tempDir();
      const file = join(dir, 'cedre.sqlite');
      const old = await open(file, migrationSubset(MIGRATIONS, released));
      old.sqlite
        .prepare("insert into users (id, login, display_name, role, password_hash, created_at, updated_at) values ('u1', 'a.b', 'A B', 'cip', 'x', 'now', 'now')")
        .run();
      const schemaObjectsBefore = old.sqlite.prepare("select count(*) from sqlite_master").pluck().get() as number;
      const schemaBefore = old.sqlite.prepare("select group_concat(sql, ';') from sqlite_master").pluck().get() as string;
      old.sqlite.close();

      const upgraded = await open(file);
      expect(upgraded.appliedMigrations, `depuis ${released} migration(s)`).toBe(total - released);
      expect(upgraded.sqlite.prepare('select login from users').pluck().all()).toEqual(['a.b']);
      // Each migration changes the schema (some only add columns, so the number of objects may stay the same).
      expect(upgraded.sqlite.prepare("select group_concat(sql, ';') from sqlite_master").pluck().get()).not.toBe(schemaBefore);
      const backups = listBackups(join(dir, 'sauvegardes'));
      expect(backups.map((b) => b.reason)).toEqual(['avant-migration']);
      const copy = new Database(backups[0]!.path, { readonly: true });
      expect(copy.prepare('select count(*) from users').pluck().get()).toBe(1);
      expect(copy.prepare("select count(*) from sqlite_master").pluck().get()).toBe(schemaObjectsBefore);
      copy.close();
      upgraded.sqlite.close();
    }
  });

  it('migration 0014 keeps every ETP conventionné, now in ten-thousandths (issue 21)', async () => {
    const journal = readJournal(MIGRATIONS);
    const before = journal.findIndex((m) => m.tag === '0014_etp_conventionnes_precis');
    expect(before).toBeGreaterThan(0);
    const file = join(tempDir(), 'cedre.sqlite');
    const old = await open(file, migrationSubset(MIGRATIONS, before));
    const insert = old.sqlite.prepare("insert into dispositifs_annees (id, kind, annee, annexe_financiere, etp_conventionnes, created_at, updated_at) values (?, ?, ?, 'AF', ?, 'now', 'now')");
    insert.run('a', 'ACI', 2024, 450);
    insert.run('b', 'AI', 2024, null);
    insert.run('c', 'ACI', 2025, 13);
    old.sqlite.close();
    // Up to 0016: migration 0017 turned this table into annexes financières (test/integration/annexes-financieres.test.ts).
    const upgraded = await open(file, migrationSubset(MIGRATIONS, before + 3));
    expect(upgraded.sqlite.prepare('select id, etp_conventionnes_dix_milliemes as etp from dispositifs_annees order by id').all()).toEqual([
      { id: 'a', etp: 45_000 },
      { id: 'b', etp: null },
      { id: 'c', etp: 1_300 },
    ]);
    upgraded.sqlite.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = join(tempDir(), 'cedre.sqlite');
    (await open(file)).sqlite.close();
    const before = readFileSync(file);
    const olderApp = migrationSubset(MIGRATIONS, 1);
    await expect(open(file, olderApp)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(open(file, olderApp)).rejects.toThrow(/version plus récente de Cèdre Parcours/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('detects a file that is not a database, and one whose pages are corrupt, without touching them', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'Ceci est un document Word, pas une base.'.repeat(200));
    await expect(open(garbage)).rejects.toBeInstanceOf(DatabaseDamagedError);
    expect(readFileSync(garbage, 'utf8')).toMatch(/^Ceci est un document Word/);

    const corrupt = join(dir, 'corrupt.sqlite');
    const db = await open(corrupt);
    const insert = db.sqlite.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200), 'now');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0xab, 4096 * 3, 4096 * 6); // scribble over a few b-tree pages, past the header
    writeFileSync(corrupt, bytes);
    const error = await open(corrupt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toMatch(/endommagée.*Rien n'a été modifié/);
  });
});

describe('migrations that rebuild a table', () => {
  function seedFirstMigration() {
    const sqlite = new Database(join(tempDir(), 'rebuild.sqlite'));
    migrate(drizzle(sqlite), { migrationsFolder: migrationSubset(REBUILD_FIXTURE, 1) });
    sqlite.prepare("insert into members values ('m1', 'Julie', null)").run();
    sqlite.prepare("insert into payments values ('p1', 'm1', 30)").run();
    return sqlite;
  }

  it("lose the child rows with drizzle's plain migrator (the pitfall this guards against)", () => {
    const sqlite = seedFirstMigration();
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder: REBUILD_FIXTURE });
    expect(sqlite.prepare('select count(*) from payments').pluck().get()).toBe(0);
    sqlite.close();
  });

  it('keep the child rows with migrateSafely, and leave foreign keys on afterwards', () => {
    const sqlite = seedFirstMigration();
    sqlite.pragma('foreign_keys = ON');
    expect(migrateSafely(sqlite, REBUILD_FIXTURE)).toBe(1);
    expect(sqlite.prepare('select member_id, amount from payments').all()).toEqual([{ member_id: 'm1', amount: 30 }]);
    expect(sqlite.prepare("select joined_on from members where id = 'm1'").pluck().get()).toBeNull();
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });
});

describe('backups', () => {
  it('are consistent snapshots of a WAL database, verified after writing', async () => {
    const dir = tempDir();
    const db = await open(join(dir, 'cedre.sqlite'));
    db.sqlite.prepare("insert into settings (key, value, updated_at) values ('a', '1', 'now')").run();
    const backup = await createBackup(db.sqlite, join(dir, 'sauvegardes'), 'manuelle');
    expect(existsSync(backup.path)).toBe(true);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.prepare('select value from settings').pluck().get()).toBe('1');
    copy.close();
    expect(listBackups(join(dir, 'sauvegardes'))[0]!.file).toBe(backup.file);
    db.sqlite.close();
  });
});
