import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenRuntime } from '../../src-main/app-runtime';
import { IMPORT_LIMITS, type ImportReport } from '../../src-shared/import-format';
import { TestApp } from '../helpers/app';
import { appendCsv, EXEMPLE_2024, exampleCopy, importFolder, readCsv, tableCounts, writeCsv } from '../helpers/import';
import { tempDir } from '../helpers/temp';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

async function freshRuntime(): Promise<OpenRuntime> {
  app = await TestApp.start();
  return app.runtime.openOrNull()!;
}

function messages(report: ImportReport): string[] {
  return report.erreurs.map((e) => `${e.feuille}:${e.ligne}:${e.colonne ?? ''} ${e.message}`);
}

describe('import of the worked example (folder of CSV files)', () => {
  it('sets the structure up and rebuilds parcours, exits and summaries', async () => {
    const open = await freshRuntime();
    const report = await importFolder(open, EXEMPLE_2024);
    expect(messages(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, simulation: false, structureCreee: true });
    // The hours grid's monthly rule, said as the grid asks to confirm it: A1 starts on 15 January at 24 h a week.
    expect(report.avertissements).toContainEqual({
      feuille: 'heures',
      ligne: 2,
      colonne: 'heures',
      message: '100,00 h : au-delà de ce que permet un contrat de 24 h par semaine sur 17 jours (58,29 h). Confirmez si c’est exact.',
    });
    const counts = Object.fromEntries(report.feuilles.map((f) => [f.feuille, f.creees]));
    expect(counts).toMatchObject({ personnes: 6, accueils: 5, contrats: 4, heures: 30, sorties: 4, criteres: 7, cer: 3, bilans: 3 });
    expect(open.isSetUp()).toBe(false); // no account yet: the wizard still asks for the administrator
    const parcours = open.sqlite.prepare('select dispositif, date_debut, date_sortie, motif_sortie from parcours order by date_debut').all();
    expect(parcours).toEqual([
      { dispositif: 'ACI', date_debut: '2023-05-02', date_sortie: '2024-10-31', motif_sortie: '15' },
      { dispositif: 'ACI', date_debut: '2024-01-15', date_sortie: '2024-06-28', motif_sortie: '9' },
      { dispositif: 'ACI', date_debut: '2024-02-19', date_sortie: '2024-04-30', motif_sortie: '10' },
      { dispositif: 'AI', date_debut: '2024-03-25', date_sortie: '2024-07-15', motif_sortie: '7' },
    ]);
    // The exit ends the contract still running (A2 was planned until August).
    expect(open.sqlite.prepare("select date_fin_reelle from contrats where date_debut = '2024-02-19'").pluck().get()).toBe('2024-04-30');
    // A CER signed before the first contract belongs to the parcours that follows; the E3 one to its 2023 parcours.
    expect(open.sqlite.prepare('select p.date_debut from cer c join parcours p on p.id = c.parcours_id order by c.date_signature').pluck().all()).toEqual(['2023-05-02', '2024-01-15', '2024-02-19']);
    // Lists and search work on imported persons: latest-intake summary and the search index are filled.
    expect(open.sqlite.prepare("select derniere_decision, dernier_dispositif from personnes where nom = 'Arnaud'").get()).toEqual({ derniere_decision: 'entree', dernier_dispositif: 'ACI' });
    expect(open.sqlite.prepare("select count(*) from personnes_fts where personnes_fts match '\"arn\"*'").pluck().get()).toBe(1);
    expect(open.sqlite.prepare("select recherche from personnes where nom = 'Denis'").pluck().get()).toContain('999992810003');
    expect(open.sqlite.prepare("select valeur from parametres where cle = 'h_ref'").all()).toEqual([]);
    // The yearly figures of format v1 become annexes financières covering the calendar year (issue 15 §1).
    expect(
      open.sqlite
        .prepare('select a.mesure, a.numero, v.avenant, v.date_debut, v.date_fin, v.etp_conventionnes_dix_milliemes as etp from annexes_financieres a join annexes_financieres_versions v on v.annexe_id = a.id order by a.mesure')
        .all(),
    ).toEqual([
      { mesure: 'ACI_DC', numero: 'ACI 007 24 0100', avenant: 0, date_debut: '2024-01-01', date_fin: '2024-12-31', etp: 45_000 },
      { mesure: 'AI_DC', numero: 'AI 007 24 0101', avenant: 0, date_debut: '2024-01-01', date_fin: '2024-12-31', etp: 30_000 },
    ]);
    expect(open.sqlite.prepare("select detail from audit_log where entity = 'import'").pluck().get()).toContain('"personnes":{"creees":6');
  });

  it('is idempotent: importing the same files again updates by ref and creates nothing', async () => {
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    const before = tableCounts(open);
    const again = await importFolder(open, EXEMPLE_2024);
    expect(again.ok).toBe(true);
    expect(again.feuilles.every((f) => f.creees === 0 && f.misesAJour === f.lignes)).toBe(true);
    expect(tableCounts(open)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it('updates a changed row in place', async () => {
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    const dir = exampleCopy();
    writeCsv(dir, 'heures', readCsv(dir, 'heures').replace('A4;2024-04;40;CL-A', 'A4;2024-04;42,5;CL-A'));
    writeCsv(dir, 'personnes', readCsv(dir, 'personnes').replace('Arnaud;Julie', 'Arnaud-Roche;Julie'));
    const before = tableCounts(open);
    expect((await importFolder(open, dir)).ok).toBe(true);
    expect(tableCounts(open)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(open.sqlite.prepare("select centiemes from heures where date = '2024-04-01' and client_id is not null").pluck().get()).toBe(4250);
    expect(open.sqlite.prepare("select count(*) from personnes_fts where personnes_fts match '\"roche\"*'").pluck().get()).toBe(1);
  });

  it('previews without writing anything', async () => {
    const open = await freshRuntime();
    const before = tableCounts(open);
    const preview = await importFolder(open, EXEMPLE_2024, true);
    expect(preview).toMatchObject({ ok: true, simulation: true });
    expect(preview.feuilles.find((f) => f.feuille === 'personnes')?.creees).toBe(6);
    expect(tableCounts(open)).toEqual(before);
  });
});

describe('import errors: every one listed with sheet, line and column, nothing written', () => {
  const cases: Array<{ name: string; damage: (dir: string) => void; expected: string }> = [
    { name: 'a required column is missing', damage: (d) => writeCsv(d, 'clients', 'ref;type\nCL-A;particulier\n'), expected: 'clients:1:nom Colonne obligatoire absente : « nom ».' },
    { name: 'a date cannot be read', damage: (d) => writeCsv(d, 'personnes', readCsv(d, 'personnes').replace('02/05/1996', '31/02/1996')), expected: 'personnes:2:date_naissance « 31/02/1996 » n’est pas une date (JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ).' },
    { name: 'a code is unknown', damage: (d) => writeCsv(d, 'bilans', readCsv(d, 'bilans').replace('2024-04-10;etape', '2024-04-10;intermediaire')), expected: 'bilans:2:type « intermediaire » n’est pas une valeur connue. Valeurs possibles : entree, etape, prolongation, sortie.' },
    { name: 'a required cell is empty', damage: (d) => writeCsv(d, 'personnes', readCsv(d, 'personnes').replace('E2;M;Barre', 'E2;M;')), expected: 'personnes:3:nom Valeur obligatoire manquante.' },
    { name: 'a number cannot be read', damage: (d) => writeCsv(d, 'heures', readCsv(d, 'heures').replace('A1;2024-03;100', 'A1;2024-03;cent')), expected: 'heures:4:heures « cent » n’est pas un nombre.' },
    { name: 'a ref is used twice', damage: (d) => appendCsv(d, 'clients', 'CL-A;Autre client;entreprise'), expected: 'clients:4:ref La référence « CL-A » est déjà utilisée ligne 2.' },
    { name: 'a person ref is unknown', damage: (d) => appendCsv(d, 'bilans', 'E9;2024-05-01;etape'), expected: 'bilans:5:ref_personne Personne inconnue : aucune ligne de la feuille personnes n’a la référence « E9 ».' },
    { name: 'a contract ref is unknown', damage: (d) => appendCsv(d, 'heures', 'A9;2024-05;10;'), expected: 'heures:32:ref_contrat Contrat inconnu : aucune ligne de la feuille contrats n’a la référence « A9 ».' },
    { name: 'a client ref is unknown', damage: (d) => appendCsv(d, 'heures', 'A4;2024-07;10;CL-Z'), expected: 'heures:32:ref_client Client inconnu : aucune ligne de la feuille clients n’a la référence « CL-Z ».' },
    { name: 'an exit has no parcours open on its date', damage: (d) => appendCsv(d, 'sorties', 'E5;2024-08-01;7'), expected: 'sorties:6:date Aucun parcours de cette personne n’est ouvert le 01/08/2024 : la sortie ne peut pas être rattachée.' },
    { name: 'hours fall outside their contract', damage: (d) => appendCsv(d, 'heures', 'A1;2024-09;20;'), expected: 'heures:32:mois Ces heures (2024-09) tombent hors de la période du contrat A1 (du 15/01/2024 au 28/06/2024).' },
    // The hours grid's rules (plausibility.ts): a day holds 24 hours, a month what the contract's days in it hold.
    { name: 'a day of more than 24 hours', damage: (d) => writeCsv(d, 'heures', 'ref_contrat;mois;date;heures\nA1;;2024-05-14;26\n'), expected: 'heures:2:heures 26,00 h : une journée compte 24 heures.' },
    { name: 'hours give both a month and a day', damage: (d) => writeCsv(d, 'heures', 'ref_contrat;mois;date;heures\nA1;2024-01;2024-01-20;7\n'), expected: 'heures:2:mois Indiquez soit le mois (AAAA-MM), soit le jour, pas les deux.' },
    { name: 'a contract type does not exist in its dispositif', damage: (d) => writeCsv(d, 'contrats', readCsv(d, 'contrats').replace('A4;E4;AI;CDD_USAGE', 'A4;E4;AI;MISSION')), expected: 'contrats:5:type Un contrat MISSION ne se signe pas en AI.' },
    // The contract form's schema, with its words (issue 18 §1).
    {
      name: 'a contract planned to end before it starts',
      damage: (d) => writeCsv(d, 'contrats', readCsv(d, 'contrats').replace('A1;E1;ACI;CDDI;15/01/2024;2024-07-14;24', 'A1;E1;ACI;CDDI;15/01/2024;2023-07-14;24')),
      expected: 'contrats:2:date_fin_prevue La fin prévue doit suivre le début.',
    },
    {
      name: 'a contract of more than 48 hours a week',
      damage: (d) => writeCsv(d, 'contrats', readCsv(d, 'contrats').replace('A1;E1;ACI;CDDI;15/01/2024;2024-07-14;24', 'A1;E1;ACI;CDDI;15/01/2024;2024-07-14;50')),
      expected: 'contrats:2:heures_hebdo Au plus 48 heures par semaine.',
    },
    // The PASS form's schema and the PASS service's rules (issue 18 §1).
    { name: 'a PASS number of the wrong shape', damage: (d) => appendCsv(d, 'pass_iae', 'E5;99999-251;2024-06-01;2026-05-31'), expected: 'pass_iae:6:numero Numéro de PASS IAE invalide : 12 lettres ou chiffres.' },
    { name: 'a PASS number already given to another person', damage: (d) => appendCsv(d, 'pass_iae', 'E5;999992510000;2024-06-01;2026-05-31'), expected: 'pass_iae:6:numero Ce numéro de PASS IAE est déjà enregistré pour une autre personne.' },
    { name: 'a second PASS over the same period', damage: (d) => appendCsv(d, 'pass_iae', 'E1;999993510009;2025-01-15;2027-01-14'), expected: 'pass_iae:6:date_debut Période déjà couverte par un autre PASS.' },
    // The frein form's schema (issue 18 §1).
    { name: 'a frein lifted before it was identified', damage: (d) => appendCsv(d, 'freins', 'E2;heberg;2024-03-01;2024-02-01'), expected: "freins:5:date_levee Le frein ne peut pas être levé avant d'avoir été identifié." },
    { name: 'the SIRET is invalid', damage: (d) => writeCsv(d, 'structure', readCsv(d, 'structure').replace('52000001500013', '52000001500014')), expected: 'structure:2:siret SIRET invalide : « 52000001500014 » (14 chiffres, clé de contrôle).' },
    { name: 'a decision has no date', damage: (d) => writeCsv(d, 'accueils', readCsv(d, 'accueils').replace('sans_suite;2024-06-30', 'sans_suite;')), expected: 'accueils:5:date_decision Indiquez la date de la décision.' },
    {
      name: 'a decision before the first contact (the intake form’s rule)',
      damage: (d) => writeCsv(d, 'accueils', readCsv(d, 'accueils').replace('E2;2024-02-01;2024-02-01;;entree;2024-02-15', 'E2;2024-02-01;2024-02-01;;entree;2024-01-15')),
      expected: 'accueils:3:date_decision La décision ne peut pas précéder le premier contact.',
    },
    { name: 'a dated row belongs to a person without parcours', damage: (d) => appendCsv(d, 'bilans', 'E6;2024-12-20;entree'), expected: 'bilans:5:ref_personne Cette personne n’a aucun parcours (aucun contrat) : la ligne ne peut pas être rattachée.' },
    // The person form's rules, with its words (issue 18 §1): les-emplois refuses a candidate not over 16.
    {
      name: 'a person not over 16 years old',
      damage: (d) => writeCsv(d, 'personnes', readCsv(d, 'personnes').replace('02/05/1996', '02/05/2015')),
      expected: 'personnes:2:date_naissance La personne doit avoir plus de 16 ans (Code du travail, art. L4153-1) : vérifiez l’année de naissance.',
    },
    {
      name: 'a phone number the form refuses',
      damage: (d) => writeCsv(d, 'personnes', readCsv(d, 'personnes').replace(/orienteur\r?\n/, 'orienteur;telephone\r\n').replace(/50;03\r?\n/, '50;03;appeler le soir\r\n')),
      expected: 'personnes:2:telephone Numéro de téléphone invalide.',
    },
    {
      name: 'a France Travail id the form refuses',
      damage: (d) => writeCsv(d, 'personnes', readCsv(d, 'personnes').replace(/orienteur\r?\n/, 'orienteur;identifiant_ft\r\n').replace(/50;03\r?\n/, '50;03;12345\r\n')),
      expected: 'personnes:2:identifiant_ft Identifiant France Travail invalide : 7 chiffres suivis d’une lettre ou d’un chiffre, ou 11 chiffres.',
    },
    { name: 'a criterion is given twice', damage: (d) => appendCsv(d, 'criteres', 'E1;RSA'), expected: 'criteres:9:critere Le critère RSA est déjà indiqué pour cette personne.' },
    {
      name: 'a criterion line without criterion nor diagnosis date',
      damage: (d) => appendCsv(d, 'criteres', 'E1;'),
      expected: 'criteres:9:critere Valeur obligatoire manquante (ou indiquez la date du diagnostic qui n’a retenu aucun critère).',
    },
  ];

  for (const c of cases) {
    it(`${c.name}`, async () => {
      const open = await freshRuntime();
      const dir = exampleCopy();
      c.damage(dir);
      const before = tableCounts(open);
      const report = await importFolder(open, dir);
      expect(report.ok).toBe(false);
      expect(report.simulation).toBe(true);
      expect(messages(report)).toContain(c.expected);
      expect(tableCounts(open)).toEqual(before);
    });
  }

  it('a row refused by the app’s rules is the only error: the rows pointing at it get no « inconnu » or « aucun parcours » on top', async () => {
    const open = await freshRuntime();
    // A person under 16: their intake, PASS, contracts, hours, exits, bilans… all point at them.
    const young = exampleCopy();
    writeCsv(young, 'personnes', readCsv(young, 'personnes').replace('02/05/1996', '02/05/2015'));
    expect(messages(await importFolder(open, young))).toEqual([
      'personnes:2:date_naissance La personne doit avoir plus de 16 ans (Code du travail, art. L4153-1) : vérifiez l’année de naissance.',
    ]);
    // A person's only contract refused: their hours, exit and the rows placed on the parcours it would have opened.
    const longWeek = exampleCopy();
    writeCsv(longWeek, 'contrats', readCsv(longWeek, 'contrats').replace('A1;E1;ACI;CDDI;15/01/2024;2024-07-14;24', 'A1;E1;ACI;CDDI;15/01/2024;2024-07-14;50'));
    expect(messages(await importFolder(open, longWeek))).toEqual(['contrats:2:heures_hebdo Au plus 48 heures par semaine.']);
  });

  it('refuses the workbook of another structure', async () => {
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    const dir = exampleCopy();
    writeCsv(dir, 'structure', readCsv(dir, 'structure').replace('52000001500013', '73282932000074'));
    const report = await importFolder(open, dir);
    expect(messages(report)).toContain('structure:2:siret Ce classeur est celui d’une autre structure (SIRET 73282932000074, la base est celle du SIRET 52000001500013).');
  });

  it('puts every contract through the contract form’s rules: what they would block today is kept as history, with its reason (issue 18 §1)', async () => {
    const open = await freshRuntime();
    const clean = await importFolder(open, EXEMPLE_2024);
    expect(clean.avertissements.filter((w) => w.feuille === 'contrats')).toEqual([]);
    const dir = exampleCopy();
    // 12 hours a week in an ACI CDDI, without the prefect's derogation: refused on the form.
    writeCsv(dir, 'contrats', readCsv(dir, 'contrats').replace('A1;E1;ACI;CDDI;15/01/2024;2024-07-14;24', 'A1;E1;ACI;CDDI;15/01/2024;2024-07-14;12'));
    const report = await importFolder(open, dir);
    expect(messages(report)).toEqual([]);
    const rule = 'En ACI, un CDDI compte au moins 20 heures par semaine, sauf dérogation préfectorale (à cocher).';
    expect(report.avertissements.filter((w) => w.feuille === 'contrats')).toEqual([{ feuille: 'contrats', ligne: 2, colonne: null, message: `Accepté comme historique, règle non respectée : ${rule}` }]);
    const stored = open.sqlite.prepare("select c.heures_hebdo, c.avertissements from contrats c join import_refs r on r.entity_id = c.id where r.feuille = 'contrats' and r.ref = 'A1'").get() as { heures_hebdo: number; avertissements: string };
    expect(stored.heures_hebdo).toBe(1200);
    expect(JSON.parse(stored.avertissements)).toEqual([`Accepté comme historique, règle non respectée : ${rule}`]);
    // The same contract typed on the form is refused by the same rule.
    const parcoursId = open.sqlite.prepare("select parcours_id from contrats c join import_refs r on r.entity_id = c.id where r.ref = 'A1'").pluck().get() as string;
    const onForm = open.parcours.check({ id: null, parcoursId, type: 'CDDI', dateDebut: '2024-01-15', dateFinPrevue: '2024-07-14', dateFinReelle: null, heuresHebdo: 12, derogations: [] }, '2026-03-02');
    expect(onForm.bloquants).toContain(rule);
  });

  it('writes persons through the person service: its rules, and a person of the base keeps what the file does not name (issue 18 §1)', async () => {
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    const arnaud = open.sqlite.prepare("select entity_id from import_refs where feuille = 'personnes' and ref = 'E1'").pluck().get() as string;
    // Entered on the form after the first import: a phone number and a postal code the file has no column for.
    open.personnes.update(arnaud, { ...open.personnes.fieldsOf(arnaud), telephone: '06 11 22 33 44', codePostal: '07000' }, { nir: true, sensibles: true }, new Date());
    const dir = exampleCopy();
    // The next file renames her and gives a postal code as Excel shows a number cell (01000 → 1000).
    writeCsv(dir, 'personnes', readCsv(dir, 'personnes').replace(/orienteur\r?\n/, 'orienteur;code_postal\r\n').replace(/E1;MME;Arnaud;Julie;02\/05\/1996;50;03\r?\n/, 'E1;MME;Arnaud-Vidal;Julie;02/05/1996;50;03;1000\r\n'));
    const report = await importFolder(open, dir);
    expect(messages(report)).toEqual([]);
    expect(open.sqlite.prepare('select nom, telephone, code_postal, nom_tri, cle_doublon is not null as cle from personnes where id = ?').get(arnaud)).toEqual({
      nom: 'Arnaud-Vidal',
      telephone: '06 11 22 33 44',
      code_postal: '01000',
      nom_tri: expect.stringContaining('arnaud'),
      cle: 1,
    });
    // A value stored before the rule existed (an older import), in a column the next file does not have: kept as it
    // is rather than refusing the file for it.
    open.sqlite.prepare("update personnes set telephone = 'appeler le soir' where id = ?").run(arnaud);
    const again = await importFolder(open, dir);
    expect(messages(again)).toEqual([]);
    expect(open.sqlite.prepare('select telephone from personnes where id = ?').pluck().get(arnaud)).toBe('appeler le soir');
    // The birth-date rule is the service's: the form's route (which calls it) says the same words on the same field.
    const refused = (() => {
      try {
        open.personnes.update(arnaud, { ...open.personnes.fieldsOf(arnaud), dateNaissance: '2015-05-02' }, { nir: true, sensibles: true }, new Date('2026-03-02T09:00:00Z'));
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toMatchObject({ code: 'VALIDATION', fields: { dateNaissance: 'La personne doit avoir plus de 16 ans (Code du travail, art. L4153-1) : vérifiez l’année de naissance.' } });
  });

  it('keeps as history a month with more hours than its contract’s days hold, which the grid refuses today (issue 18 §1)', async () => {
    const open = await freshRuntime();
    const dir = exampleCopy();
    writeCsv(dir, 'heures', readCsv(dir, 'heures').replace('A2;2024-02;90', 'A2;2024-02;300'));
    const report = await importFolder(open, dir);
    expect(messages(report)).toEqual([]);
    expect(report.avertissements).toContainEqual({
      feuille: 'heures',
      ligne: 8,
      colonne: 'heures',
      message: 'Accepté comme historique, règle non respectée : 300,00 h : plus d’heures que les 11 jours du contrat dans le mois n’en comptent (264 h).',
    });
  });

  it('refuses hours that would change a closed month', async () => {
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    open.sqlite.prepare("insert into mois_clotures (mois, cloture_le) values ('2024-04', '2024-05-05T10:00:00Z')").run();
    const dir = exampleCopy();
    writeCsv(dir, 'heures', readCsv(dir, 'heures').replace('A1;2024-04;100', 'A1;2024-04;110'));
    const report = await importFolder(open, dir);
    expect(messages(report)).toContain('heures:5:heures Le mois 04/2024 est clôturé : ses heures ne peuvent plus être modifiées.');
    expect(open.sqlite.prepare("select sum(centiemes) from heures where date = '2024-04-01'").pluck().get()).toBe(27500);
  });

  it('is all or nothing: an error on the last row of the last sheet leaves the database untouched', async () => {
    const open = await freshRuntime();
    const dir = exampleCopy();
    appendCsv(dir, 'sorties', 'E4;2024-07-20;99');
    const before = tableCounts(open);
    const report = await importFolder(open, dir);
    expect(report.nombreErreurs).toBe(1);
    expect(report.erreurs[0]).toMatchObject({ feuille: 'sorties', ligne: 6, colonne: 'motif' });
    expect(tableCounts(open)).toEqual(before);
    // A placement error found while writing (the exit is read but has nowhere to go) rolls back too.
    const dir2 = exampleCopy();
    appendCsv(dir2, 'sorties', 'E6;2024-12-20;7');
    expect((await importFolder(open, dir2)).ok).toBe(false);
    expect(tableCounts(open)).toEqual(before);
  });
});

describe('damaged or foreign files get one clear error, in bounded time', () => {
  async function importOne(name: string, bytes: Buffer | string): Promise<ImportReport> {
    const open = await freshRuntime();
    const dir = tempDir();
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return importFolder(open, path);
  }

  it('a binary file named .csv', async () => {
    const report = await importOne('personnes.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    expect(messages(report)).toEqual(['personnes:0: « personnes.csv » n’est pas un fichier texte CSV (contenu binaire).']);
  });

  it('a CSV saved in Windows-1252 instead of UTF-8 is read as such, and said (issue 16 §1)', async () => {
    const report = await importOne('personnes.csv', Buffer.from('ref;civilite;nom;prenom;date_naissance\nP1;MME;H\xe9lo\xefse;Anne;01/01/1990\n', 'latin1'));
    // Read (the accents are right), and said; the only error left is this base's (no structure sheet).
    expect(report.erreurs.map((e) => e.message)).toEqual(['La base est vide : le classeur doit contenir la feuille « structure » (nom, SIRET, département).']);
    expect(report.avertissements[0]?.message).toMatch(/encodé en Windows-1252.*lu comme tel/);
  });

  it('random bytes named .xlsx, and a text file named .xlsx', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await importOne('classeur.xlsx', garbage)).erreurs[0]?.message).toBe('« classeur.xlsx » n’est pas un classeur Excel lisible (fichier endommagé ou d’un autre format).');
    app?.close();
    expect((await importOne('classeur.xlsx', 'nom;siret\n')).erreurs[0]?.message).toBe('« classeur.xlsx » n’est pas un classeur Excel lisible (fichier endommagé ou d’un autre format).');
  });

  it('a file that is neither a workbook nor a CSV', async () => {
    const report = await importOne('photo.jpg', Buffer.from([0xff, 0xd8, 0xff]));
    expect(report.erreurs[0]?.message).toBe('Format non reconnu : choisissez un classeur Excel (.xlsx) ou LibreOffice (.ods), des fichiers .csv ou l’archive .zip d’un export.');
  });

  it('a sheet of 100 000 garbage rows: errors counted, the list capped, in a few seconds', async () => {
    const lines = ['ref;civilite;nom;prenom;date_naissance'];
    for (let i = 0; i < 100_000; i++) lines.push(`x${i};??;${'#'.repeat(i % 50)};;pas une date`);
    const started = performance.now();
    const report = await importOne('personnes.csv', lines.join('\n'));
    const elapsed = performance.now() - started;
    expect(report.ok).toBe(false);
    expect(report.nombreErreurs).toBeGreaterThanOrEqual(300_000);
    expect(report.erreurs).toHaveLength(IMPORT_LIMITS.maxListedErrors);
    expect(elapsed).toBeLessThan(15_000);
  });

  it('a missing path', async () => {
    const open = await freshRuntime();
    const report = await importFolder(open, '/nulle/part/classeur.xlsx');
    expect(report.erreurs[0]?.message).toBe('Fichier ou dossier introuvable : /nulle/part/classeur.xlsx');
  });
});

describe('export and template', () => {
  it('round trip: import → export (.xlsx) → import into a new file → export gives the same files', async () => {
    const { exportTables } = await import('../../src-main/services/import/workbook-export');
    const { workbookBuffer, writeCsvFolder } = await import('../../src-main/services/import/workbook-writer');
    const { readdirSync, readFileSync } = await import('node:fs');
    const first = await freshRuntime();
    await importFolder(first, EXEMPLE_2024);
    const tables = exportTables(first.sqlite, '2026-03-02');
    const xlsx = join(tempDir(), 'export.xlsx');
    writeFileSync(xlsx, await workbookBuffer(tables));
    const firstIndicators = first.indicators.compute(2024).indicateurs;
    app!.close();
    const second = await freshRuntime();
    const report = await importFolder(second, xlsx);
    expect(messages(report)).toEqual([]);
    const a = tempDir();
    const b = tempDir();
    writeCsvFolder(a, tables);
    writeCsvFolder(b, exportTables(second.sqlite, '2026-03-02'));
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
    expect(second.indicators.compute(2024).indicateurs).toEqual(firstIndicators);
  });

  it('CSV exports neutralise formulas (CSV injection) and the import reads them back as they were (issue 16 §5)', async () => {
    const { exportTables } = await import('../../src-main/services/import/workbook-export');
    const { writeCsvFolder } = await import('../../src-main/services/import/workbook-writer');
    const { readFileSync } = await import('node:fs');
    const first = await freshRuntime();
    await importFolder(first, EXEMPLE_2024);
    const hostile = { nom: '=HYPERLINK("http://x.example";"Cliquez")', prenom: '+33 6 12 34 56 78', commune: '@SUM(A1:A9)' };
    const id = (first.sqlite.prepare('select id from personnes order by id limit 1').get() as { id: string }).id;
    first.sqlite.prepare('update personnes set nom = ?, prenom = ?, commune = ? where id = ?').run(hostile.nom, hostile.prenom, hostile.commune, id);
    const dir = tempDir();
    writeCsvFolder(dir, exportTables(first.sqlite, '2026-03-02'));
    const text = readFileSync(join(dir, 'personnes.csv'), 'utf8');
    // Not one cell of the file starts with a formula character once unquoted.
    const cells = text.split(/\r\n/).flatMap((line) => line.split(';')).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+@\t]/.test(c))).toEqual([]);
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"";""Cliquez"")"`);
    // The monthly statement for the ASP too.
    const month = (first.sqlite.prepare('select substr(min(date), 1, 7) as m from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where p.personne_id = ?').get(id) as { m: string | null }).m;
    if (month) expect(first.etatMensuel.csv(month, true).content).toContain("'=HYPERLINK(");
    app!.close();
    const second = await freshRuntime();
    expect((await importFolder(second, dir)).ok).toBe(true);
    expect(second.sqlite.prepare('select nom, prenom, commune from personnes where nom like ?').get('%HYPERLINK%')).toEqual(hostile);
  });

  it('rows created in the app are exported with their id as ref, and re-importing them updates them', async () => {
    const { exportTables } = await import('../../src-main/services/import/workbook-export');
    const { writeCsvFolder } = await import('../../src-main/services/import/workbook-writer');
    const open = await freshRuntime();
    await importFolder(open, EXEMPLE_2024);
    open.sqlite.prepare("delete from import_refs where feuille = 'personnes'").run();
    const dir = tempDir();
    writeCsvFolder(dir, exportTables(open.sqlite, '2026-03-02'));
    const before = tableCounts(open);
    const report = await importFolder(open, dir);
    expect(report.ok).toBe(true);
    expect(report.feuilles.find((f) => f.feuille === 'personnes')).toMatchObject({ creees: 0, misesAJour: 6 });
    expect(tableCounts(open)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it('the template workbook imports cleanly into a new database', async () => {
    const { templateWorkbook } = await import('../../src-main/services/import/import-template');
    const open = await freshRuntime();
    const path = join(tempDir(), 'modele.xlsx');
    writeFileSync(path, await templateWorkbook());
    const report = await importFolder(open, path, true);
    expect(messages(report)).toEqual([]);
    expect(report.avertissements).toEqual([]);
    expect(report.feuilles.map((f) => f.feuille)).toContain('sorties');
  });
});
