/** The consolidation as the federation opens it: an .xlsx workbook (table + refused reports) or a `;` CSV for scripts. */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { CSV_MASKED, csvDocument, type CsvValue } from '../../../src-shared/format/csv';
import { columnLabel, type Consolidation } from './consolidation';

const NIVEAUX = { structure: 'Structure', departement: 'Département', dispositif: 'Dispositif', ensemble: 'Ensemble' } as const;

function headerRow(c: Consolidation): string[] {
  return ['niveau', 'libelle', 'siret', 'departement', 'annee', ...c.colonnes];
}

/** A masked value (privacy) is « s », a missing one empty: never the same (REPORT-SPEC §3). */
function bodyRows(c: Consolidation): CsvValue[][] {
  return c.lignes.map((l) => [NIVEAUX[l.niveau], l.libelle, l.siret, l.departement, l.annee, ...c.colonnes.map((id) => (l.masques.includes(id) ? CSV_MASKED : (l.valeurs[id] ?? null)))]);
}

export async function writeConsolidation(out: string, c: Consolidation): Promise<void> {
  writeFileSync(out, extname(out).toLowerCase() === '.csv' ? consolidationCsv(c) : await consolidationXlsx(c));
}

/** A machine file for the federation's scripts: the decimal dot is kept (documented in the README). */
export function consolidationCsv(c: Consolidation): string {
  return csvDocument(headerRow(c), bodyRows(c), { decimal: 'dot' });
}

export async function consolidationXlsx(c: Consolidation): Promise<Buffer> {
  // Loaded here only: `cedre verify` and a CSV consolidation start without it (issue 17 §5).
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'Cèdre Parcours';
  const sheet = workbook.addWorksheet('Consolidation', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  sheet.addRow(headerRow(c));
  sheet.addRow(['', '', '', '', '', ...c.colonnes.map(columnLabel)]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF495057' } };
  for (const row of bodyRows(c)) {
    const added = sheet.addRow(row.map((v) => (v === CSV_MASKED ? 's' : v)));
    if (row[0] !== 'Structure') added.font = { bold: true };
  }
  sheet.getColumn(2).width = 40;
  const refused = workbook.addWorksheet('Rapports refusés');
  refused.addRow(['fichier', 'raison']).font = { bold: true };
  for (const r of c.refuses) for (const e of r.echecs) refused.addRow([r.fichier, e]);
  refused.getColumn(1).width = 40;
  refused.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
