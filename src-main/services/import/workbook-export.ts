/**
 * Everything the import format can hold, read back from the database, so that a structure is never locked in:
 * import → export → import gives the same data. Rows keep the `ref` they were imported with; rows created in the
 * app use their own id as `ref` (the import recognises both).
 */
import type Database from 'better-sqlite3';
import { SHEET_COLUMNS, type ImportSheet } from '../../../src-shared/import-format';
import type { SheetTable } from './workbook-writer';
import { exportAttachments, exportRegisters, type Attachment } from './register-export';

const COLLATOR = new Intl.Collator('fr', { numeric: true });

type Row = Record<string, string | number | null | undefined>;

const yesNo = (v: unknown) => (v ? 'oui' : 'non');

/** Hundredths back to a decimal with a French comma, as users type them. */
function decimal(centiemes: number | null): string {
  if (centiemes === null) return '';
  return (centiemes / 100).toString().replace('.', ',');
}

/** The ref a row is exported with: the one it was imported with, or its own id. */
function refResolver(sqlite: Database.Database): (feuille: string, id: string | null) => string {
  const refs = new Map<string, string>();
  for (const r of sqlite.prepare('select feuille, ref, entity_id from import_refs').all() as Row[]) refs.set(`${r.feuille}\u0000${r.entity_id}`, String(r.ref));
  return (feuille, id) => (id === null ? '' : (refs.get(`${feuille}\u0000${id}`) ?? id));
}

/** Everything: the sheets, and the files attached to the quality manual that travel beside them. */
export function exportEverything(sqlite: Database.Database, today: string): { tables: SheetTable; attachments: Attachment[] } {
  return { tables: exportTables(sqlite, today), attachments: exportAttachments(sqlite, refResolver(sqlite)) };
}

export function exportTables(sqlite: Database.Database, today: string): SheetTable {
  const all = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as Row[];
  const refOf = refResolver(sqlite);
  // Rows sorted by their cells, refs first: two exports of the same data are identical files.
  const table = (sheet: ImportSheet, rows: Row[]) =>
    rows.map((r) => SHEET_COLUMNS[sheet].map((c) => r[c.name] ?? '')).sort((a, b) => COLLATOR.compare(a.join('\u0000'), b.join('\u0000')));

  // Dispositifs are declared; their H_ref travels in the parametres sheet, their annexes in annexes_financieres.
  const declared = all('select kind from dispositifs order by kind').map((d) => ({ kind: d.kind, annee: Number(today.slice(0, 4)) }));
  const scaled = (stored: unknown, scale: number) => (stored === null ? '' : String((stored as number) / scale).replace('.', ','));
  const annexes = all(
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
    structure: table('structure', all('select nom, siret, departement, adresse, code_postal, commune from structure limit 1')),
    dispositifs: table('dispositifs', declared),
    annexes_financieres: table('annexes_financieres', annexes),
    clients: table('clients', all('select id, nom, type, siret, soumis_plafond_480 from clients order by nom, id').map((c) => ({ ...c, ref: refOf('clients', String(c.id)), soumis_plafond_480: yesNo(c.soumis_plafond_480) }))),
    personnes: table(
      'personnes',
      all(
        'select id, civilite, nom, prenom, date_naissance, adresse, code_postal, commune, telephone, email, niveau_formation, identifiant_ft, nir, orienteur, qpv, zrr, rsa, duree_inscription_ft, sans_ressources from personnes order by nom_tri, id',
      ).map((p) => ({ ...p, ref: personRef(p.id), qpv: yesNo(p.qpv), zrr: yesNo(p.zrr), sans_ressources: yesNo(p.sans_ressources) })),
    ),
    accueils: table(
      'accueils',
      all(
        'select id, personne_id, date_premier_contact, canal, date_offre_presentee, date_notice_rgpd, date_diagnostic, souhaits, decision, date_decision, motif_decision, reorientation_vers, dispositif from accueils order by date_premier_contact, id',
      ).map((a) => ({ ...a, ref: refOf('accueils', String(a.id)), ref_personne: personRef(a.personne_id) })),
    ),
    // Every eligibility diagnosis, one line per criterion (a diagnosis without criterion has one line without).
    criteres: table(
      'criteres',
      all(
        `select d.personne_id, d.date as date_diagnostic, d.auteur, d.prescripteur, d.dispositif, c.critere, c.type_justificatif, c.date_justificatif, c.date_fin_validite
           from diagnostics_eligibilite d left join criteres_eligibilite c on c.diagnostic_id = d.id`,
      ).map((c) => ({ ...c, ref_personne: personRef(c.personne_id) })),
    ),
    pass_iae: table('pass_iae', all('select personne_id, numero, date_debut, date_fin from pass_iae order by numero').map((p) => ({ ...p, ref_personne: personRef(p.personne_id) }))),
    contrats: table(
      'contrats',
      all(
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
    heures: table(
      'heures',
      all('select contrat_id, date, centiemes, client_id from heures order by contrat_id, date, client_id').map((h) => {
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
    cer: table(
      'cer',
      all(
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
    bilans: table(
      'bilans',
      all(
        `select b.id, p.personne_id, p.date_debut as debut_parcours, b.date, b.type, b.revue_objectifs, b.revue_freins, b.revue_competences, b.paroles_personne, b.prochaines_etapes,
                b.signe_personne, b.signe_structure
           from bilans b join parcours p on p.id = b.parcours_id`,
      ).map((b) => ({ ...b, ref: refOf('bilans', String(b.id)), ref_personne: personRef(b.personne_id), signe_personne: yesNo(b.signe_personne), signe_structure: yesNo(b.signe_structure) })),
    ),
    freins: table(
      'freins',
      all('select id, personne_id, type, date_identification, date_levee, niveau, commentaire from freins').map((f) => ({ ...f, ref: refOf('freins', String(f.id)), ref_personne: personRef(f.personne_id) })),
    ),
    actions_freins: table(
      'actions_freins',
      all('select a.id, p.personne_id, p.date_debut as debut_parcours, a.type_frein, a.date, a.prestataire, a.partenaire_id, a.description from actions_freins a join parcours p on p.id = a.parcours_id').map((a) => ({
        ...a,
        ref: refOf('actions_freins', String(a.id)),
        ref_personne: personRef(a.personne_id),
        ref_partenaire: refOf('partenaires', a.partenaire_id as string | null),
      })),
    ),
    formations: table(
      'formations',
      all('select f.id, p.personne_id, p.date_debut as debut_parcours, f.intitule, f.date_debut, f.date_fin, f.heures, f.qualifiante, f.organisme_id from formations f join parcours p on p.id = f.parcours_id').map((f) => ({
        ...f,
        ref: refOf('formations', String(f.id)),
        ref_personne: personRef(f.personne_id),
        ref_organisme: refOf('partenaires', f.organisme_id as string | null),
        heures: decimal(f.heures as number | null),
        qualifiante: f.qualifiante ? 'oui' : 'non',
      })),
    ),
    pmsmp: table(
      'pmsmp',
      all('select m.id, p.personne_id, p.date_debut as debut_parcours, m.date_debut, m.date_fin, m.entreprise, m.partenaire_id from pmsmp m join parcours p on p.id = m.parcours_id').map((m) => ({
        ...m,
        ref: refOf('pmsmp', String(m.id)),
        ref_personne: personRef(m.personne_id),
        ref_partenaire: refOf('partenaires', m.partenaire_id as string | null),
      })),
    ),
    sorties: table(
      'sorties',
      all('select personne_id, date_sortie as date, motif_sortie as motif from parcours where date_sortie is not null order by date_sortie, id').map((s) => ({ ...s, ref_personne: personRef(s.personne_id) })),
    ),
    ...exportRegisters(sqlite, refOf),
  };
}
