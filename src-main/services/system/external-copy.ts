/**
 * A copy of the latest backup on another disk (a USB key, a network share), on demand and on a schedule (issue 7
 * §2): the backups beside the database die with the PC's disk. The copy is written under a temporary name, verified
 * (it opens, integrity_check), then renamed; the folder keeps the ten latest copies. An absent key is not an error
 * to hide: the attempt and its reason are recorded and shown on the backups screen.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUP_KEY_SUFFIX, verifyBackup, type BackupFile } from '../../../db/backup';
import { ANCHOR_SUFFIX } from '../audit/audit-anchors';
import { encryptionOf } from '../../../db/encryption';
import { AppError } from '../../../src-shared/errors';
import type { ExternalCopySettings, ExternalCopyStatus } from '../../../src-shared/views';
import { readJsonSetting, writeJsonSetting } from '../settings/json-setting';

const KEY = 'copie_externe';
export const EXTERNAL_PREFIX = 'cedre-copie-';
const KEEP = 10;
const INTERVAL_MS = { quotidienne: 24 * 3_600_000, hebdomadaire: 7 * 24 * 3_600_000 } as const;

export const DEFAULT_EXTERNAL_COPY: ExternalCopyStatus = { dossier: null, frequence: 'jamais', derniereCopie: null, derniereTentative: null, dernierEchec: null };

export class ExternalCopyService {
  constructor(private readonly sqlite: Database.Database) {}

  status(): ExternalCopyStatus {
    return readJsonSetting(this.sqlite, KEY, DEFAULT_EXTERNAL_COPY);
  }

  private save(status: ExternalCopyStatus, now: Date): void {
    writeJsonSetting(this.sqlite, KEY, status, now);
  }

  configure(settings: ExternalCopySettings, now: Date): ExternalCopyStatus {
    const status = { ...this.status(), ...settings };
    this.save(status, now);
    return status;
  }

  /** Whether the schedule asks for a copy now. */
  isDue(now: Date): boolean {
    const s = this.status();
    if (!s.dossier || s.frequence === 'jamais') return false;
    return !s.derniereCopie || now.getTime() - new Date(s.derniereCopie).getTime() >= INTERVAL_MS[s.frequence];
  }

  /** Copies `backup` into the configured folder (or `folder`); records success or the French reason of a failure. */
  copy(backup: BackupFile, now: Date, folder: string | null = null): string {
    const status = this.status();
    const target = folder ?? status.dossier;
    if (!target) throw new AppError('VALIDATION', 'Choisissez d’abord le dossier de la copie (clé USB ou autre disque).', { dossier: 'Dossier à choisir.' });
    try {
      if (!existsSync(target) || !statSync(target).isDirectory()) {
        throw new AppError('UNAVAILABLE', `Le dossier ${target} est introuvable : branchez la clé USB ou le disque, puis recommencez.`);
      }
      const name = `${EXTERNAL_PREFIX}${backup.file.replace(/^cedre-/, '')}`;
      const partial = join(target, `${name}.partiel`);
      copyFileSync(backup.path, partial);
      try {
        verifyBackup(partial, encryptionOf(this.sqlite)?.key ?? null);
      } catch {
        rmSync(partial, { force: true });
        removeSideFiles(partial);
        throw new AppError('UNAVAILABLE', `La copie écrite dans ${target} ne se relit pas correctement : essayez une autre clé ou un autre disque.`);
      }
      // Reading a WAL-mode file leaves its -shm/-wal beside it: a copy on a key is one file.
      removeSideFiles(partial);
      // The key file first: a copy on the key is never without what a new PC needs to open it with the recovery key.
      if (existsSync(backup.path + BACKUP_KEY_SUFFIX)) copyFileSync(backup.path + BACKUP_KEY_SUFFIX, join(target, name + BACKUP_KEY_SUFFIX));
      // The audit chain's signed anchor too: kept apart from the PC, it is what a rewritten journal cannot match.
      if (existsSync(backup.path + ANCHOR_SUFFIX)) copyFileSync(backup.path + ANCHOR_SUFFIX, join(target, name + ANCHOR_SUFFIX));
      renameSync(partial, join(target, name));
      const old = readdirSync(target).filter((f) => f.startsWith(EXTERNAL_PREFIX) && f.endsWith('.sqlite')).sort().reverse().slice(KEEP);
      for (const f of old) {
        rmSync(join(target, f), { force: true });
        rmSync(join(target, f + BACKUP_KEY_SUFFIX), { force: true });
        removeSideFiles(join(target, f));
      }
      this.save({ ...status, derniereCopie: now.toISOString(), derniereTentative: now.toISOString(), dernierEchec: null }, now);
      return join(target, name);
    } catch (err) {
      const message =
        err instanceof AppError ? err.message : `La copie dans ${target} a échoué (${(err as NodeJS.ErrnoException).code ?? 'erreur inconnue'}) : vérifiez la place libre et les droits d’écriture.`;
      this.save({ ...status, derniereTentative: now.toISOString(), dernierEchec: message }, now);
      throw err instanceof AppError ? err : new AppError('UNAVAILABLE', message);
    }
  }
}

function removeSideFiles(path: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
}
