/** `cedre report`: the signed annual report without a window (REPORT-SPEC §4). The federation's side is cli-federation.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliDatabase } from './cli-runtime';
import type { AppPaths } from './app-paths';
import type { AppRuntime } from './app-runtime';
import { option, required, UsageError } from './cli-args';
import { getStructure, hasStructure } from './services/structure/structure-service';

/** The year asked for, checked before the data worker starts. */
export function reportYear(args: string[]): number {
  const year = Number(required(option(args, '--year'), "l'année (--year AAAA)"));
  if (!Number.isInteger(year) || year < 2000 || year > new Date().getFullYear()) throw new UsageError(`Année invalide : ${option(args, '--year')}.`);
  return year;
}

/** Run in the data worker (cli-worker.ts). */
export async function reportCommand(runtime: AppRuntime, args: string[], paths: AppPaths): Promise<number> {
  const year = reportYear(args);
  const out = resolve(option(args, '--out') ?? '.');
  const cli = cliDatabase(runtime, paths);
  const opened = cli.open.opened;
  if (!hasStructure(opened.db)) throw new Error("La structure n'est pas encore configurée.");
  const signer = option(args, '--signataire') ?? `${getStructure(opened.db).nom} (ligne de commande)`;
  const made = await cli.open.reports.produce(year, { id: null, name: signer }, new Date());
  mkdirSync(out, { recursive: true });
  const file = join(out, made.fileName);
  writeFileSync(file, made.zip);
  console.log(file);
  return 0;
}
