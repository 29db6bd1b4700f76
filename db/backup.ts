/**
 * Backups taken with SQLite's online backup API (never a file copy of a live WAL database, tech-notes §2.3), and the
 * restore that puts one back in place of the current file.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupsToDelete } from './retention';
import { applyKey, databaseFileState, encryptionOf } from './encryption';

export const BACKUP_PREFIX = 'cedre-';
export const BACKUP_SUFFIX = '.sqlite';

export interface BackupFile {
  file: string;
  path: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Beside each backup of an encrypted database: its data key wrapped by the recovery key (keyring.ts). */
export const BACKUP_KEY_SUFFIX = '.cle';

/**
 * A consistent snapshot of a live database. Clear: SQLite's online backup. Encrypted: the online backup API refuses
 * an encrypted source, so `VACUUM INTO`, which writes a compact copy encrypted with the same key in one read
 * transaction; its key file is written beside it.
 */
export async function createBackup(sqlite: Database.Database, dir: string, reason: string, now = new Date()): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const file = `${BACKUP_PREFIX}${stamp(now)}-${reason}${BACKUP_SUFFIX}`;
  const path = join(dir, file);
  // Written under a temporary name and renamed once verified: a process killed meanwhile never leaves a half backup
  // that would be listed and trusted (the leftover is removed at the next start, removePartialBackups).
  const partial = path + PARTIAL_SUFFIX;
  rmSync(partial, { force: true });
  const encryption = encryptionOf(sqlite);
  if (encryption) {
    sqlite.prepare('VACUUM INTO ?').run(partial);
  } else {
    await sqlite.backup(partial);
  }
  try {
    verifyBackup(partial, encryption?.key ?? null);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    for (const side of ['-wal', '-shm']) rmSync(partial + side, { force: true });
  }
  if (encryption) writeFileSync(path + BACKUP_KEY_SUFFIX, JSON.stringify(encryption.backupKeyFile, null, 2), { mode: 0o600 });
  renameSync(partial, path);
  return { file, path, createdAt: now.toISOString(), reason, sizeBytes: statSync(path).size };
}

const PARTIAL_SUFFIX = '.partiel';

/**
 * Half-written backups of a killed process (never listed: their name does not end in .sqlite), and half-encrypted
 * copies. Called at start-up, when no backup or encryption of this process can be running.
 */
export function removePartialBackups(dir: string): void {
  if (!existsSync(dir)) return;
  // Also the copies an interrupted encryption was making (db/encryption.ts): half-rekeyed, so still partly clear.
  const leftover = /\.(partiel|chiffrement-en-cours)(-wal|-shm|-journal)?$/;
  for (const f of readdirSync(dir)) if (f.startsWith(BACKUP_PREFIX) && leftover.test(f)) rmSync(join(dir, f), { force: true });
}

/**
 * A backup that does not open or fails quick_check is worse than none: it would be trusted. An encrypted backup is
 * checked with the key given; a clear one needs none.
 */
export function verifyBackup(path: string, key: Buffer | null = null): void {
  const name = basename(path);
  const encrypted = databaseFileState(path) === 'encrypted';
  if (encrypted && !key) throw new Error(`La sauvegarde ${name} est chiffrée : sa clé est nécessaire pour la vérifier.`);
  // One French sentence whatever SQLite found (a quick_check can list a hundred problems, in English): the user's
  // choice is the same, take another backup (issue 20 §6).
  let copy: Database.Database | null = null;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
    if (encrypted) applyKey(copy, key!);
    if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('quick_check');
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new Error(`La sauvegarde ${name} ne s'ouvre pas avec la clé de cette installation (ou elle est endommagée) : choisissez-en une autre.`, { cause: err });
    }
    throw new Error(`La sauvegarde ${name} est endommagée (fichier tronqué ou altéré) : choisissez-en une autre.`, { cause: err });
  } finally {
    copy?.close();
  }
}

const NAME_PATTERN = /^cedre-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/;

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const file of readdirSync(dir)) {
    const m = NAME_PATTERN.exec(file);
    if (!m) continue;
    const path = join(dir, file);
    found.push({
      file,
      path,
      createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`,
      reason: m[6]!,
      sizeBytes: statSync(path).size,
    });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Replace the database file by a backup. The connection must be closed. The current file is kept beside it
 * (renamed, never deleted), and the WAL and shared-memory files are removed so SQLite does not replay them on top.
 */
export function restoreBackupFile(dbFile: string, backupPath: string, now = new Date(), key: Buffer | null = null): string | null {
  verifyBackup(backupPath, key);
  // Crash-safe order: the backup is copied beside the database and flushed, the current file is kept by a copy,
  // and one atomic rename puts the backup in place. A process killed at any step leaves either the old database or
  // the restored one at `dbFile`, never a half-copied file, and never no file at all.
  const incoming = `${dbFile}${RESTORE_SUFFIX}`;
  copyFileSync(backupPath, incoming);
  fsyncFile(incoming);
  let keptAs: string | null = null;
  if (existsSync(dbFile)) {
    // The copy is made under a temporary name and renamed once whole: a kill meanwhile leaves only a `.partiel`
    // file, which start-up removes (removeRestoreLeftovers), never a truncated copy passing for the replaced base.
    keptAs = `${dbFile}.remplacee-${stamp(now)}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(dbFile + suffix)) continue;
      copyFileSync(dbFile + suffix, keptAs + suffix + PARTIAL_SUFFIX);
      fsyncFile(keptAs + suffix + PARTIAL_SUFFIX);
      renameSync(keptAs + suffix + PARTIAL_SUFFIX, keptAs + suffix);
    }
  }
  // A journal of the replaced database must never be applied to the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(incoming, dbFile);
  return keptAs;
}

/** What an interrupted restore leaves beside the database; the next restore overwrites it, start-up removes it. */
export const RESTORE_SUFFIX = '.restauration-en-cours';

/**
 * What a restore killed in the middle leaves beside the database file: the incoming copy and a half-made copy of the
 * replaced base. Called at start-up, when no restore of this process can be running.
 */
export function removeRestoreLeftovers(dbFile: string): void {
  rmSync(dbFile + RESTORE_SUFFIX, { force: true });
  const dir = dirname(dbFile);
  const prefix = `${basename(dbFile)}.remplacee-`;
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith(PARTIAL_SUFFIX)) rmSync(join(dir, f), { force: true });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Deletes the automatic backups the retention policy does not keep (db/retention.ts); returns their names. Backups
 * someone took on purpose (`manuelle`) are never deleted automatically.
 */
export function pruneBackups(dir: string, now: Date): string[] {
  const doomed = backupsToDelete(listBackups(dir).filter((b) => b.reason !== 'manuelle'), now);
  for (const b of doomed) {
    rmSync(b.path, { force: true });
    rmSync(b.path + BACKUP_KEY_SUFFIX, { force: true });
  }
  return doomed.map((b) => b.file);
}
