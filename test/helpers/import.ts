/** Import helpers: the worked example of REPORT-SPEC as a folder of CSV files, and small workbooks written on the fly. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenRuntime } from '../../src-main/app-runtime';
import type { ImportReport } from '../../src-shared/import-format';
import { REPO_ROOT, tempDir } from './temp';

export const EXEMPLE_2024 = join(REPO_ROOT, 'test', 'fixtures', 'exemple-2024');

/** A writable copy of the worked example, to damage one file of it. */
export function exampleCopy(): string {
  const dir = tempDir('cedre-import-');
  cpSync(EXEMPLE_2024, dir, { recursive: true });
  return dir;
}

export function readCsv(dir: string, sheet: string): string {
  return readFileSync(join(dir, `${sheet}.csv`), 'utf8');
}

export function writeCsv(dir: string, sheet: string, content: string): void {
  writeFileSync(join(dir, `${sheet}.csv`), content);
}

/** Appends lines to one CSV of a folder. */
export function appendCsv(dir: string, sheet: string, ...lines: string[]): void {
  const current = readCsv(dir, sheet).replace(/\s*$/, '\n');
  writeCsv(dir, sheet, current + lines.join('\n') + '\n');
}

export async function importFolder(open: OpenRuntime, path: string, dryRun = false): Promise<ImportReport> {
  return open.imports.importPath(path, { dryRun, now: new Date('2026-03-02T09:00:00Z'), user: null, route: 'test.import' });
}

/** Every table an import writes, with its row count: "nothing changed" means these are all equal. */
export function tableCounts(open: OpenRuntime): Record<string, number> {
  const tables = ['structure', 'dispositifs', 'annexes_financieres', 'annexes_financieres_versions', 'clients', 'personnes', 'accueils', 'diagnostics_eligibilite', 'criteres_eligibilite', 'pass_iae', 'parcours', 'contrats', 'heures', 'cer', 'bilans', 'freins', 'actions_freins', 'formations', 'pmsmp', 'import_refs', 'parametres', 'audit_log'];
  return Object.fromEntries(tables.map((t) => [t, (open.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

export type SheetRows = Record<string, Array<Record<string, string | number>>>;

/** Writes hand-built rows as a folder of `;`-separated CSV files, one per sheet, headers from the rows' keys. */
export function csvFolder(sheets: SheetRows): string {
  const dir = tempDir('cedre-rows-');
  for (const [sheet, rows] of Object.entries(sheets)) {
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines = [headers.join(';'), ...rows.map((r) => headers.map((h) => String(r[h] ?? '')).join(';'))];
    writeFileSync(join(dir, `${sheet}.csv`), lines.join('\n') + '\n');
  }
  return dir;
}

export const STRUCTURE_ROW = { nom: 'Structure de test', siret: '52000001500013', departement: '07' };

/**
 * The worked example's values of the State's profile lines (issue 15 §2), which REPORT-SPEC's expected.json predates.
 * Its fiches salarié are made from the persons' files: levels 50 and 51 (CAP-BEP), 70 and 00 (below), Caron's AAH
 * criterion; no RSA situation, registration, QPV or ZRR is recorded on the persons, so those lines count 0.
 * AAH is a sensitive small cell: suppressed in the report, with its complements.
 */
export const EXEMPLE_2024_SITUATION: Record<string, number | null> = (() => {
  const lines = ['rsa', 'ass', 'aah', 'rqth', 'inscrit_ft_12_23_mois', 'inscrit_ft_24_mois_et_plus', 'qpv', 'zrr', 'formation_infra_cap', 'formation_cap_bep', 'formation_bac_et_plus'];
  const values: Record<string, Record<string, number | null>> = {
    '': { formation_infra_cap: 2, formation_cap_bep: 2, aah: null },
    'par_dispositif.ACI.': { formation_infra_cap: 1, formation_cap_bep: 2, aah: null },
    // Suppressed too, as public.criteres.AAH is: the structure total minus ACI would give it.
    'par_dispositif.AI.': { formation_infra_cap: 1, aah: null },
  };
  return Object.fromEntries(Object.entries(values).flatMap(([prefix, set]) => lines.map((l) => [`${prefix}public.situation.${l}`, l in set ? set[l]! : 0])));
})();

/** A report's indicators split into REPORT-SPEC's frame and the situation lines the app adds to it. */
export function splitSituationLines(indicateurs: Record<string, number | null>): { frame: Record<string, number | null>; situation: Record<string, number | null> } {
  const isSituation = (id: string) => /(^|\.)public\.situation\./.test(id);
  return {
    frame: Object.fromEntries(Object.entries(indicateurs).filter(([id]) => !isSituation(id))),
    situation: Object.fromEntries(Object.entries(indicateurs).filter(([id]) => isSituation(id))),
  };
}
