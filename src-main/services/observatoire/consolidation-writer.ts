/** The consolidation as the federation opens it: an .xlsx workbook (table + refused reports) or a `;` CSV for scripts. */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLabel, type Consolidation } from './consolidation';

const NIVEAUX = { structure: 'Structure', departement: 'Département', dispositif: 'Dispositif', ensemble: 'Ensemble' } as const;

function headerRow(c: Consolidation): string[] {
  return ['niveau', 'libelle', 'siret', 'departement', 'annee', ...c.colonnes];
}

function bodyRows(c: Consolidation): Array<Array<string | number | null>> {
  return c.lignes.map((l) => [NIVEAUX[l.niveau], l.libelle, l.siret, l.departement, l.annee, ...c.colonnes.map((id) => l.valeurs[id] ?? null)]);
}

export async function writeConsolidation(out: string, c: Consolidation): Promise<void> {
  if (extname(out).toLowerCase() === '.csv') {
    const cell = (v: string | number | null) => (v === null ? '' : /[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const lines = [headerRow(c), ...bodyRows(c)].map((r) => r.map(cell).join(';'));
    writeFileSync(out, '\uFEFF' + lines.join('\r\n') + '\r\n');
    return;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cèdre Parcours';
  const sheet = workbook.addWorksheet('Consolidation', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  sheet.addRow(headerRow(c));
  sheet.addRow(['', '', '', '', '', ...c.colonnes.map(columnLabel)]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF495057' } };
  for (const row of bodyRows(c)) {
    const added = sheet.addRow(row);
    if (row[0] !== 'Structure') added.font = { bold: true };
  }
  sheet.getColumn(2).width = 40;
  const refused = workbook.addWorksheet('Rapports refusés');
  refused.addRow(['fichier', 'raison']).font = { bold: true };
  for (const r of c.refuses) for (const e of r.echecs) refused.addRow([r.fichier, e]);
  refused.getColumn(1).width = 40;
  refused.getColumn(2).width = 120;
  writeFileSync(out, Buffer.from(await workbook.xlsx.writeBuffer()));
}
