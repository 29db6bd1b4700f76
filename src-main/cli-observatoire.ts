/**
 * `cedre report`, `cedre verify`, `cedre consolidate`: the signed annual report without a window (REPORT-SPEC §4), and
 * the federation's side: verifying a structure's file and consolidating a folder of them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCliDatabase } from './cli-runtime';
import type { AppPaths } from './app-paths';
import { option, positional, required, UsageError } from './cli-args';
import { consolidateFolder } from './services/observatoire/consolidation';
import { writeConsolidation } from './services/observatoire/consolidation-writer';
import { authenticateReport } from './services/federation/authenticate';
import { KeyListFile } from './services/federation/key-list';
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

export async function verifyCommand(args: string[]): Promise<number> {
  const file = resolve(required(positional(args, ['--thumbprint', '--cles']), 'le rapport .zip à vérifier'));
  if (!existsSync(file)) throw new Error(`Fichier introuvable : ${file}`);
  const result = await authenticateReport(readFileSync(file), option(args, '--thumbprint') ?? null, keyList(args));
  if (result.valide) {
    const p = result.payload!;
    const who = `${p.structure.nom} (SIRET ${p.structure.siret}), année ${p.annee}, clé ${result.kid}`;
    if (result.cleVerifiee) {
      console.log(`valide — ${who} (clé enregistrée)`);
      return 0;
    }
    // Intact is not authentic: never a bare "valide" without the registered key (issue 20 §4). Exit code 2.
    console.log(`intègre, mais clé non vérifiée — ${who}`);
    if (result.registre) console.log(result.registre);
    console.log(`Comparez l’empreinte ${result.kid} à celle de la fiche d’enregistrement de la structure, puis : cedre verify <zip> --thumbprint <empreinte> (ou --cles liste.csv)`);
    return 2;
  }
  for (const e of result.echecs) console.error(e);
  return 1;
}

/** `--cles <fichier.csv>`: `siret;kid` lines, the keys the federation registered (services/federation/key-list.ts). */
function keyList(args: string[]): KeyListFile | null {
  const path = option(args, '--cles');
  if (!path) return null;
  if (!existsSync(resolve(path))) throw new Error(`Liste de clés introuvable : ${resolve(path)}`);
  const list = KeyListFile.read(resolve(path));
  if (list.isEmpty()) throw new UsageError('La liste de clés ne contient aucune ligne « siret;empreinte » lisible.');
  return list;
}

export async function consolidateCommand(args: string[]): Promise<number> {
  const folder = resolve(required(positional(args, ['--out', '--cles', '--annee']), 'le dossier des rapports .zip'));
  const out = resolve(required(option(args, '--out'), 'le fichier de sortie (--out consolidation.xlsx ou .csv)'));
  if (!/\.(xlsx|csv)$/i.test(out)) throw new UsageError('Le fichier de sortie doit finir par .xlsx ou .csv.');
  if (!existsSync(folder)) throw new Error(`Dossier introuvable : ${folder}`);
  const anneeText = option(args, '--annee');
  const annee = anneeText === undefined ? null : Number(anneeText);
  if (annee !== null && !(Number.isInteger(annee) && annee >= 2000 && annee <= 2100)) throw new UsageError('--annee attend une année, par exemple --annee 2025.');
  const result = await consolidateFolder(folder, { register: keyList(args), annee });
  await writeConsolidation(out, result);
  const structures = result.lignes.filter((l) => l.niveau === 'structure').length;
  console.log(`${structures > 1 ? `${structures} rapports valides consolidés` : `${structures} rapport valide consolidé`} pour ${result.annee ?? '—'} dans ${out}`);
  for (const d of result.doublons ?? []) console.log(`Compté une fois : ${d.fichier} est le même rapport signé que ${d.memeQue}.`);
  for (const r of result.refuses) {
    console.error(`Refusé : ${r.fichier}`);
    for (const e of r.echecs) console.error(`  ${e}`);
  }
  return result.refuses.length ? 1 : 0;
}
