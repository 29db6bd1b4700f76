/**
 * The command line's commands on a database run in the data worker (issue 18 §4: browser mode, Electron and the
 * command line open a base the same way: cli-worker.ts starts it). There, the runtime is already started with the
 * same keyring, encryption of clear data, migrations and checks as the app; this turns it into what a command
 * needs, or the reason the command cannot run (locked, damaged). The data key comes from CEDRE_RECOVERY_KEY, or the
 * development key file beside the database (with a warning on standard error).
 */
import { DatabaseDamagedError } from '../db/client';
import type { AppPaths } from './app-paths';
import type { AppRuntime, OpenRuntime } from './app-runtime';

export interface CliDatabase {
  runtime: AppRuntime;
  open: OpenRuntime;
}

/** A command on a database that has been started: what it prints goes to the command line's terminal. */
export type CliDataCommandRun = (runtime: AppRuntime, args: string[], paths: AppPaths) => Promise<number>;

export function cliDatabase(runtime: AppRuntime, paths: AppPaths): CliDatabase {
  const status = runtime.status();
  if (status.state === 'locked') throw new Error(`${status.message} Définissez la variable CEDRE_RECOVERY_KEY avec la clé de secours.`);
  const open = runtime.openOrNull();
  if (!open) throw new DatabaseDamagedError(paths.dbFile, status.state === 'damaged' ? status.message : 'ouverture impossible');
  const { guardWarning } = runtime.startupStatus();
  if (guardWarning) console.error(`Attention — ${guardWarning}`);
  const migration = runtime.lastEncryptionMigration;
  if (migration?.safetyBackup) console.error(`Base chiffrée (sauvegarde préalable : ${migration.safetyBackup.path}).`);
  if (migration?.damagedCopies.length) console.error(`Copies endommagées laissées non chiffrées : ${migration.damagedCopies.join(', ')}`);
  if (runtime.recoverySheetPending()) {
    console.error('Clé de secours : pas encore confirmée. Ouvrez l’application avec un compte administrateur pour l’imprimer.');
  }
  return { runtime, open };
}
