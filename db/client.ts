/**
 * Opening the database: pragmas, integrity check, and migrations applied safely (tech-notes §2.2 and §3).
 * Only the main process (or the CLI) imports this file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { createBackup, type BackupFile } from './backup';
import { applyKey } from './encryption';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  file: string;
  /** Backup taken before pending migrations were applied, if any. */
  preMigrationBackup: BackupFile | null;
  appliedMigrations: number;
}

/** The file is unreadable or corrupt. Never reset it: offer the latest backup instead. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `La base de données (${file}) est endommagée et ne peut pas être ouverte. ` +
        `Rien n'a été modifié. Restaurez la dernière sauvegarde ou contactez votre support. Détail technique : ${detail}`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** The file was migrated by a newer version of the app; opening it with this one could corrupt data. */
export class DatabaseTooNewError extends Error {
  constructor(readonly file: string) {
    super(
      `La base de données (${file}) a été enregistrée par une version plus récente de Cèdre Parcours. ` +
        `Installez la dernière version de l'application pour l'ouvrir ; rien n'a été modifié.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journalPath = join(migrationsFolder, 'meta', '_journal.json');
  if (!existsSync(journalPath)) throw new Error(`Migrations introuvables : ${journalPath} n'existe pas.`);
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

function lastAppliedMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return null;
  const row = sqlite.prepare('select max(created_at) as m from __drizzle_migrations').get() as { m: number | string | null };
  return row.m == null ? null : Number(row.m);
}

export function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): JournalEntry[] {
  const last = lastAppliedMigration(sqlite);
  return readJournal(migrationsFolder).filter((e) => last == null || e.when > last);
}

/**
 * drizzle's migrator with three guards: refuse a database written by a newer version (Signal's downgrade guard);
 * foreign keys off around the migrator, because drizzle-kit's table rebuilds (DROP TABLE inside one BEGIN, where
 * the pragma is a no-op) would otherwise cascade-delete child rows; and a foreign_key_check afterwards.
 */
export function migrateSafely(sqlite: Database.Database, migrationsFolder: string): number {
  const journal = readJournal(migrationsFolder);
  const newestKnown = Math.max(...journal.map((e) => e.when));
  const last = lastAppliedMigration(sqlite);
  if (last != null && last > newestKnown) throw new DatabaseTooNewError(sqlite.name);
  const pending = journal.filter((e) => last == null || e.when > last).length;
  if (pending === 0) return 0;

  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration refusée : ${violations.length} référence(s) cassée(s) après migration.`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending;
}

function isDamageError(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(NOTADB|CORRUPT|CANTOPEN|IOERR)/.test(code);
}

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  backupDir: string;
  readonly?: boolean;
  /** The data key of an encrypted database (db/encryption.ts), and the key file its backups carry. */
  encryption?: { key: Buffer; backupKeyFile: unknown } | null;
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const { file, migrationsFolder, backupDir } = options;
  const existedWithData = existsSync(file) && statSync(file).size > 0;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (err) {
    if (isDamageError(err)) throw new DatabaseDamagedError(file, err.message);
    throw err;
  }
  try {
    if (options.encryption) applyKey(sqlite, options.encryption.key, options.encryption.backupKeyFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of decrypted pages: repeated screens and reports read memory, not the cipher (docs/performance.md:
    // a year's indicators at ×10 in 174 ms against 186 ms with 32 MB).
    sqlite.pragma('cache_size = -65536');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseDamagedError(file, String(check));

    // A database that already holds migrated data is backed up before anything changes its schema.
    let preMigrationBackup: BackupFile | null = null;
    const hasPending = pendingMigrations(sqlite, migrationsFolder).length > 0;
    if (hasPending && existedWithData && lastAppliedMigration(sqlite) != null) {
      preMigrationBackup = await createBackup(sqlite, backupDir, 'avant-migration');
    }
    const appliedMigrations = migrateSafely(sqlite, migrationsFolder);
    return { sqlite, db: drizzle(sqlite, { schema }), file, preMigrationBackup, appliedMigrations };
  } catch (err) {
    sqlite.close();
    if (err instanceof DatabaseDamagedError || err instanceof DatabaseTooNewError) throw err;
    if (isDamageError(err)) {
      const detail = options.encryption && err.code === 'SQLITE_NOTADB' ? `le fichier ne s'ouvre pas avec la clé de cette installation (${err.message})` : err.message;
      throw new DatabaseDamagedError(file, detail);
    }
    throw err;
  }
}
