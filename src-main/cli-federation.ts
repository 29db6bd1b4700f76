/**
 * `cedre verify`, `cedre consolidate`: the federation's side (REPORT-SPEC §4, issue 17). Nothing here opens a database
 * or renders a PDF, so the federation's installation runs them without the app's native and PDF stack and starts at
 * once (the built `out/cli/cedre.cjs`, see README « Pour une fédération »).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { option, positional, required, UsageError } from './cli-args';
import { authenticateReport } from './services/federation/authenticate';
import { KeyListFile } from './services/federation/key-list';

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
  // Loaded here: `cedre verify` starts without the consolidation and its writers.
  const { consolidateFolder } = await import('./services/observatoire/consolidation');
  const { writeConsolidation } = await import('./services/observatoire/consolidation-writer');
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
