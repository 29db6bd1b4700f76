/**
 * The installation's data key: created once (32 random bytes), kept wrapped in the keyring by the recovery key and
 * by this PC's guard, unwrapped at start-up. Nothing here ever writes the data key or the recovery key in clear.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_CIPHER } from '../../db/encryption';
import { unwrapWithRecoveryKey, wrapWithRecoveryKey } from './data-key-envelope';
import { backupKeyFileFor, BACKUP_KEY_SUFFIX, dataKeyId, readBackupKeyFile, readKeyring, writeKeyring, type BackupKeyFile, type Keyring } from './keyring';
import type { OsKeyGuard } from './os-key-guard';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key';

export interface UnlockedKey {
  key: Buffer;
  keyring: Keyring;
}

/** A recovery key that cannot be right: the French message says why (length, typo, not this installation). */
export class RecoveryKeyError extends Error {}

export class DataKeyManager {
  constructor(
    private readonly dataDir: string,
    private readonly guard: OsKeyGuard | null,
    private readonly now: () => Date,
  ) {}

  get guardKind(): OsKeyGuard['kind'] | null {
    return this.guard?.kind ?? null;
  }

  get guardWarning(): string | null {
    return this.guard?.warning ?? null;
  }

  keyring(): Keyring | null {
    return readKeyring(this.dataDir);
  }

  /** A new installation: a new data key and recovery key; the recovery key is returned to be printed, never stored. */
  async create(): Promise<UnlockedKey & { recoveryKey: string }> {
    const key = randomBytes(32);
    const recoveryKey = generateRecoveryKey();
    const keyring: Keyring = {
      format: 'cedre-cle-donnees',
      version: 1,
      cipher: DATA_CIPHER,
      keyId: dataKeyId(key),
      createdAt: this.now().toISOString(),
      recovery: wrapWithRecoveryKey(key, recoveryKey),
      os: this.guard ? { kind: this.guard.kind, wrapped: await this.guard.protect(key) } : null,
      recoverySheetConfirmedAt: null,
    };
    writeKeyring(this.dataDir, keyring);
    return { key, keyring, recoveryKey };
  }

  /** This PC's guard opens the keyring (the everyday case); null when there is none or it cannot. */
  async unlockWithGuard(keyring: Keyring): Promise<Buffer | null> {
    if (!this.guard || !keyring.os || keyring.os.kind !== this.guard.kind) return null;
    const key = await this.guard.unprotect(keyring.os.wrapped);
    return key && dataKeyId(key) === keyring.keyId ? key : null;
  }

  /**
   * A typed (or CEDRE_RECOVERY_KEY) recovery key against an envelope. Throws RecoveryKeyError with the reason in
   * French when it is malformed or not the right one.
   */
  static unlockEnvelope(envelope: { recovery: Keyring['recovery']; keyId: string }, typed: string): Buffer {
    const parsed = parseRecoveryKey(typed);
    if (!parsed.ok) throw new RecoveryKeyError(parsed.message);
    const key = unwrapWithRecoveryKey(envelope.recovery, parsed.key);
    if (!key || dataKeyId(key) !== envelope.keyId) {
      throw new RecoveryKeyError('Cette clé de secours ne correspond pas à ces données. Vérifiez que la feuille est celle de cette structure (et la plus récente).');
    }
    return key;
  }

  /**
   * After the recovery key opened the data (new PC, new Windows account): this PC's guard wraps it again so the
   * next start needs nothing typed; with no guard, the existing slot stays. The keyring is written (it may not have existed, if it was rebuilt from a backup).
   */
  async adopt(keyring: Keyring, key: Buffer, confirmedSheet: boolean): Promise<Keyring> {
    const updated: Keyring = {
      ...keyring,
      // Without a guard here (CEDRE_RECOVERY_KEY on the command line), the PC's own slot is kept as it was: a script run
      // with the recovery key must not make the desktop app ask for it at its next start.
      os: this.guard ? { kind: this.guard.kind, wrapped: await this.guard.protect(key) } : keyring.os,
      recoverySheetConfirmedAt: keyring.recoverySheetConfirmedAt ?? (confirmedSheet ? this.now().toISOString() : null),
    };
    writeKeyring(this.dataDir, updated);
    return updated;
  }

  /**
   * A new recovery key replaces the old one (lost sheet, or a sheet never confirmed). The key files beside the
   * backups of this folder are rewritten too, so each of them opens with the new sheet; copies already on a USB key
   * keep the old one.
   */
  replaceRecoveryKey(unlocked: UnlockedKey, backupDir: string): { keyring: Keyring; recoveryKey: string } {
    const recoveryKey = generateRecoveryKey();
    const keyring: Keyring = { ...unlocked.keyring, recovery: wrapWithRecoveryKey(unlocked.key, recoveryKey), recoverySheetConfirmedAt: null };
    writeKeyring(this.dataDir, keyring);
    if (existsSync(backupDir)) {
      const sidecar = JSON.stringify(backupKeyFileFor(keyring), null, 2);
      for (const f of readdirSync(backupDir).filter((name) => name.endsWith(BACKUP_KEY_SUFFIX))) {
        if (readBackupKeyFile(join(backupDir, f))?.keyId === keyring.keyId) writeFileSync(join(backupDir, f), sidecar, { mode: 0o600 });
      }
    }
    return { keyring, recoveryKey };
  }

  confirmRecoverySheet(keyring: Keyring, typed: string): Keyring {
    DataKeyManager.unlockEnvelope(keyring, typed);
    const updated = { ...keyring, recoverySheetConfirmedAt: this.now().toISOString() };
    writeKeyring(this.dataDir, updated);
    return updated;
  }

  /** When the keyring itself is gone but the backups' key files remain: the newest one for an encrypted database. */
  static newestBackupKeyFile(backupDir: string): BackupKeyFile | null {
    if (!existsSync(backupDir)) return null;
    const names = readdirSync(backupDir).filter((f) => f.endsWith(BACKUP_KEY_SUFFIX)).sort().reverse();
    for (const name of names) {
      const found = readBackupKeyFile(join(backupDir, name));
      if (found) return found;
    }
    return null;
  }

  /** A keyring rebuilt from a backup's key file (same data key and recovery envelope). */
  static keyringFromBackupKeyFile(file: BackupKeyFile, now: Date): Keyring {
    return {
      format: 'cedre-cle-donnees',
      version: 1,
      cipher: file.cipher,
      keyId: file.keyId,
      createdAt: now.toISOString(),
      recovery: file.recovery,
      os: null,
      recoverySheetConfirmedAt: null,
    };
  }
}

export { formatRecoveryKey };
