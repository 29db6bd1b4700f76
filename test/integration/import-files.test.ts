/**
 * The import reads what people have (issue 16 §1), files written by other tools than the app's own library: CSV
 * from LibreOffice in French, Excel's Windows-1252 « CSV (séparateur : point-virgule) » and UTF-16 « Texte Unicode »
 * (fixtures under test/fixtures/files), and the app's template opened and saved by openpyxl with notes, a hidden
 * sheet, a real date cell, a bare Excel serial and a formula saved without its result.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { templateWorkbook } from '../../src-main/services/import/import-template';
import { TestApp } from '../helpers/app';
import { importFolder } from '../helpers/import';
import { REPO_ROOT, tempDir } from '../helpers/temp';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const FILES = join(REPO_ROOT, 'test', 'fixtures', 'files');
const RESAVE = join(REPO_ROOT, 'test', 'fixtures', 'writers', 'openpyxl-resave.py');
const ODFPY = join(REPO_ROOT, 'test', 'fixtures', 'writers', 'odfpy-write.py');

async function fresh() {
  app = await TestApp.start();
  await app.setUp();
  return app.runtime.openOrNull()!;
}

function persons(open: Awaited<ReturnType<typeof fresh>>) {
  return open.sqlite.prepare("select nom, prenom, date_naissance as naissance, commune from personnes where nom not in ('Exemple') order by nom").all();
}

describe('CSV as spreadsheets write them', () => {
  for (const [file, warning] of [
    ['personnes-libreoffice.csv', null],
    ['personnes-excel-1252.csv', /Windows-1252/],
    ['personnes-excel-unicode.csv', null],
  ] as const) {
    it(`${file}: accents, two-digit years and the separator are read right`, async () => {
      const open = await fresh();
      const dir = tempDir();
      copyFileSync(join(FILES, file), join(dir, 'personnes.csv'));
      const report = await importFolder(open, dir);
      expect(report.erreurs).toEqual([]);
      if (warning) expect(report.avertissements.map((a) => a.message).join(' ')).toMatch(warning);
      expect(persons(open)).toEqual([
        { nom: 'Héloïse', prenom: 'Zoé', naissance: '1988-04-12', commune: 'Privas' },
        { nom: 'Núñez-Lefèvre', prenom: 'François', naissance: '2001-11-03', commune: 'Aubenas' },
      ]);
    });
  }
});

describe('codes that lost their leading zero in a number cell', () => {
  it('are read with their zero, and each is said in a warning', async () => {
    const open = await fresh();
    const dir = tempDir();
    writeFileSync(join(dir, 'personnes.csv'), 'ref;civilite;nom;prenom;date_naissance;code_postal;orienteur\nP-20;MME;Roux;Lise;01/02/1990;7000;9\n');
    const report = await importFolder(open, dir);
    expect(report.erreurs).toEqual([]);
    expect(report.avertissements.map((a) => `${a.colonne} ${a.message}`)).toEqual([
      'code_postal Code postal « 7000 » lu comme « 07000 » : le zéro initial a sans doute été perdu par le tableur.',
      'orienteur « 9 » lu comme le code « 09 » : le zéro initial a sans doute été perdu par le tableur.',
    ]);
    expect(open.sqlite.prepare("select code_postal, orienteur from personnes where nom = 'Roux'").get()).toEqual({ code_postal: '07000', orienteur: '09' });
  });
});

describe('the template saved by openpyxl', () => {
  async function resaved(rows: Record<string, unknown[][]>): Promise<string> {
    const dir = tempDir();
    writeFileSync(join(dir, 'modele.xlsx'), await templateWorkbook());
    writeFileSync(join(dir, 'rows.json'), JSON.stringify(rows));
    execFileSync('/usr/bin/python3', [RESAVE, join(dir, 'modele.xlsx'), join(dir, 'classeur.xlsx'), join(dir, 'rows.json')]);
    return join(dir, 'classeur.xlsx');
  }

  it('with notes and a hidden sheet, dates as date cells and as bare serial numbers, imports as written', async () => {
    const file = await resaved({
      personnes: [
        ['P-2', 'M', 'Martin', 'Paul', { date: '1988-04-12' }, '07000', 'Privas'],
        ['P-3', 'MME', 'Durand', 'Léa', { serial: '1995-06-30' }, '07000', 'Privas'],
      ],
    });
    const open = await fresh();
    const report = await importFolder(open, file);
    expect(report.erreurs).toEqual([]);
    expect(persons(open)).toEqual(
      expect.arrayContaining([
        { nom: 'Martin', prenom: 'Paul', naissance: '1988-04-12', commune: 'Privas' },
        { nom: 'Durand', prenom: 'Léa', naissance: '1995-06-30', commune: 'Privas' },
      ]),
    );
  });

  it('a formula saved without its result is an error on its cell, never a silent empty', async () => {
    const file = await resaved({ personnes: [['P-4', 'M', 'Roux', 'Jean', { formula: '=DATE(1990;1;1)' }, '07000', 'Privas']] });
    const open = await fresh();
    const report = await importFolder(open, file);
    expect(report.ok).toBe(false);
    expect(report.erreurs).toEqual([expect.objectContaining({ feuille: 'personnes', colonne: 'date_naissance', message: expect.stringMatching(/Formule « =DATE\(1990;1;1\) » sans résultat enregistré/) })]);
    expect(open.sqlite.prepare("select count(*) from personnes where nom = 'Roux'").pluck().get()).toBe(0);
  });
});

describe('a LibreOffice spreadsheet (.ods) written by odfpy', () => {
  function ods(sheets: Record<string, unknown[][]>): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'sheets.json'), JSON.stringify(sheets));
    execFileSync('/usr/bin/python3', [ODFPY, join(dir, 'classeur.ods'), join(dir, 'sheets.json')]);
    return join(dir, 'classeur.ods');
  }
  const STRUCTURE = [['nom', 'siret', 'departement'], ['Chantier des Coteaux', '52000001500013', { float: 7 }]];
  const PERSONNES_HEADER = ['ref', 'civilite', 'nom', 'prenom', 'date_naissance', 'code_postal', 'commune', 'qpv'];

  it('date cells, numbers, booleans, notes, repeated empty rows and an unknown sheet: imported as written', async () => {
    const file = ods({
      structure: STRUCTURE,
      personnes: [PERSONNES_HEADER, ['P-1', 'MME', 'Lefèvre', 'Anne  Marie', { date: '1988-04-12' }, { float: 7000 }, 'Privas', { bool: true }], ['P-2', 'M', 'Martin', 'Paul', '12/04/88', '07000', 'Privas', null]],
      contrats: [
        ['ref', 'ref_personne', 'kind', 'type', 'date_debut', 'date_fin_prevue', 'heures_hebdo'],
        ['C-1', 'P-1', 'ACI', 'CDDI', { date: '2024-01-15' }, { date: '2024-07-14' }, { float: 26.5 }],
      ],
      dispositifs: [['kind', 'annee'], ['ACI', { float: 2024 }]],
    });
    const open = await fresh();
    const report = await importFolder(open, file);
    expect(report.erreurs).toEqual([]);
    expect(report.avertissements.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('« Feuille3 »'), expect.stringContaining('« 7000 » lu comme « 07000 »')]),
    );
    expect(open.sqlite.prepare('select nom, prenom, date_naissance, code_postal, qpv from personnes order by nom').all()).toEqual([
      { nom: 'Lefèvre', prenom: 'Anne  Marie', date_naissance: '1988-04-12', code_postal: '07000', qpv: 1 },
      { nom: 'Martin', prenom: 'Paul', date_naissance: '1988-04-12', code_postal: '07000', qpv: 0 },
    ]);
    expect(open.sqlite.prepare('select date_debut, date_fin_prevue, heures_hebdo from contrats').get()).toEqual({ date_debut: '2024-01-15', date_fin_prevue: '2024-07-14', heures_hebdo: 2650 });
  });

  it('a formula saved without its result is an error on its cell; a damaged .ods gets one clear message', async () => {
    const file = ods({ structure: STRUCTURE, personnes: [PERSONNES_HEADER, ['P-4', 'M', 'Roux', 'Jean', { formula: 'of:=DATE(1990;1;1)' }, '07000', 'Privas', null]] });
    const open = await fresh();
    const report = await importFolder(open, file);
    expect(report.erreurs).toEqual([expect.objectContaining({ feuille: 'personnes', ligne: 2, colonne: 'date_naissance', message: expect.stringMatching(/Formule « =DATE\(1990;1;1\) » sans résultat enregistré/) })]);
    expect(open.sqlite.prepare('select count(*) from personnes').pluck().get()).toBe(0);

    const damaged = join(tempDir(), 'abime.ods');
    writeFileSync(damaged, readFileSync(file).subarray(0, 400));
    const refused = await importFolder(open, damaged);
    expect(refused.erreurs.map((e) => e.message)).toEqual([expect.stringMatching(/^« abime\.ods » n’est pas un classeur LibreOffice lisible|est un classeur fabriqué ou endommagé/)]);
  });
});

describe('the export as a typed workbook (issue 16 §4)', () => {
  it('dates are date cells, hours numbers, codes text with a list to pick from; openpyxl reads it so', async () => {
    const { exportTables } = await import('../../src-main/services/import/workbook-export');
    const { workbookBuffer } = await import('../../src-main/services/import/workbook-writer');
    const { EXEMPLE_2024 } = await import('../helpers/import');
    const open = await fresh();
    await importFolder(open, EXEMPLE_2024);
    const file = join(tempDir(), 'export.xlsx');
    writeFileSync(file, await workbookBuffer(exportTables(open.sqlite, '2026-03-02')));
    // Read by another library than the app's.
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'p = wb["personnes"]; h = wb["heures"]; c = wb["Codes"]',
      'head = [x.value for x in p[1]]; hh = [x.value for x in h[1]]',
      'row = [x.value for x in p[2]]; hrow = [x.value for x in h[2]]',
      'lists = [str(v.sqref) + " " + v.formula1 for v in p.data_validations.dataValidation]',
      // Each list points at the Codes column of that very column's values (its header), not at the labels beside it.
      'import re',
      'pairs = [[p[re.match(r"[A-Z]+", str(v.sqref)).group(0) + "1"].value, c[re.search(r"\\$([A-Z]+)\\$2", v.formula1).group(1) + "1"].value] for v in p.data_validations.dataValidation]',
      'print(json.dumps({"naissance": type(row[head.index("date_naissance")]).__name__, "heures": type(hrow[hh.index("heures")]).__name__,',
      '  "civilite": row[head.index("civilite")], "numfmt": p.cell(2, head.index("date_naissance") + 1).number_format, "lists": lists,',
      '  "pairs": pairs, "codes": c.sheet_state, "codes_header": [x.value for x in c[1]][:4], "first_codes": [[x.value for x in r] for r in c.iter_rows(min_row=2, max_row=3, max_col=4)]}))',
    ].join('\n');
    const seen = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(seen).toMatchObject({ naissance: 'datetime', civilite: 'MME', numfmt: 'dd/mm/yyyy', codes: 'hidden' });
    expect(['int', 'float']).toContain(seen.heures); // a number a spreadsheet can sum, not text
    expect((seen.lists as string[]).some((l) => /^B2:B\d+ 'Codes'!\$\w+\$2:\$\w+\$\d+$/.test(l))).toBe(true);
    expect((seen.pairs as string[][]).length).toBeGreaterThan(3);
    for (const [column, codes] of seen.pairs as string[][]) expect(codes).toBe(`personnes.${column}`);
    expect(seen.codes_header).toEqual(['dispositifs.kind', 'libellé', 'annexes_financieres.mesure', 'libellé']);
    expect(JSON.stringify(seen.first_codes)).toMatch(/Association intermédiaire|Atelier et chantier/);
    // And it imports back into an empty base as the same data (the CSV round trip of import.test.ts).
    app!.close();
    const second = await fresh();
    expect((await importFolder(second, file)).erreurs).toEqual([]);
  }, 60_000);
});
