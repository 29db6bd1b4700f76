/**
 * Everything the import format can hold, read back from the database, so that a structure is never locked in:
 * import → export → import gives the same data. Rows keep the `ref` they were imported with; rows created in the
 * app use their own id as `ref` (the import recognises both).
 */
import type Database from 'better-sqlite3';
import { IMPORT_SHEETS, PERSONNE_COLUMNS, PERSONNE_FLAGS, SHEET_COLUMNS, type ImportSheet } from '../../../src-shared/import-format';
import { sheetRows, type SheetSource, type SheetTable } from './workbook-writer';
import { exportAttachments, exportRegisters, sortedRows, type Attachment, type CellText } from './register-export';

type Row = Record<string, string | number | null | undefined>;

/**
 * A query's rows, read one at a time as the sheet's cells are built (`.map` is applied on the way): a sheet of
 * 160 000 lines of hours never exists as rows, mapped rows and cells at once.
 */
function queryRows(sqlite: Database.Database, sql: string): Iterable<Row> & { map<T>(fn: (row: Row) => T): Iterable<T> } {
  const rows = () => sqlite.prepare(sql).iterate() as IterableIterator<Row>;
  return {
    [Symbol.iterator]: rows,
    map: (fn) => ({
      *[Symbol.iterator]() {
        for (const row of rows()) yield fn(row);
      },
    }),
  };
}

const yesNo = (v: unknown) => (v ? 'oui' : 'non');

/** Hundredths back to a decimal with a French comma, as users type them. */
function decimal(centiemes: number | null): string {
  if (centiemes === null) return '';
  return (centiemes / 100).toString().replace('.', ',');
}

/** The ref a row is exported with: the one it was imported with, or its own id. */
function refResolver(sqlite: Database.Database): (feuille: string, id: string | null) => string {
  // One map per sheet: a lookup per cell without building a key string (160 000 lines of hours look up twice).
  const refs = new Map<string, Map<string, string>>();
  for (const r of sqlite.prepare('select feuille, ref, entity_id from import_refs').raw().iterate() as Iterable<[string, string, string]>) {
    let sheet = refs.get(r[0]);
    if (!sheet) refs.set(r[0], (sheet = new Map()));
    sheet.set(r[2], String(r[1]));
  }
  return (feuille, id) => (id === null ? '' : (refs.get(feuille)?.get(id) ?? id));
}

/** Everything: the sheets, and the files attached to the quality manual that travel beside them. */
export function exportEverything(sqlite: Database.Database, today: string): { tables: SheetSource; attachments: Attachment[] } {
  const refOf = refResolver(sqlite);
  return { tables: exportSheets(sqlite, today, refOf), attachments: exportAttachments(sqlite, refOf) };
}

/** Every sheet read at once (tests compare them); the export itself reads them one at a time. */
export function exportTables(sqlite: Database.Database, today: string): SheetTable {
  const sheets = exportSheets(sqlite, today);
  return Object.fromEntries(IMPORT_SHEETS.map((name) => [name, sheetRows(sheets, name)]).filter(([, rows]) => rows !== undefined));
}

/**
 * Each sheet as a function reading its rows, called by the writer when it reaches the sheet: only one sheet's rows
 * are in memory at a time (issue 19). All are read inside the caller's transaction, so they agree with each other.
 */
export function exportSheets(sqlite: Database.Database, today: string, refOf = refResolver(sqlite)): SheetSource {
  const query = (sql: string) => queryRows(sqlite, sql);
  // Rows sorted by their cells, refs first: two exports of the same data are identical files.
  const table = (sheet: ImportSheet, rows: Iterable<Row>) => {
    const cells: CellText[][] = [];
    for (const r of rows) cells.push(SHEET_COLUMNS[sheet].map((c) => r[c.name] ?? ''));
    return sortedRows(cells);
  };

  // Dispositifs are declared; their H_ref travels in the parametres sheet, their annexes in annexes_financieres.
  const declared = query('select kind from dispositifs order by kind').map((d) => ({ kind: d.kind, annee: Number(today.slice(0, 4)) }));
  const scaled = (stored: unknown, scale: number) => (stored === null ? '' : String((stored as number) / scale).replace('.', ','));
  const annexes = () => query(
    `select a.id, a.numero, a.mesure, v.avenant, v.modification, v.date_debut, v.date_fin, v.etp_conventionnes_dix_milliemes as etp, v.h_ref_centiemes as h_ref,
            v.aide_socle_centimes as socle, v.aide_modulee_centimes as modulee
       from annexes_financieres a join annexes_financieres_versions v on v.annexe_id = a.id`,
  ).map((r) => ({
    ref: refOf('annexes_financieres', String(r.id)),
    numero: r.numero,
    mesure: r.mesure,
    avenant: r.avenant,
    modification: r.modification,
    date_debut: r.date_debut,
    date_fin: r.date_fin,
    etp_conventionnes: scaled(r.etp, 10_000),
    h_ref: scaled(r.h_ref, 100),
    aide_socle: scaled(r.socle, 100),
    aide_modulee: scaled(r.modulee, 100),
  }));

  const personRef = (id: unknown) => refOf('personnes', String(id));
  return {
    structure: () => table('structure', query('select nom, siret, departement, adresse, code_postal, commune from structure limit 1')),
    dispositifs: () => table('dispositifs', declared),
    annexes_financieres: () => table('annexes_financieres', annexes()),
    clients: () => table('clients', query('select id, nom, type, siret, soumis_plafond_480 from clients order by nom, id').map((c) => ({ ...c, ref: refOf('clients', String(c.id)), soumis_plafond_480: yesNo(c.soumis_plafond_480) }))),
    // The sheet's columns are the table's (issue 18 §3): a column added to the format is exported without more code.
    personnes: () => table(
      'personnes',
      query(`select id, ${PERSONNE_COLUMNS.join(', ')} from personnes order by nom_tri, id`).map((p) => ({
        ...p,
        ref: personRef(p.id),
        ...Object.fromEntries(PERSONNE_FLAGS.map((flag) => [flag, yesNo(p[flag])])),
      })),
    ),
    accueils: () => table(
      'accueils',
      query(
        'select id, personne_id, date_premier_contact, canal, date_offre_presentee, date_notice_rgpd, date_diagnostic, souhaits, decision, date_decision, motif_decision, reorientation_vers, dispositif from accueils order by date_premier_contact, id',
      ).map((a) => ({ ...a, ref: refOf('accueils', String(a.id)), ref_personne: personRef(a.personne_id) })),
    ),
    // Every eligibility diagnosis, one line per criterion (a diagnosis without criterion has one line without).
    criteres: () => table(
      'criteres',
      query(
        `select d.personne_id, d.date as date_diagnostic, d.auteur, d.prescripteur, d.dispositif, c.critere, c.type_justificatif, c.date_justificatif, c.date_fin_validite
           from diagnostics_eligibilite d left join criteres_eligibilite c on c.diagnostic_id = d.id`,
      ).map((c) => ({ ...c, ref_personne: personRef(c.personne_id) })),
    ),
    pass_iae: () => table('pass_iae', query('select personne_id, numero, date_debut, date_fin from pass_iae order by numero').map((p) => ({ ...p, ref_personne: personRef(p.personne_id) }))),
    contrats: () => table(
      'contrats',
      query(
        'select c.id, p.personne_id, p.dispositif as kind, c.type, c.date_debut, c.date_fin_prevue, c.date_fin_reelle, c.heures_hebdo, c.derogations, c.renouvelle_id from contrats c join parcours p on p.id = c.parcours_id order by c.date_debut, c.id',
      ).map((c) => ({
        ...c,
        ref: refOf('contrats', String(c.id)),
        ref_personne: personRef(c.personne_id),
        heures_hebdo: decimal(c.heures_hebdo as number | null),
        derogations: (JSON.parse(String(c.derogations)) as string[]).join(','),
        ref_renouvelle: refOf('contrats', c.renouvelle_id as string | null),
      })),
    ),
    heures: () => table(
      'heures',
      query('select contrat_id, date, centiemes, client_id from heures order by contrat_id, date, client_id').map((h) => {
        const monthly = String(h.date).endsWith('-01');
        return {
          ref_contrat: refOf('contrats', String(h.contrat_id)),
          mois: monthly ? String(h.date).slice(0, 7) : '',
          date: monthly ? '' : h.date,
          heures: decimal(h.centiemes as number),
          ref_client: refOf('clients', h.client_id as string | null),
        };
      }),
    ),
    cer: () => table(
      'cer',
      query(
        `select c.id, p.personne_id, p.date_debut as debut_parcours, c.date_signature, c.version, c.objectifs, c.moyens_formation, c.moyens_encadrement, c.moyens_accompagnement,
                c.heures_hebdo, c.signe_personne, c.signe_structure
           from cer c join parcours p on p.id = c.parcours_id`,
      ).map((c) => ({
        ...c,
        ref: refOf('cer', String(c.id)),
        ref_personne: personRef(c.personne_id),
        heures_hebdo: decimal(c.heures_hebdo as number | null),
        signe_personne: yesNo(c.signe_personne),
        signe_structure: yesNo(c.signe_structure),
      })),
    ),
    bilans: () => table(
      'bilans',
      query(
        `select b.id, p.personne_id, p.date_debut as debut_parcours, b.date, b.type, b.revue_objectifs, b.revue_freins, b.revue_competences, b.paroles_personne, b.prochaines_etapes,
                b.signe_personne, b.signe_structure
           from bilans b join parcours p on p.id = b.parcours_id`,
      ).map((b) => ({ ...b, ref: refOf('bilans', String(b.id)), ref_personne: personRef(b.personne_id), signe_personne: yesNo(b.signe_personne), signe_structure: yesNo(b.signe_structure) })),
    ),
    freins: () => table(
      'freins',
      query('select id, personne_id, type, date_identification, date_levee, niveau, commentaire from freins').map((f) => ({ ...f, ref: refOf('freins', String(f.id)), ref_personne: personRef(f.personne_id) })),
    ),
    actions_freins: () => table(
      'actions_freins',
      query('select a.id, p.personne_id, p.date_debut as debut_parcours, a.type_frein, a.date, a.prestataire, a.partenaire_id, a.description from actions_freins a join parcours p on p.id = a.parcours_id').map((a) => ({
        ...a,
        ref: refOf('actions_freins', String(a.id)),
        ref_personne: personRef(a.personne_id),
        ref_partenaire: refOf('partenaires', a.partenaire_id as string | null),
      })),
    ),
    formations: () => table(
      'formations',
      query('select f.id, p.personne_id, p.date_debut as debut_parcours, f.intitule, f.date_debut, f.date_fin, f.heures, f.qualifiante, f.organisme_id from formations f join parcours p on p.id = f.parcours_id').map((f) => ({
        ...f,
        ref: refOf('formations', String(f.id)),
        ref_personne: personRef(f.personne_id),
        ref_organisme: refOf('partenaires', f.organisme_id as string | null),
        heures: decimal(f.heures as number | null),
        qualifiante: f.qualifiante ? 'oui' : 'non',
      })),
    ),
    pmsmp: () => table(
      'pmsmp',
      query('select m.id, p.personne_id, p.date_debut as debut_parcours, m.date_debut, m.date_fin, m.entreprise, m.partenaire_id from pmsmp m join parcours p on p.id = m.parcours_id').map((m) => ({
        ...m,
        ref: refOf('pmsmp', String(m.id)),
        ref_personne: personRef(m.personne_id),
        ref_partenaire: refOf('partenaires', m.partenaire_id as string | null),
      })),
    ),
    sorties: () => table(
      'sorties',
      query('select personne_id, date_sortie as date, motif_sortie as motif from parcours where date_sortie is not null order by date_sortie, id').map((s) => ({ ...s, ref_personne: personRef(s.personne_id) })),
    ),
    ...exportRegisters(sqlite, refOf),
  };
}
