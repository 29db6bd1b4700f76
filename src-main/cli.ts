/**
 * `cedre`: the app's services without a window, for set-up, scripts and support. Each command opens the database
 * exactly like the app does (migrations, integrity check), so it refuses what the app refuses.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BACKUP_KEY_SUFFIX, createBackup, listBackups } from '../db/backup';
import { DatabaseDamagedError, DatabaseTooNewError } from '../db/client';
import { openCliDatabase } from './cli-runtime';
import { readBackupKeyFile } from './security/keyring';
import { AppRuntime, guardFromEnvironment } from './app-runtime';
import { systemClock } from './lib/clock';
import { DB_FILE_NAME, type AppPaths } from './app-paths';
import { defaultDataDir } from './platform/data-dir';
import { APP_NAME, APP_VERSION } from './version';
import { getStructure, hasStructure } from './services/structure/structure-service';
import { option, pathsFrom, UsageError } from './cli-args';
import { checkConsistency } from './services/system/consistency-check';
import { ExternalCopyService } from './services/system/external-copy';
import { demoCommand, exportCommand, importCommand, templateCommand } from './cli-data';
import { consolidateCommand, reportCommand, verifyCommand } from './cli-observatoire';


const HELP = `${APP_NAME} ${APP_VERSION} — ligne de commande

Utilisation : cedre <commande> [options]

Commandes :
  check                 Ouvre la base, applique les migrations en attente et vérifie son intégrité.
  backup                Crée une sauvegarde vérifiée de la base (API de sauvegarde en ligne de SQLite) ;
                        --copy-to <dossier> : la copie aussi sur une clé USB ou un autre disque.
  backups               Liste les sauvegardes disponibles, de la plus récente à la plus ancienne.
  restore               Restaure une sauvegarde (la base actuelle est conservée à côté, renommée).
  import <fichier>      Importe un classeur .xlsx ou un dossier de fichiers .csv (format d'import v1) ;
                        tout ou rien : à la moindre erreur, rien n'est enregistré. --dry-run : simulation.
                        Dans une base nouvelle, la structure est créée depuis la feuille « structure ».
  export --out <dest>   Exporte toutes les données au format d'import (dest en .xlsx, sinon un dossier de .csv).
  template [--out f]    Écrit le classeur modèle d'import (par défaut modele-import-cedre.xlsx).
  demo                  Crée une structure de démonstration fictive (une AI et un ACI) dans un nouveau fichier :
                        --scale N (1 : environ 150 salariés par an), --years Y (3), --seed S (même graine,
                        mêmes données). Comptes direction, cip, cip2, encadrant, accueil.
  report --year Y       Produit le rapport annuel signé (rapport-<SIRET>-<Y>.zip) dans --out (dossier,
                        par défaut le dossier courant) et affiche son chemin. --signataire "Nom".
  verify <zip>          Vérifie un rapport : signature, format, empreintes des documents ; avec
                        --thumbprint <kid> ou --cles <fichier.csv> (siret;kid), la clé enregistrée.
                        « valide » (code 0), « intègre, mais clé non vérifiée » (code 2) ou une ligne
                        par échec (code 1).
  consolidate <dossier> Vérifie tous les rapports .zip du dossier, un par SIRET et par année (un même
                        rapport en double compte une fois), une seule année (--annee Y, sinon la plus
                        récente) ; refuse et liste les autres ; écrit le tableau des structures et les
                        totaux dans --out (.xlsx ou .csv). --cles <fichier.csv> : les clés enregistrées
                        (siret;kid) ; un SIRET sans clé enregistrée est alors refusé.
  version               Affiche la version.

Options :
  --db <fichier>        Base de données à utiliser (par défaut : ${join(defaultDataDir(), DB_FILE_NAME)},
                        ou le dossier de la variable CEDRE_DATA_DIR).
  --from <fichier>      Pour restore : la sauvegarde à restaurer (par défaut : la plus récente).
  -h, --help            Affiche cette aide.

Code de sortie : 0 si tout s'est bien passé, 1 en cas d'échec, 2 si la commande est mal écrite.`;

async function check(paths: AppPaths): Promise<void> {
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

async function backup(paths: AppPaths, copyTo: string | undefined): Promise<void> {
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

function listAll(paths: AppPaths): void {
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
async function restore(paths: AppPaths, from: string | undefined): Promise<void> {
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

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command || command === '-h' || command === '--help' || command === 'help' || args.includes('--help')) {
      console.log(HELP);
      return 0;
    }
    switch (command) {
      case 'version':
        console.log(APP_VERSION);
        return 0;
      case 'check':
        await check(pathsFrom(args));
        return 0;
      case 'backup':
        await backup(pathsFrom(args), option(args, '--copy-to'));
        return 0;
      case 'backups':
        listAll(pathsFrom(args));
        return 0;
      case 'restore':
        await restore(pathsFrom(args), option(args, '--from'));
        return 0;
      case 'import':
        return await importCommand(args, pathsFrom(args));
      case 'export':
        return await exportCommand(args, pathsFrom(args));
      case 'template':
        return await templateCommand(args);
      case 'demo':
        return await demoCommand(args, pathsFrom(args));
      case 'report':
        return await reportCommand(args, pathsFrom(args));
      case 'verify':
        return await verifyCommand(args);
      case 'consolidate':
        return await consolidateCommand(args);
      default:
        throw new UsageError(`Commande inconnue : « ${command} ». Tapez « cedre --help » pour la liste des commandes.`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    if (err instanceof DatabaseDamagedError || err instanceof DatabaseTooNewError) console.error(err.message);
    else console.error(`Échec : ${(err as Error).message ?? String(err)}`);
    return 1;
  }
}
