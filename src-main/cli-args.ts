/** Argument parsing shared by the `cedre` commands. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appPathsForFile, DB_FILE_NAME, type AppPaths } from './app-paths';
import { defaultDataDir } from './platform/data-dir';

/** The migrations folder: beside the sources (`src-main/..`) or beside the built command (`out/cli/../..`). */
export const MIGRATIONS = [resolve(__dirname, '..', 'db', 'migrations'), resolve(__dirname, '..', '..', 'db', 'migrations')].find((dir) => existsSync(dir)) ?? resolve(__dirname, '..', 'db', 'migrations');

/** A mistake in the command line itself: exit status 2. */
export class UsageError extends Error {}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`L'option ${name} attend une valeur.`);
  return value;
}

export function pathsFrom(args: string[]): AppPaths {
  const db = option(args, '--db') ?? join(defaultDataDir(), DB_FILE_NAME);
  return appPathsForFile(db, MIGRATIONS);
}


/** The first argument that is not an option or an option's value. */
export function positional(args: string[], valued: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (valued.includes(args[i]!)) i++;
    else if (!args[i]!.startsWith('--')) return args[i];
  }
  return undefined;
}

export function required(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Il manque ${what}. Tapez « cedre --help » pour l'aide.`);
  return value;
}
