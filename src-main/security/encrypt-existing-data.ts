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

/** A long step of the start, told to whoever waits (the terminal, the launcher). Same shape as AppRuntime's. */
export type StepReporter = (label: string, done: number, total: number) => void;

export interface EncryptionMigration {
  /** The clear backup taken before the base itself was encrypted; null when only copies were left to encrypt. */
  safetyBackup: BackupFile | null;
  /** Files of the backup folder and of the data folder encrypted along the way. */
  encryptedCopies: string[];
  /** Copies that could not be encrypted because they are damaged; they are left as they are and listed. */
  damagedCopies: string[];
}

/** What was encrypted, or null when everything already was (the usual start). */
export async function encryptExistingData(paths: AppPaths, key: Buffer, keyring: Keyring, now: Date, onStep: StepReporter = () => {}): Promise<EncryptionMigration | null> {
  let safetyBackup: BackupFile | null = null;
  if (databaseFileState(paths.dbFile) === 'clear') {
    // Minutes on a large base: whoever waits is told what happens (issue 18 §4).
    onStep('Chiffrement des données : sauvegarde de sécurité', 0, 3);
    const clear = new Database(paths.dbFile, { fileMustExist: true });
    try {
      safetyBackup = await createBackup(clear, paths.backupDir, 'avant-chiffrement', now);
    } finally {
      clear.close();
    }
    onStep('Chiffrement des données : la base', 1, 3);
    encryptFileInPlace(paths.dbFile, key);
    onStep('Chiffrement des données : vérification', 2, 3);
    checkEncryptedFile(paths.dbFile, key);
    onStep('Chiffrement des données : base chiffrée', 3, 3);
  }

  const sidecar = JSON.stringify(backupKeyFileFor(keyring), null, 2);
  const encryptedCopies: string[] = [];
  const damagedCopies: string[] = [];
  const keptAside = existsSync(paths.dataDir)
    ? readdirSync(paths.dataDir)
        .filter((f) => /\.remplacee-[0-9TZ-]+$/.test(f))
        .map((f) => join(paths.dataDir, f))
    : [];
  const clearCopies = [...listBackups(paths.backupDir).map((b) => b.path), ...keptAside].filter((path) => databaseFileState(path) === 'clear');
  for (const [done, path] of clearCopies.entries()) {
    onStep('Chiffrement des données : les copies en clair', done, clearCopies.length);
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
