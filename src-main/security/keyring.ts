/**
 * The keyring file beside the database (`cle-donnees.json`): the data key wrapped twice, by the recovery key and
 * by this PC's guard. It holds nothing readable without one of them. Each backup gets a sidecar (`<backup>.cle`)
 * with the recovery envelope only, so a backup plus the recovery sheet is enough on a new PC.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { RecoveryEnvelope } from './data-key-envelope';
import type { OsKeyGuardKind } from './os-key-guard';
export { BACKUP_KEY_SUFFIX } from '../../db/backup';

export const KEYRING_FILE = 'cle-donnees.json';


export interface Keyring {
  format: 'cedre-cle-donnees';
  version: 1;
  cipher: string;
  /** Identifies the data key without revealing it: which backups it opens, whether a damaged file is really damaged. */
  keyId: string;
  createdAt: string;
  recovery: RecoveryEnvelope;
  os: { kind: OsKeyGuardKind; wrapped: string } | null;
  /** When someone confirmed the recovery sheet was printed; until then a new recovery key is offered at each start. */
  recoverySheetConfirmedAt: string | null;
}

export interface BackupKeyFile {
  format: 'cedre-cle-sauvegarde';
  version: 1;
  cipher: string;
  keyId: string;
  recovery: RecoveryEnvelope;
}

export function dataKeyId(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('cedre-identifiant-de-cle').digest('hex').slice(0, 32);
}

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

/** Written beside, flushed, then renamed over: a crash leaves the old keyring or the new one, never half of one. */
export function writeJsonAtomically(path: string, value: unknown): void {
  const temp = `${path}.ecriture`;
  writeFileSync(temp, JSON.stringify(value, null, 2), { mode: 0o600 });
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function isEnvelope(value: unknown): value is RecoveryEnvelope {
  const e = value as RecoveryEnvelope;
  return !!e && e.kdf === 'scrypt' && [e.N, e.r, e.p].every(Number.isInteger) && [e.salt, e.iv, e.tag, e.data].every((s) => typeof s === 'string');
}

export class KeyringUnreadableError extends Error {
  constructor(path: string) {
    super(`Le fichier de clé ${path} est illisible ou endommagé. Rien n'a été modifié : restaurez-le depuis une copie, ou restaurez une sauvegarde avec sa clé de secours.`);
  }
}

export function readKeyring(dataDir: string): Keyring | null {
  const path = keyringPath(dataDir);
  if (!existsSync(path)) return null;
  let parsed: Keyring;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Keyring;
  } catch {
    throw new KeyringUnreadableError(path);
  }
  if (parsed.format !== 'cedre-cle-donnees' || parsed.version !== 1 || typeof parsed.keyId !== 'string' || !isEnvelope(parsed.recovery)) {
    throw new KeyringUnreadableError(path);
  }
  return parsed;
}

export function writeKeyring(dataDir: string, keyring: Keyring): void {
  writeJsonAtomically(keyringPath(dataDir), keyring);
}

export function backupKeyFileFor(keyring: Keyring): BackupKeyFile {
  return { format: 'cedre-cle-sauvegarde', version: 1, cipher: keyring.cipher, keyId: keyring.keyId, recovery: keyring.recovery };
}

export function readBackupKeyFile(path: string): BackupKeyFile | null {
  return existsSync(path) ? parseBackupKeyFile(readFileSync(path, 'utf8')) : null;
}

/** null when the text is not a backup key file (another file, damaged, edited by hand). */
export function parseBackupKeyFile(text: string): BackupKeyFile | null {
  try {
    const parsed = JSON.parse(text) as BackupKeyFile;
    return parsed.format === 'cedre-cle-sauvegarde' && isEnvelope(parsed.recovery) && typeof parsed.keyId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
