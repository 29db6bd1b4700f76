/**
 * A second, read-only connection holding one consistent view of the database for as long as a long read lasts (the
 * full export, issue 19). The export writes its file sheet by sheet and waits for the disk between sheets; a read
 * transaction on the app's own connection would stay open across those waits and take in whatever another screen
 * writes meanwhile. Here, in WAL mode, the snapshot is fixed at the first read and the app's connection goes on
 * writing undisturbed (SQLite, "WAL mode": readers do not block writers).
 */
import Database from 'better-sqlite3';
import { applyKey, encryptionOf } from './encryption';

/** A page cache for a sequential read: each page is read once. */
const SNAPSHOT_CACHE_KIB = 8 * 1024;

export async function withReadSnapshot<T>(sqlite: Database.Database, work: (reader: Database.Database) => Promise<T>): Promise<T> {
  // An in-memory database (tests) cannot be opened twice; nothing else writes to it.
  if (sqlite.memory) return work(sqlite);
  const reader = new Database(sqlite.name, { readonly: true, fileMustExist: true });
  try {
    const encryption = encryptionOf(sqlite);
    if (encryption) applyKey(reader, encryption.key);
    reader.pragma(`cache_size = -${SNAPSHOT_CACHE_KIB}`);
    reader.exec('begin');
    // The snapshot starts with the first read, not with BEGIN.
    reader.prepare('select count(*) from sqlite_schema').get();
    const result = await work(reader);
    reader.exec('commit');
    return result;
  } finally {
    reader.close();
  }
}
