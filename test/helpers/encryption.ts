/** Reading the app's encrypted files in tests, with the development key file the test runtimes use. */
import Database from 'better-sqlite3';
import { applyKey } from '../../db/encryption';
import { readKeyring } from '../../src-main/security/keyring';
import { DevKeyFileGuard } from '../../src-main/security/os-key-guard';

export async function dataKeyOf(dataDir: string): Promise<Buffer> {
  const keyring = readKeyring(dataDir);
  if (!keyring?.os) throw new Error(`Pas de trousseau dans ${dataDir}`);
  const key = await new DevKeyFileGuard(dataDir).unprotect(keyring.os.wrapped);
  if (!key) throw new Error('Clé de développement absente');
  return key;
}

export function openEncrypted(path: string, key: Buffer, options: Database.Options = {}): Database.Database {
  const db = new Database(path, options);
  applyKey(db, key);
  return db;
}
