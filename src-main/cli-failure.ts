/** How a `cedre` command that failed ends: its message on standard error, and the exit status (2: the command line itself). */
import { DatabaseDamagedError, DatabaseTooNewError } from '../db/client';
import { UsageError } from './cli-args';

/** Loaded by cli.ts only on a failure; statically by the data worker (cli-in-worker.ts). */
export function cliFailure(err: unknown): number {
  if (err instanceof UsageError) {
    console.error(err.message);
    return 2;
  }
  // The database's own errors already say what to do.
  if (err instanceof DatabaseDamagedError || err instanceof DatabaseTooNewError) console.error(err.message);
  else console.error(`Échec : ${(err as Error).message ?? String(err)}`);
  return 1;
}
