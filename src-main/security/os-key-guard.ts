/**
 * What keeps the data key on this PC so that nobody types the recovery key every morning: Electron's safeStorage
 * (the Windows account through DPAPI, the macOS keychain) in the desktop app; for development and browser mode only,
 * a key file readable by the OS user alone, with a warning, since anyone who copies the folder copies the key.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openWithKey, sealWithKey } from './aes-gcm-wrap';

export type OsKeyGuardKind = 'safeStorage' | 'fichier-developpement';

export interface OsKeyGuard {
  readonly kind: OsKeyGuardKind;
  /** Shown on the backups screen and printed at start-up when the protection is weak; null otherwise. */
  readonly warning: string | null;
  protect(dataKey: Buffer): Promise<string>;
  /** The data key, or null when this PC or OS account cannot unwrap it (another PC, another user). */
  unprotect(wrapped: string): Promise<Buffer | null>;
}

export const DEV_KEY_FILE = 'cle-developpement.bin';

export const DEV_KEY_WARNING =
  'Mode développement : la clé des données est gardée dans un fichier du dossier de données (cle-developpement.bin). ' +
  'Quiconque copie ce dossier peut lire les données. En production, utilisez l’application de bureau (clé protégée par ' +
  'le compte Windows) ou la variable CEDRE_RECOVERY_KEY.';

export class DevKeyFileGuard implements OsKeyGuard {
  readonly kind = 'fichier-developpement' as const;
  readonly warning = DEV_KEY_WARNING;

  constructor(private readonly dataDir: string) {}

  private fileKey(create: boolean): Buffer | null {
    const file = join(this.dataDir, DEV_KEY_FILE);
    if (!existsSync(file)) {
      if (!create) return null;
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const key = readFileSync(file);
    return key.length === 32 ? key : null;
  }

  async protect(dataKey: Buffer): Promise<string> {
    return sealWithKey(this.fileKey(true)!, dataKey);
  }

  async unprotect(wrapped: string): Promise<Buffer | null> {
    const key = this.fileKey(false);
    if (!key) return null;
    try {
      return openWithKey(key, wrapped);
    } catch {
      return null;
    }
  }
}
