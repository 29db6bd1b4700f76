/**
 * Encryption at rest with SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers behind the `better-sqlite3` npm
 * alias, tech-notes §4). The app's data key is 32 random bytes given as a raw key (`x'…'`), so no password
 * derivation slows down the opening. Cipher: AEGIS-256, an authenticated cipher that uses the processor's AES
 * instructions: about four times faster here than the SQLCipher scheme on full scans (docs/decisions.md), and a
 * modified page is detected rather than read as garbage.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';

export const DATA_CIPHER = 'aegis';

/** What a backup of an encrypted connection needs: its key, and the key file written beside the backup. */
export interface ConnectionEncryption {
  key: Buffer;
  /** JSON written to `<backup>.cle`: the data key wrapped by the recovery key (src-main/security/keyring.ts). */
  backupKeyFile: unknown;
}

// Remembered per connection, so every backup of an encrypted database is encrypted without each caller passing it.
const encryptionByConnection = new WeakMap<Database.Database, ConnectionEncryption>();

export function encryptionOf(sqlite: Database.Database): ConnectionEncryption | null {
  return encryptionByConnection.get(sqlite) ?? null;
}

/** After the recovery key changed: the next backups carry the new key file. */
export function setBackupKeyFile(sqlite: Database.Database, backupKeyFile: unknown): void {
  const current = encryptionByConnection.get(sqlite);
  if (current) encryptionByConnection.set(sqlite, { ...current, backupKeyFile });
}

/** Must run before any other statement on the connection (tech-notes §4). */
export function applyKey(sqlite: Database.Database, key: Buffer, backupKeyFile: unknown = null): void {
  if (key.length !== 32) throw new Error('La clé des données doit faire 32 octets.');
  sqlite.pragma(`cipher = '${DATA_CIPHER}'`);
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  encryptionByConnection.set(sqlite, { key, backupKeyFile });
}

const CLEAR_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DatabaseFileState = 'absent' | 'clear' | 'encrypted';

/**
 * A clear SQLite file starts with its magic string; an encrypted one starts with random bytes. An empty file (what
 * SQLite leaves when it creates a file and writes nothing) counts as absent.
 */
export function databaseFileState(file: string): DatabaseFileState {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'absent';
  }
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    if (read === 0) return 'absent';
    return read === 16 && header.equals(CLEAR_HEADER) ? 'clear' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypts a clear database file in place. SQLite3MC rewrites every page in one transaction under a rollback
 * journal, so a process killed in the middle leaves the clear file, which the next start encrypts again. The
 * connection must be the only one on the file. WAL mode is left for the rekey (it is refused in WAL) and restored.
 */
export function encryptFileInPlace(file: string, key: Buffer): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`la base claire ne passe pas la vérification (${String(check)})`);
    const wasWal = String(sqlite.pragma('journal_mode', { simple: true })) === 'wal';
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`cipher = '${DATA_CIPHER}'`);
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
    if (wasWal) sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
  if (databaseFileState(file) !== 'encrypted') throw new Error(`le chiffrement de ${file} n'a pas eu lieu`);
}

/** Opens an encrypted file read-only with a key and runs quick_check; throws when the key does not open it. */
export function checkEncryptedFile(file: string, key: Buffer): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(copy, key);
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} est endommagé (${String(result)})`);
  } finally {
    copy.close();
  }
}
