/**
 * Keeps the signing key's private half out of the database in clear: it is stored wrapped with AES-256-GCM.
 *
 * Since encryption at rest, the wrapping key is derived from the installation's data key (DataKeyProtector): a
 * backup restored on a new PC with the recovery key can sign again. Before, it was a 0600 file beside the database
 * (FileKeyProtector); keys wrapped that way are wrapped again with the data key at start-up, and the file removed.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openWithKey, sealWithKey } from '../../security/aes-gcm-wrap';

export interface KeyProtector {
  wrap(secret: Buffer): string;
  /** Throws when the wrapping key is not the one that wrapped it. */
  unwrap(wrapped: string): Buffer;
}

export const PROTECTION_KEY_FILE = 'cle-de-protection.bin';

export class FileKeyProtector implements KeyProtector {
  private key: Buffer | null = null;

  constructor(private readonly dataDir: string) {}

  private protectionKey(): Buffer {
    if (this.key) return this.key;
    const file = join(this.dataDir, PROTECTION_KEY_FILE);
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`La clé de protection ${file} est endommagée.`);
    this.key = key;
    return key;
  }

  wrap(secret: Buffer): string {
    return sealWithKey(this.protectionKey(), secret);
  }

  unwrap(wrapped: string): Buffer {
    return openWithKey(this.protectionKey(), wrapped);
  }
}

/** Wraps with a key derived from the data key (HKDF), so the signing key travels with the data and its recovery key. */
export class DataKeyProtector implements KeyProtector {
  private readonly key: Buffer;

  constructor(dataKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'cedre-cle-de-signature', 32));
  }

  wrap(secret: Buffer): string {
    return sealWithKey(this.key, secret);
  }

  unwrap(wrapped: string): Buffer {
    return openWithKey(this.key, wrapped);
  }
}

/**
 * Signing keys wrapped by the old protection file are wrapped again by `target`, in one transaction; the file is
 * removed only after. Keys the file cannot open (a database restored from another PC) are left as they are: their
 * signature route already says to create a new key. Returns how many were wrapped again.
 */
export function rewrapLegacySigningKeys(sqlite: Database.Database, dataDir: string, target: KeyProtector): number {
  const file = join(dataDir, PROTECTION_KEY_FILE);
  if (!existsSync(file)) return 0;
  const legacy = new FileKeyProtector(dataDir);
  const rows = sqlite.prepare('select id, private_key_wrapped from cles_signature').all() as Array<{ id: string; private_key_wrapped: string }>;
  let count = 0;
  sqlite.transaction(() => {
    for (const row of rows) {
      let secret: Buffer;
      try {
        secret = legacy.unwrap(row.private_key_wrapped);
      } catch {
        continue;
      }
      sqlite.prepare('update cles_signature set private_key_wrapped = ? where id = ?').run(target.wrap(secret), row.id);
      count++;
    }
  })();
  rmSync(file, { force: true });
  return count;
}
