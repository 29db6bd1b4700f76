/**
 * The command line opens a database exactly like the app: the same keyring, the same encryption of clear data, the
 * same migrations and checks. The data key comes from CEDRE_RECOVERY_KEY, or the development key file beside the
 * database (with a warning on standard error).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseDamagedError } from '../db/client';
import type { AppPaths } from './app-paths';
import { AppRuntime, guardFromEnvironment, type OpenRuntime } from './app-runtime';
import { systemClock } from './lib/clock';
import { startupStepPrinter } from './jobs/terminal-progress';

export interface CliDatabase {
  runtime: AppRuntime;
  open: OpenRuntime;
  close(): void;
}

export async function openCliDatabase(paths: AppPaths, env: Record<string, string | undefined> = process.env): Promise<CliDatabase> {
  mkdirSync(dirname(paths.dbFile), { recursive: true });
  const guard = guardFromEnvironment(paths.dataDir, env);
  const runtime = await AppRuntime.start(paths, systemClock, { guard, recoveryKey: env.CEDRE_RECOVERY_KEY ?? null, onStartupStep: startupStepPrinter() });
  const status = runtime.status();
  if (status.state === 'locked') throw new Error(`${status.message} Définissez la variable CEDRE_RECOVERY_KEY avec la clé de secours.`);
  const open = runtime.openOrNull();
  if (!open) throw new DatabaseDamagedError(paths.dbFile, status.state === 'damaged' ? status.message : 'ouverture impossible');
  if (guard?.warning) console.error(`Attention — ${guard.warning}`);
  const migration = runtime.lastEncryptionMigration;
  if (migration?.safetyBackup) console.error(`Base chiffrée (sauvegarde préalable : ${migration.safetyBackup.path}).`);
  if (migration?.damagedCopies.length) console.error(`Copies endommagées laissées non chiffrées : ${migration.damagedCopies.join(', ')}`);
  if (runtime.recoveryKeyToPrint()) {
    console.error('Clé de secours : pas encore confirmée. Ouvrez l’application avec un compte administrateur pour l’imprimer.');
  }
  return { runtime, open, close: () => runtime.close() };
}
