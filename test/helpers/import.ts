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
