/**
 * The `cedre` commands on the database itself: check, backup, list the backups, restore. Each opens the database
 * exactly like the app does (migrations, integrity check), so it refuses what the app refuses.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_KEY_SUFFIX, createBackup, listBackups } from '../db/backup';
import type { AppPaths } from './app-paths';
import { AppRuntime, guardFromEnvironment } from './app-runtime';
import { openCliDatabase } from './cli-runtime';
import { systemClock } from './lib/clock';
import { readBackupKeyFile } from './security/keyring';
import { getStructure, hasStructure } from './services/structure/structure-service';
import { checkConsistency } from './services/system/consistency-check';
import { ExternalCopyService } from './services/system/external-copy';

export async function check(paths: AppPaths): Promise<void> {
  if (!existsSync(paths.dbFile)) throw new Error(`Aucune base de données à ${paths.dbFile}.`);
  const cli = await openCliDatabase(paths);
  const opened = cli.open.opened;
  try {
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
  } finally {
    cli.close();
  }
}

export async function backup(paths: AppPaths, copyTo: string | undefined): Promise<void> {
  if (!existsSync(paths.dbFile)) throw new Error(`Aucune base de données à ${paths.dbFile}.`);
  const cli = await openCliDatabase(paths);
  const opened = cli.open.opened;
  try {
    const made = await createBackup(opened.sqlite, paths.backupDir, 'manuelle');
    console.log(`Sauvegarde vérifiée : ${made.path} (${Math.round(made.sizeBytes / 1024)} Ko)`);
    if (copyTo) console.log(`Copie vérifiée : ${new ExternalCopyService(opened.sqlite).copy(made, new Date(), resolve(copyTo))}`);
  } finally {
    cli.close();
  }
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
export async function restore(paths: AppPaths, from: string | undefined): Promise<void> {
  const source = from ? resolve(from) : listBackups(paths.backupDir)[0]?.path;
  if (!source) throw new Error(`Aucune sauvegarde à restaurer dans ${paths.backupDir}.`);
  if (!existsSync(source)) throw new Error(`La sauvegarde ${source} n'existe pas.`);
  // Started directly rather than through openCliDatabase: a damaged or locked database must not prevent the restore.
  const runtime = await AppRuntime.start(paths, systemClock, { guard: guardFromEnvironment(paths.dataDir), recoveryKey: process.env.CEDRE_RECOVERY_KEY ?? null });
  try {
    const { keptAs } = await runtime.restoreFromFile(source, readBackupKeyFile(source + BACKUP_KEY_SUFFIX), process.env.CEDRE_RECOVERY_KEY ?? null);
    console.log(`Restauré depuis : ${source}`);
    if (keptAs) console.log(`Ancienne base conservée : ${keptAs}`);
  } finally {
    runtime.close();
  }
  await check(paths);
}
