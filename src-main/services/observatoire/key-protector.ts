/**
 * Keeps the signing key's private half out of the database in clear: it is stored wrapped with AES-256-GCM under a
 * 32-byte protection key kept in a file beside the database, readable by the OS user only (0600).
 *
 * A stolen database file (or backup) alone therefore cannot sign in the structure's name. When the data key of
 * issue 7 exists (encryption at rest, recovery key, safeStorage), it replaces this file as the wrapping key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.protectionKey(), iv);
    const body = Buffer.concat([cipher.update(secret), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  unwrap(wrapped: string): Buffer {
    const [version, iv, tag, body] = wrapped.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('Clé enveloppée illisible.');
    const decipher = createDecipheriv('aes-256-gcm', this.protectionKey(), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  }
}
