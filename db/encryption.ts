/**
 * Encryption at rest with SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers behind the `better-sqlite3` npm
 * alias, tech-notes §4). The app's data key is 32 random bytes given as a raw key (`x'…'`), so no password
 * derivation slows down the opening. Cipher: AEGIS-256, an authenticated cipher that uses the processor's AES
 * instructions: about four times faster here than the SQLCipher scheme on full scans (docs/decisions.md), and a
 * modified page is detected rather than read as garbage.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
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

/** Beside a file being encrypted: the encrypted copy in the making; removed at start-up if a process died with it. */
export const ENCRYPTING_SUFFIX = '.chiffrement-en-cours';

/**
 * Encrypts a clear database file without ever putting it at risk: its WAL is folded into the file first (so it is a
 * single file), a copy is encrypted beside it (SQLite3MC's rekey), checked with the key, flushed, then renamed over
 * the original in one atomic step. A process killed at any point leaves the clear original, whole, at its place —
 * encrypted again at the next start — or the encrypted file. The file must not be open elsewhere.
 */
export function encryptFileInPlace(file: string, key: Buffer): void {
  const clear = new Database(file, { fileMustExist: true });
  try {
    const check = clear.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`la base claire ne passe pas la vérification (${String(check)})`);
    clear.pragma('wal_checkpoint(TRUNCATE)');
    clear.pragma('journal_mode = DELETE');
  } finally {
    clear.close();
  }
  const copy = file + ENCRYPTING_SUFFIX;
  for (const side of ['', '-journal']) rmSync(copy + side, { force: true });
  copyFileSync(file, copy);
  const sqlite = new Database(copy, { fileMustExist: true });
  try {
    sqlite.pragma(`cipher = '${DATA_CIPHER}'`);
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    sqlite.close();
  }
  if (databaseFileState(copy) !== 'encrypted') throw new Error(`le chiffrement de ${file} n'a pas eu lieu`);
  checkEncryptedFile(copy, key);
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(copy, file);
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
