/**
 * A database created before encryption existed (or a clear backup restored) is encrypted in place at start-up:
 * a verified backup first, then the file, then every clear backup of the folder and every database kept aside by a
 * restore, so no clear copy of the data stays in the app's folders. Run before the database is opened, at every
 * start: the copies are looked at (16 bytes each) even when the base is already encrypted, so a start interrupted
 * between the base and its copies is finished by the next one.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KEY_SUFFIX, createBackup, listBackups, type BackupFile } from '../../db/backup';
import { checkEncryptedFile, databaseFileState, encryptFileInPlace } from '../../db/encryption';
import type { AppPaths } from '../app-paths';
import { backupKeyFileFor, type Keyring } from './keyring';

export interface EncryptionMigration {
  /** The clear backup taken before the base itself was encrypted; null when only copies were left to encrypt. */
  safetyBackup: BackupFile | null;
  /** Files of the backup folder and of the data folder encrypted along the way. */
  encryptedCopies: string[];
  /** Copies that could not be encrypted because they are damaged; they are left as they are and listed. */
  damagedCopies: string[];
}

/** What was encrypted, or null when everything already was (the usual start). */
export async function encryptExistingData(paths: AppPaths, key: Buffer, keyring: Keyring, now: Date): Promise<EncryptionMigration | null> {
  let safetyBackup: BackupFile | null = null;
  if (databaseFileState(paths.dbFile) === 'clear') {
    const clear = new Database(paths.dbFile, { fileMustExist: true });
    try {
      safetyBackup = await createBackup(clear, paths.backupDir, 'avant-chiffrement', now);
    } finally {
      clear.close();
    }
    encryptFileInPlace(paths.dbFile, key);
    checkEncryptedFile(paths.dbFile, key);
  }

  const sidecar = JSON.stringify(backupKeyFileFor(keyring), null, 2);
  const encryptedCopies: string[] = [];
  const damagedCopies: string[] = [];
  const keptAside = existsSync(paths.dataDir)
    ? readdirSync(paths.dataDir)
        .filter((f) => /\.remplacee-[0-9TZ-]+$/.test(f))
        .map((f) => join(paths.dataDir, f))
    : [];
  for (const path of [...listBackups(paths.backupDir).map((b) => b.path), ...keptAside]) {
    if (databaseFileState(path) !== 'clear') continue;
    try {
      encryptFileInPlace(path, key);
      if (path.startsWith(paths.backupDir)) writeFileSync(path + BACKUP_KEY_SUFFIX, sidecar, { mode: 0o600 });
      encryptedCopies.push(path);
    } catch {
      damagedCopies.push(path);
    }
  }
  if (!safetyBackup && encryptedCopies.length === 0 && damagedCopies.length === 0) return null;
  return { safetyBackup, encryptedCopies, damagedCopies };
}
