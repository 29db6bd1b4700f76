/**
 * The `cedre` commands that work on a database (check, backup, restore, import, export, demo, report). They run in
 * the data worker, opened exactly as browser mode and Electron open it (issue 18 §4; cli-worker.ts starts it).
 * What can be refused without the database (a missing option, a file that does not exist) is refused first, before
 * the worker creates or migrates anything, here in the command line's process (the commands run in
 * worker/cli-in-worker.ts). Each command's module loads only when it runs.
 */
import { existsSync } from 'node:fs';
import type { AppPaths } from './app-paths';
import { option } from './cli-args';

export const CLI_DATA_COMMANDS = ['check', 'backup', 'restore', 'import', 'export', 'demo', 'report'] as const;
export type CliDataCommand = (typeof CLI_DATA_COMMANDS)[number];

export function isCliDataCommand(command: string): command is CliDataCommand {
  return (CLI_DATA_COMMANDS as readonly string[]).includes(command);
}

function requireBase(paths: AppPaths): void {
  if (!existsSync(paths.dbFile)) throw new Error(`Aucune base de données à ${paths.dbFile}.`);
}

/** Throws what the command would refuse before opening anything (UsageError: exit status 2). */
export async function checkBeforeStart(command: CliDataCommand, args: string[], paths: AppPaths): Promise<void> {
  switch (command) {
    case 'check':
    case 'backup':
      return requireBase(paths);
    case 'restore':
      // A damaged or locked database must not prevent the restore: only the backup has to exist.
      (await import('./cli-database')).restoreSource(paths, option(args, '--from'));
      return;
    case 'import':
      (await import('./cli-data')).importSource(args);
      return;
    case 'export':
      (await import('./cli-data')).exportDestination(args);
      return requireBase(paths);
    case 'demo':
      (await import('./cli-data')).demoOptions(args);
      if (existsSync(paths.dbFile)) throw new Error(`${paths.dbFile} existe déjà : la démonstration se crée dans un nouveau fichier.`);
      return;
    case 'report':
      (await import('./cli-observatoire')).reportYear(args);
      return requireBase(paths);
  }
}
