/** `cedre report`: the signed annual report without a window (REPORT-SPEC §4). The federation's side is cli-federation.ts. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCliDatabase } from './cli-runtime';
import type { AppPaths } from './app-paths';
import { option, required, UsageError } from './cli-args';
import { getStructure, hasStructure } from './services/structure/structure-service';

export async function reportCommand(args: string[], paths: AppPaths): Promise<number> {
  const year = Number(required(option(args, '--year'), "l'année (--year AAAA)"));
  if (!Number.isInteger(year) || year < 2000 || year > new Date().getFullYear()) throw new UsageError(`Année invalide : ${option(args, '--year')}.`);
  const out = resolve(option(args, '--out') ?? '.');
  if (!existsSync(paths.dbFile)) throw new Error(`Aucune base de données à ${paths.dbFile}.`);
  const cli = await openCliDatabase(paths);
  try {
    const opened = cli.open.opened;
    if (!hasStructure(opened.db)) throw new Error("La structure n'est pas encore configurée.");
    const reports = cli.open.reports;
    const signer = option(args, '--signataire') ?? `${getStructure(opened.db).nom} (ligne de commande)`;
    const made = await reports.produce(year, { id: null, name: signer }, new Date());
    mkdirSync(out, { recursive: true });
    const file = join(out, made.fileName);
    writeFileSync(file, made.zip);
    console.log(file);
    return 0;
  } finally {
    cli.close();
  }
}
