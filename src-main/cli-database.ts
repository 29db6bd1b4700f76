/**
 * The `cedre` commands on the database itself: check, backup, list the backups, restore. Except the list, each runs
 * in the data worker (cli-worker.ts), on the database opened exactly like the app does (migrations, integrity
 * check), so it refuses what the app refuses.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_KEY_SUFFIX, createBackup, listBackups } from '../db/backup';
import type { AppPaths } from './app-paths';
import type { AppRuntime } from './app-runtime';
import { cliDatabase } from './cli-runtime';
import { readBackupKeyFile } from './security/keyring';
import { getStructure, hasStructure } from './services/structure/structure-service';
import { checkConsistency } from './services/system/consistency-check';
import { ExternalCopyService } from './services/system/external-copy';

export function check(runtime: AppRuntime, paths: AppPaths): void {
  const cli = cliDatabase(runtime, paths);
  const opened = cli.open.opened;
  console.log(`Base : ${paths.dbFile}`);
  const encryption = cli.runtime.encryptionStatus();
  console.log(`Chiffrement : ${encryption.cipher} (clé ${encryption.keyId.slice(0, 8)}…, ${encryption.guard ?? 'clé de secours à chaque ouverture'})`);
  console.log(`Intégrité : correcte`);
  if (opened.appliedMigrations > 0) console.log(`Migrations appliquées : ${opened.appliedMigrations}`);
  if (opened.preMigrationBackup) console.log(`Sauvegarde avant migration : ${opened.preMigrationBackup.path}`);
  console.log(hasStructure(opened.db) ? `Structure : ${getStructure(opened.db).nom}` : 'Structure : pas encore configurée');
  const problems = checkConsistency(opened.sqlite);
  if (problems.length === 0) console.log('Cohérence des données : correcte');
  for (const p of problems) console.log(`Cohérence : ${p.rule} — ${p.count >= 1000 ? 'au moins 1000' : p.count} cas (par exemple ${p.example})`);
  if (problems.length) throw new Error(`${problems.length > 1 ? `${problems.length} règles de cohérence non respectées` : '1 règle de cohérence non respectée'}.`);
}

export async function backup(runtime: AppRuntime, paths: AppPaths, copyTo: string | undefined): Promise<void> {
  const opened = cliDatabase(runtime, paths).open.opened;
  const made = await createBackup(opened.sqlite, paths.backupDir, 'manuelle');
  console.log(`Sauvegarde vérifiée : ${made.path} (${Math.round(made.sizeBytes / 1024)} Ko)`);
  if (copyTo) console.log(`Copie vérifiée : ${new ExternalCopyService(opened.sqlite).copy(made, new Date(), resolve(copyTo))}`);
}

export function listAll(paths: AppPaths): void {
  const all = listBackups(paths.backupDir);
  if (all.length === 0) {
    console.log(`Aucune sauvegarde dans ${paths.backupDir}.`);
    return;
  }
  for (const b of all) console.log(`${b.createdAt}  ${b.reason.padEnd(16)}  ${Math.round(b.sizeBytes / 1024)} Ko  ${b.path}`);
}

/**
 * Puts a backup in place, like the app: from this installation (its key opens it), from another one or a new PC
 * (its .cle file beside it and CEDRE_RECOVERY_KEY), or a clear backup from before encryption.
 */
export async function restore(runtime: AppRuntime, paths: AppPaths, from: string | undefined): Promise<void> {
  const source = restoreSource(paths, from);
  // Not through cliDatabase: a damaged or locked database must not prevent the restore.
  const { keptAs } = await runtime.restoreFromFile(source, readBackupKeyFile(source + BACKUP_KEY_SUFFIX), process.env.CEDRE_RECOVERY_KEY ?? null);
  console.log(`Restauré depuis : ${source}`);
  if (keptAs) console.log(`Ancienne base conservée : ${keptAs}`);
  check(runtime, paths);
}

/** The backup a restore puts in place: the one named, else the latest; checked before the data worker starts. */
export function restoreSource(paths: AppPaths, from: string | undefined): string {
  const source = from ? resolve(from) : listBackups(paths.backupDir)[0]?.path;
  if (!source) throw new Error(`Aucune sauvegarde à restaurer dans ${paths.backupDir}.`);
  if (!existsSync(source)) throw new Error(`La sauvegarde ${source} n'existe pas.`);
  return source;
}
