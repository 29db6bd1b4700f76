/**
 * Issue 16 §2: the export a structure downloads from Les emplois de l'inclusion, written as les-emplois writes it
 * (openpyxl, one sheet « Sheet », the exact JOB_APPLICATION_CSV_HEADERS, text cells), is imported as it is: persons
 * matched, intakes with their decision and reason, orienteur, PASS IAE, hires as contracts to complete; masked
 * identities left with their reason; a preview first; a later export updates without duplicates.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenRuntime } from '../../src-main/app-runtime';
import type { ImportReport } from '../../src-shared/import-format';
import { TestApp } from '../helpers/app';
import { csvFolder, importFolder, tableCounts } from '../helpers/import';
import { REPO_ROOT, tempDir } from '../helpers/temp';

const WRITER = join(REPO_ROOT, 'test', 'fixtures', 'writers', 'lei-export.py');
const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'files', 'lei-candidatures.xlsx');

interface Application {
  civilite?: string;
  nom: string;
  prenom: string;
  naissance?: string;
  source: string;
  organisation?: string;
  date: string;
  statut: string;
  debut?: string;
  fin?: string;
  refus?: string;
  type?: string;
  pass?: [string, string, string];
}

/** A line in JOB_APPLICATION_CSV_HEADERS' order, as `_serialize_job_application` writes it. */
function line(a: Application): string[] {
  return [
    a.civilite ?? '',
    a.nom,
    a.prenom,
    a.naissance ? `${a.prenom.toLowerCase()}@exemple.fr` : '',
    a.naissance ? '06 12 34 56 78' : '',
    a.naissance ?? '',
    a.naissance ? 'Privas' : '',
    a.naissance ? '07000' : '',
    'Chantier des Coteaux',
    a.type ?? 'ACI',
    'Agent d’entretien des espaces verts',
    a.source,
    a.organisation ?? '',
    a.organisation ? 'Julie Martin' : '',
    a.date,
    a.statut,
    a.debut ?? '',
    a.fin ?? '',
    a.refus ?? '',
    a.pass ? 'oui' : 'non',
    'non',
    a.pass?.[0] ?? '',
    a.pass?.[1] ?? '',
    a.pass?.[2] ?? '',
    a.pass ? 'Valide' : '',
  ];
}

function leiExport(applications: Application[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'rows.json'), JSON.stringify(applications.map(line)));
  const file = join(dir, 'export_candidatures.xlsx');
  execFileSync('/usr/bin/python3', [WRITER, file, join(dir, 'rows.json')]);
  return file;
}

const ANNE: Application = {
  civilite: 'MME', nom: 'Lefèvre', prenom: 'Anne', naissance: '12/04/1988', source: 'Prescripteur habilité', organisation: 'France Travail Privas',
  date: '05/01/2026', statut: 'Candidature acceptée', debut: '19/01/2026', fin: '18/07/2026', pass: ['999992612345', '19/01/2026', '18/01/2028'],
};
const PAUL: Application = { civilite: 'M', nom: 'Martin', prenom: 'Paul', naissance: '03/09/1979', source: 'Orienteur', organisation: 'Secours populaire', date: '10/01/2026', statut: 'Candidature déclinée', refus: 'Candidat non mobile' };
const MASKED: Application = { nom: 'J…', prenom: 'D…', source: 'Candidature spontanée', date: '12/01/2026', statut: 'Nouvelle candidature' };
const LISE: Application = { civilite: 'MME', nom: 'Roux', prenom: 'Lise', naissance: '21/06/2001', source: 'Candidature spontanée', date: '20/01/2026', statut: 'Candidature à l’étude' };

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

async function setUpStructure(): Promise<OpenRuntime> {
  const app = await TestApp.start();
  apps.push(app);
  await app.setUp(); // ACI and AI
  return app.runtime.openOrNull()!;
}

const run = (open: OpenRuntime, file: string, dryRun = false): Promise<ImportReport> =>
  open.imports.importPath(file, { dryRun, now: new Date('2026-02-01T09:00:00Z'), user: null, route: 'test' });
const counts = (report: ImportReport) => Object.fromEntries(report.feuilles.map((f) => [f.feuille, [f.creees, f.misesAJour]]));

describe('import of an export of Les emplois de l’inclusion (issue 16 §2)', () => {
  it('the real-shaped fixture (LEI’s exact headers, text cells) imports as it is', async () => {
    const script = "import openpyxl,sys,json; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([ws.title,[c.value for c in ws[1]]]))";
    const [title, headers] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, FIXTURE], { encoding: 'utf8' })) as [string, string[]];
    expect(title).toBe('Sheet');
    expect(headers).toHaveLength(25);
    expect(headers.slice(0, 3)).toEqual(['Civilité candidat', 'Nom candidat', 'Prénom candidat']);
    const open = await setUpStructure();
    const report = await run(open, FIXTURE);
    expect(report.erreurs).toEqual([]);
    expect(counts(report)).toEqual({ personnes: [3, 0], accueils: [3, 0], pass_iae: [1, 0], contrats: [1, 0] });
  });

  it('a preview says what will be created and what is left, and writes nothing; the import then writes exactly that', async () => {
    const open = await setUpStructure();
    const file = leiExport([ANNE, PAUL, MASKED, LISE]);
    const before = tableCounts(open);
    const preview = await run(open, file, true);
    expect(preview.erreurs).toEqual([]);
    expect(preview.simulation).toBe(true);
    expect(counts(preview)).toEqual({ personnes: [3, 0], accueils: [3, 0], pass_iae: [1, 0], contrats: [1, 0] });
    expect(preview.avertissements[0]?.message).toMatch(/^Export des emplois de l’inclusion reconnu \(export_candidatures\.xlsx, feuille « Sheet », 4 candidatures\)/);
    expect(preview.avertissements).toContainEqual(expect.objectContaining({ ligne: 4, message: expect.stringMatching(/^Ligne laissée : identité masquée/) }));
    expect(tableCounts(open)).toEqual(before);

    const report = await run(open, file);
    expect(report.ok).toBe(true);
    expect(counts(report)).toEqual(counts(preview));
    const persons = open.sqlite.prepare('select nom, prenom, civilite, date_naissance, orienteur, email, code_postal from personnes order by nom').all();
    expect(persons).toEqual([
      { nom: 'Lefèvre', prenom: 'Anne', civilite: 'MME', date_naissance: '1988-04-12', orienteur: '03', email: 'anne@exemple.fr', code_postal: '07000' },
      { nom: 'Martin', prenom: 'Paul', civilite: 'M', date_naissance: '1979-09-03', orienteur: '08', email: 'paul@exemple.fr', code_postal: '07000' },
      { nom: 'Roux', prenom: 'Lise', civilite: 'MME', date_naissance: '2001-06-21', orienteur: '07', email: 'lise@exemple.fr', code_postal: '07000' },
    ]);
    const intakes = open.sqlite.prepare('select p.nom, a.date_premier_contact, a.canal, a.decision, a.date_decision, a.motif_decision, a.dispositif from accueils a join personnes p on p.id = a.personne_id order by p.nom').all();
    expect(intakes).toEqual([
      { nom: 'Lefèvre', date_premier_contact: '2026-01-05', canal: 'prescription', decision: 'entree', date_decision: '2026-01-19', motif_decision: null, dispositif: 'ACI' },
      { nom: 'Martin', date_premier_contact: '2026-01-10', canal: 'prescription', decision: 'reorientation', date_decision: '2026-01-10', motif_decision: 'not_mobile', dispositif: null },
      { nom: 'Roux', date_premier_contact: '2026-01-20', canal: 'prescription', decision: null, date_decision: null, motif_decision: null, dispositif: null },
    ]);
    expect(open.sqlite.prepare('select numero, date_debut, date_fin from pass_iae').all()).toEqual([{ numero: '999992612345', date_debut: '2026-01-19', date_fin: '2028-01-18' }]);
    // The hire: a contract to complete (type by default for the dispositif, no weekly hours), in a new ACI parcours.
    expect(open.sqlite.prepare('select p.dispositif, c.type, c.date_debut, c.date_fin_prevue, c.heures_hebdo from contrats c join parcours p on p.id = c.parcours_id').all()).toEqual([
      { dispositif: 'ACI', type: 'CDDI', date_debut: '2026-01-19', date_fin_prevue: '2026-07-18', heures_hebdo: null },
    ]);
    // Masked initials are never stored as a name.
    expect(open.sqlite.prepare("select count(*) from personnes where nom like '%…%'").pluck().get()).toBe(0);
  });

  it('a later export updates: same persons, a new hire, a decision changed, nothing twice; a person entered before is matched', async () => {
    const open = await setUpStructure();
    // Paul was entered in the app before LEI (by name and birth date), Anne's PASS is known.
    const earlier = await importFolder(open, csvFolder({ personnes: [{ ref: 'P-1', civilite: 'M', nom: 'MARTIN', prenom: 'paul', date_naissance: '03/09/1979', telephone: '04 75 00 00 00' }] }));
    expect(earlier.ok).toBe(true);
    await run(open, leiExport([ANNE, PAUL, MASKED, LISE]));
    expect(open.sqlite.prepare('select count(*) from personnes').pluck().get()).toBe(3);
    expect(open.sqlite.prepare("select telephone from personnes where nom = 'Martin'").pluck().get()).toBe('06 12 34 56 78');

    const later = leiExport([
      ANNE,
      PAUL,
      MASKED,
      { ...LISE, statut: 'Candidature acceptée', type: 'AI', debut: '02/02/2026', fin: '01/05/2026', pass: ['999992612399', '02/02/2026', '01/02/2028'] },
      { civilite: 'M', nom: 'Benali', prenom: 'Karim', naissance: '14/02/1995', source: 'Prescripteur habilité', organisation: 'Mission locale Centre Ardèche', date: '25/01/2026', statut: 'Candidature déclinée', refus: 'Pas de recrutement en cours' },
    ]);
    const report = await run(open, later);
    expect(report.erreurs).toEqual([]);
    expect(counts(report)).toEqual({ personnes: [1, 3], accueils: [1, 3], pass_iae: [1, 1], contrats: [1, 0] });
    expect(report.avertissements).toContainEqual(expect.objectContaining({ ligne: 2, message: expect.stringMatching(/embauche déjà présente dans la base/) }));
    expect(open.sqlite.prepare('select count(*) from personnes').pluck().get()).toBe(4);
    expect(open.sqlite.prepare('select count(*) from contrats').pluck().get()).toBe(2);
    expect(open.sqlite.prepare("select a.decision, a.dispositif from accueils a join personnes p on p.id = a.personne_id where p.nom = 'Roux'").get()).toEqual({ decision: 'entree', dispositif: 'AI' });
    expect(open.sqlite.prepare("select a.decision, a.motif_decision, p.orienteur from accueils a join personnes p on p.id = a.personne_id where p.nom = 'Benali'").get()).toEqual({ decision: 'sans_suite', motif_decision: 'no_position', orienteur: '01' });

    // The same export again changes nothing.
    const snapshot = tableCounts(open);
    const again = await run(open, later);
    expect(again.ok).toBe(true);
    expect(counts(again)).toEqual({ personnes: [0, 4], accueils: [0, 4], pass_iae: [0, 2] });
    expect({ ...tableCounts(open), audit_log: 0, import_refs: 0 }).toEqual({ ...snapshot, audit_log: 0, import_refs: 0 });
  });

  it('the same screen and command read it as CSV too, and a PASS held by another person of the base is an error that writes nothing', async () => {
    const open = await setUpStructure();
    await run(open, leiExport([ANNE]));
    const csv = join(tempDir(), 'candidatures.csv');
    const headers = execFileSync('/usr/bin/python3', ['-c', 'import openpyxl,sys; print(";".join(c.value for c in openpyxl.load_workbook(sys.argv[1]).active[1]))', FIXTURE], { encoding: 'utf8' }).trim();
    writeFileSync(csv, `\uFEFF${headers}\n${line({ ...LISE, statut: 'Candidature acceptée', debut: '02/02/2026', pass: ['999992612345', '02/02/2026', '01/02/2028'] }).join(';')}\n`);
    const before = tableCounts(open);
    const report = await run(open, csv);
    expect(report.ok).toBe(false);
    expect(report.erreurs).toEqual([
      expect.objectContaining({ feuille: 'candidatures LEI', ligne: 2, colonne: 'Numéro PASS IAE', message: expect.stringMatching(/^Le PASS IAE 999992612345 est celui de Anne Lefèvre \(née ou né le 12\/04\/1988\) dans la base, pas de Lise Roux/) }),
    ]);
    expect(tableCounts(open)).toEqual(before);
  });
});
