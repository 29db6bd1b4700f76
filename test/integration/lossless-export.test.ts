/**
 * Issue 16 §3: the export is lossless. A demo base (scale 1) with a few rows of every kind the demo leaves empty is
 * exported as the app downloads it (a ZIP of the workbook and the quality manual's attached files), imported into
 * an empty base, and every table is compared row by row (ids aside); exporting the copy gives the same bytes. The
 * command line's form (a folder of CSV files with its « documents » folder) travels the same way.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenRuntime } from '../../src-main/app-runtime';
import { exportDownload, writeExport } from '../../src-main/services/import/export-bundle';
import { exportEverything, exportTables } from '../../src-main/services/import/workbook-export';
import { withReadSnapshot } from '../../db/read-snapshot';
import ExcelJS from 'exceljs';
import { TestApp } from '../helpers/app';
import { addEveryKindOfRow } from '../helpers/every-kind-of-row';
import { csvFolder, STRUCTURE_ROW } from '../helpers/import';
import { snapshotTables } from '../helpers/table-snapshot';
import { tempDir } from '../helpers/temp';

const TODAY = '2026-03-02';
const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

async function start(): Promise<OpenRuntime> {
  const app = await TestApp.start();
  apps.push(app);
  return app.runtime.openOrNull()!;
}

async function richDemo(): Promise<OpenRuntime> {
  const app = await TestApp.start();
  apps.push(app);
  await app.call('setup.demo', {});
  const open = app.runtime.openOrNull()!;
  addEveryKindOfRow(open.sqlite);
  return open;
}

const IMPORT = { dryRun: false, now: new Date(`${TODAY}T09:00:00Z`), user: null, route: 'test' };

function expectSameTables(original: OpenRuntime, copy: OpenRuntime): void {
  const before = snapshotTables(original.sqlite);
  const after = snapshotTables(copy.sqlite);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const table of Object.keys(before)) {
    // Every table is filled (an empty table would prove nothing).
    expect(before[table]!.length, `${table} est vide`).toBeGreaterThan(0);
    const afterSet = new Set(after[table]);
    const beforeSet = new Set(before[table]);
    // The end of a row holds its own values (its parents come first): that is where a lost field shows.
    const tail = (rows: string[]) => rows.slice(0, 3).map((r) => r.slice(-400));
    expect({ table, missing: tail(before[table]!.filter((r) => !afterSet.has(r))), extra: tail(after[table]!.filter((r) => !beforeSet.has(r))), rows: after[table]!.length }).toEqual({
      table,
      missing: [],
      extra: [],
      rows: before[table]!.length,
    });
  }
}

describe('lossless export (issue 16 §3)', () => {
  it('the download (ZIP: workbook + attached files) → an empty base: every table equal row by row, and the same bytes exported again', async () => {
    const original = await richDemo();
    const download = await exportDownload('export-cedre', exportEverything(original.sqlite, TODAY));
    expect(download.fileName).toBe('export-cedre.zip');

    const copy = await start();
    const report = await copy.imports.importFiles([{ name: download.fileName, bytes: download.bytes }], IMPORT);
    expect(report.erreurs.slice(0, 10)).toEqual([]);
    expect(report.feuilles.find((f) => f.feuille === 'documents_fichiers')?.creees).toBe(3);
    expectSameTables(original, copy);

    const again = await exportDownload('export-cedre', exportEverything(copy.sqlite, TODAY));
    expect(again.bytes.equals(download.bytes)).toBe(true);
  }, 180_000);

  it('the export reads one snapshot while it writes, sheet by sheet: a client saved meanwhile is neither in it nor held up by it (issue 19)', async () => {
    const app = await TestApp.start();
    apps.push(app);
    await app.call('setup.demo', {});
    const open = app.runtime.openOrNull()!;
    const clientsBefore = open.sqlite.prepare('select count(*) from clients').pluck().get() as number;

    const exported = await withReadSnapshot(open.sqlite, async (reader) => {
      const content = exportEverything(reader, TODAY);
      // Another screen writes while the workbook is being produced: the write goes through at once.
      open.sqlite.prepare(`insert into clients (id, nom, type, siret, created_at, updated_at) values ('pendant-export', 'Client ajouté pendant l’export', 'particulier', '', ?, ?)`).run(TODAY, TODAY);
      return exportDownload('export-cedre', content);
    });
    expect(open.sqlite.prepare('select count(*) from clients').pluck().get()).toBe(clientsBefore + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const clients = workbook.getWorksheet('clients')!;
    expect(clients.rowCount - 1).toBe(clientsBefore);
    // What was exported is exactly what the base held when the export began.
    const cells = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))));
    open.sqlite.prepare(`delete from clients where id = 'pendant-export'`).run();
    const now = exportTables(open.sqlite, TODAY);
    expect(cells(clients).map((r) => r.slice(0, 2))).toEqual(now.clients!.map((r) => r.slice(0, 2).map(String)));
    expect(workbook.getWorksheet('personnes')!.rowCount - 1).toBe(now.personnes!.length);
  }, 180_000);

  it('the command line’s folder of CSV files and its documents folder travel the same way; a missing attached file is an error on its cell', async () => {
    const original = await richDemo();
    const dir = join(tempDir(), 'export');
    mkdirSync(dir);
    const message = await writeExport(dir, exportEverything(original.sqlite, TODAY));
    expect(message).toContain('3 fichier(s) joint(s)');
    expect(readdirSync(join(dir, 'documents'))).toHaveLength(3);

    const copy = await start();
    const report = await copy.imports.importPath(dir, IMPORT);
    expect(report.erreurs.slice(0, 10)).toEqual([]);
    expectSameTables(original, copy);

    // Without the documents folder, each attached file is named in an error, and nothing is written.
    const bare = join(tempDir(), 'sans-documents');
    mkdirSync(bare);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(bare, f), readFileSync(join(dir, f)));
    }
    const empty = await start();
    const refused = await empty.imports.importPath(bare, IMPORT);
    expect(refused.ok).toBe(false);
    expect(refused.erreurs.filter((e) => e.feuille === 'documents_fichiers')).toHaveLength(3);
    expect(refused.erreurs.find((e) => e.feuille === 'documents_fichiers')?.message).toMatch(/^Fichier joint absent : « documents\//);
    expect(empty.sqlite.prepare('select count(*) from personnes').pluck().get()).toBe(0);
  }, 180_000);

  it('a parameter, setting or register row the screens would refuse is refused by the import, on its cell, and nothing is written', async () => {
    const open = await start();
    const dir = csvFolder({
      structure: [STRUCTURE_ROW],
      parametres: [
        { cle: 'h_ref', valide_du: '2025-01-01', valeur: '{"ACI":5}' },
        { cle: 'inconnu', valide_du: '2025-01-01', valeur: '3' },
        { cle: 'delai_cer_jours', valide_du: '2025-01-01', valeur: 'pas du JSON' },
      ],
      reglages: [{ cle: 'conservation_rgpd', valeur: '{"nonEmbaucheMois":1}' }],
      reponses_satisfaction: [{ ref: 'R1', date: '2025-02-30', public: 'salarie', note: '9' }],
    });
    const report = await open.imports.importPath(dir, IMPORT);
    expect(report.ok).toBe(false);
    expect(report.erreurs.map((e) => `${e.feuille}:${e.ligne}:${e.colonne}`).sort()).toEqual([
      'parametres:2:valeur',
      'parametres:3:cle',
      'parametres:4:valeur',
      'reglages:2:valeur',
      'reponses_satisfaction:2:date',
      'reponses_satisfaction:2:note',
    ]);
    expect(report.erreurs.find((e) => e.feuille === 'parametres' && e.ligne === 2)?.message).toMatch(/^Valeur refusée : /);
    expect(open.sqlite.prepare('select count(*) from structure').pluck().get()).toBe(0);
  });
});
