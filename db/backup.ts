/**
 * Backups taken with SQLite's online backup API (never a file copy of a live WAL database, tech-notes §2.3), and the
 * restore that puts one back in place of the current file.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupsToDelete } from './retention';

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

export async function createBackup(sqlite: Database.Database, dir: string, reason: string, now = new Date()): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const file = `${BACKUP_PREFIX}${stamp(now)}-${reason}${BACKUP_SUFFIX}`;
  const path = join(dir, file);
  await sqlite.backup(path);
  verifyBackup(path);
  return { file, path, createdAt: now.toISOString(), reason, sizeBytes: statSync(path).size };
}

/** A backup that does not open or fails quick_check is worse than none: it would be trusted. */
export function verifyBackup(path: string): void {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`La sauvegarde ${path} est endommagée (${String(result)}).`);
  } finally {
    copy.close();
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
export function restoreBackupFile(dbFile: string, backupPath: string, now = new Date()): string | null {
  verifyBackup(backupPath);
  // Crash-safe order: the backup is copied beside the database and flushed, the current file is kept by a copy,
  // and one atomic rename puts the backup in place. A process killed at any step leaves either the old database or
  // the restored one at `dbFile`, never a half-copied file, and never no file at all.
  const incoming = `${dbFile}${RESTORE_SUFFIX}`;
  copyFileSync(backupPath, incoming);
  fsyncFile(incoming);
  let keptAs: string | null = null;
  if (existsSync(dbFile)) {
    keptAs = `${dbFile}.remplacee-${stamp(now)}`;
    copyFileSync(dbFile, keptAs);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(dbFile + suffix)) copyFileSync(dbFile + suffix, keptAs + suffix);
    }
  }
  // A journal of the replaced database must never be applied to the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(incoming, dbFile);
  return keptAs;
}

/** What an interrupted restore leaves beside the database; the next restore overwrites it, start-up removes it. */
export const RESTORE_SUFFIX = '.restauration-en-cours';

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
  for (const b of doomed) rmSync(b.path, { force: true });
  return doomed.map((b) => b.file);
}
