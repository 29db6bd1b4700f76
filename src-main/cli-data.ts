/**
 * `cedre import`, `cedre export`, `cedre template`, `cedre demo`: the spreadsheet format from the command line, through the same
 * services as the app. Import, export and demo run in the data worker (cli-worker.ts); the database file is created
 * (and migrated) when it does not exist yet.
 */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { AppRuntime } from './app-runtime';
import { cliDatabase } from './cli-runtime';
import type { ImportReport } from '../src-shared/import-format';
import { toIsoDate } from '../src-shared/rules/dates';
import type { AppPaths } from './app-paths';
import { option, positional, required, UsageError } from './cli-args';
import { terminalProgress } from './jobs/terminal-progress';
import { templateWorkbook } from './services/import/import-template';
import { exportEverything } from './services/import/workbook-export';
import { writeExport } from './services/import/export-bundle';
import { withReadSnapshot } from '../db/read-snapshot';
import { createDemo, DEMO_PASSWORD } from './services/demo/demo-service';
import { plural } from '../src-shared/format/french-number';


export function printImportReport(report: ImportReport): void {
  for (const w of report.avertissements) console.log(`Avertissement — ${where(w)}${w.message}`);
  if (!report.ok) {
    for (const e of report.erreurs) console.error(`${where(e)}${e.message}`);
    const hidden = report.nombreErreurs - report.erreurs.length;
    if (hidden > 0) console.error(`… et ${hidden} autres erreurs.`);
    console.error(`${plural(report.nombreErreurs, 'erreur')} : rien n’a été enregistré.`);
    return;
  }
  for (const f of report.feuilles) console.log(`${f.feuille.padEnd(15)} ${plural(f.lignes, 'ligne').padStart(13)} : ${plural(f.creees, 'créée', 'créées')}, ${plural(f.misesAJour, 'mise à jour', 'mises à jour')}`);
  console.log(report.simulation ? 'Simulation : rien n’a été enregistré.' : `Import terminé en ${report.dureeMs} ms.`);
  if (report.structureCreee) console.log('Structure créée : au premier lancement, l’application demandera le compte administrateur.');
}

function where(p: { feuille: string; ligne: number; colonne: string | null }): string {
  const parts = [p.feuille, p.ligne > 0 ? `ligne ${p.ligne}` : null, p.colonne ? `colonne ${p.colonne}` : null].filter(Boolean);
  return parts.length ? `${parts.join(', ')} : ` : '';
}

/** What `cedre import` imports, checked before the data worker starts. */
export function importSource(args: string[]): string {
  return resolve(required(positional(args, ['--db']), 'le classeur .xlsx ou le dossier de fichiers .csv à importer'));
}

export async function importCommand(runtime: AppRuntime, args: string[], paths: AppPaths): Promise<number> {
  const source = importSource(args);
  const services = cliDatabase(runtime, paths).open;
  const job = terminalProgress();
  const report = await services.imports.importPath(source, { dryRun: args.includes('--dry-run'), now: new Date(), user: null, route: 'cli.import', job }).finally(() => job.end());
  printImportReport(report);
  return report.ok ? 0 : 1;
}

/** Where `cedre export` writes, checked before the data worker starts. */
export function exportDestination(args: string[]): string {
  return resolve(required(option(args, '--out'), 'la destination (--out fichier.xlsx ou dossier)'));
}

export async function exportCommand(runtime: AppRuntime, args: string[], paths: AppPaths): Promise<number> {
  const out = exportDestination(args);
  const opened = cliDatabase(runtime, paths).open.opened;
  // The opening's integrity check filled this connection's page cache; the export reads through its own.
  opened.sqlite.pragma('shrink_memory');
  console.log(await withReadSnapshot(opened.sqlite, (reader) => writeExport(out, exportEverything(reader, toIsoDate(new Date())))));
  return 0;
}

export async function templateCommand(args: string[]): Promise<number> {
  const out = resolve(option(args, '--out') ?? 'modele-import-cedre.xlsx');
  if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError('Le modèle est un classeur : donnez un nom de fichier en .xlsx.');
  writeFileSync(out, await templateWorkbook());
  console.log(`Modèle écrit : ${out}`);
  return 0;
}

/** The demo's size, checked before the data worker starts. */
export function demoOptions(args: string[]): { scale: number; years: number; seed: number } {
  const number = (name: string, fallback: number, max: number) => {
    const raw = option(args, name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} attend un nombre entier entre 1 et ${max}.`);
    return n;
  };
  const scale = number('--scale', 1, 50);
  const years = number('--years', 3, 15);
  const seed = number('--seed', 2026, 2 ** 31);
  return { scale, years, seed };
}

/** Run on a new file: cli.ts refuses an existing one before the data worker creates it. */
export async function demoCommand(runtime: AppRuntime, args: string[], paths: AppPaths): Promise<number> {
  const services = cliDatabase(runtime, paths).open;
  const started = performance.now();
  const { report, accounts } = createDemo(services, demoOptions(args), new Date());
  const count = (sheet: string) => report.feuilles.find((f) => f.feuille === sheet)?.lignes ?? 0;
  console.log(`Démonstration créée dans ${paths.dbFile} en ${Math.round(performance.now() - started)} ms :`);
  console.log(`  ${count('personnes')} personnes, ${count('accueils')} accueils, ${count('contrats')} contrats, ${count('heures')} lignes d'heures, ${count('sorties')} sorties.`);
  console.log(`Comptes (mot de passe « ${DEMO_PASSWORD} ») : ${accounts.join(', ')}.`);
  return 0;
}
