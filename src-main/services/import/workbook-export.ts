/**
 * Everything the import format can hold, read back from the database, so that a structure is never locked in:
 * import → export → import gives the same data. Rows keep the `ref` they were imported with; rows created in the
 * app use their own id as `ref` (the import recognises both).
 */
import type Database from 'better-sqlite3';
import { SHEET_COLUMNS, type ImportSheet } from '../../../src-shared/import-format';
import type { SheetTable } from './workbook-writer';
import { fromDixMilliemes } from '../../../src-shared/rules/heures';

const COLLATOR = new Intl.Collator('fr', { numeric: true });

type Row = Record<string, string | number | null | undefined>;

/** Hundredths back to a decimal with a French comma, as users type them. */
function decimal(centiemes: number | null): string {
  if (centiemes === null) return '';
  return (centiemes / 100).toString().replace('.', ',');
}

export function exportTables(sqlite: Database.Database, today: string): SheetTable {
  const all = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as Row[];
  const refs = new Map<string, string>();
  for (const r of all('select feuille, ref, entity_id from import_refs')) refs.set(`${r.feuille}\u0000${r.entity_id}`, String(r.ref));
  const refOf = (feuille: string, id: string | null) => (id === null ? '' : (refs.get(`${feuille}\u0000${id}`) ?? id));
  // Rows sorted by their cells, refs first: two exports of the same data are identical files.
  const table = (sheet: ImportSheet, rows: Row[]) =>
    rows.map((r) => SHEET_COLUMNS[sheet].map((c) => r[c.name] ?? '')).sort((a, b) => COLLATOR.compare(a.join('\u0000'), b.join('\u0000')));

  const hRefRows = new Map(all("select valide_du, valeur from parametres where cle = 'h_ref'").map((r) => [String(r.valide_du), JSON.parse(String(r.valeur)) as Record<string, number>]));
  const yearly = all('select kind, annee, annexe_financiere, etp_conventionnes_dix_milliemes from dispositifs_annees order by annee, kind').map((d) => ({
    kind: d.kind,
    annee: d.annee,
    annexe_financiere: d.annexe_financiere,
    etp_conventionnes: d.etp_conventionnes_dix_milliemes === null ? '' : String(fromDixMilliemes(d.etp_conventionnes_dix_milliemes as number)).replace('.', ','),
    h_ref: hRefRows.get(`${d.annee}-01-01`)?.[String(d.kind)] ?? '',
  }));
  // A dispositif without yearly figures is still declared, on the current year.
  const declared = new Set(yearly.map((d) => d.kind));
  const bare = all('select kind from dispositifs order by kind')
    .filter((d) => !declared.has(d.kind))
    .map((d) => ({ kind: d.kind, annee: Number(today.slice(0, 4)) }));

  const personRef = (id: unknown) => refOf('personnes', String(id));
  return {
    structure: table('structure', all('select nom, siret, departement, adresse, code_postal, commune from structure limit 1')),
    dispositifs: table('dispositifs', [...yearly, ...bare]),
    clients: table('clients', all('select id, nom, type, siret from clients order by nom, id').map((c) => ({ ...c, ref: refOf('clients', String(c.id)) }))),
    personnes: table(
      'personnes',
      all('select id, civilite, nom, prenom, date_naissance, code_postal, commune, telephone, email, niveau_formation, identifiant_ft, orienteur from personnes order by nom_tri, id').map((p) => ({ ...p, ref: personRef(p.id) })),
    ),
    accueils: table(
      'accueils',
      all('select personne_id, date_premier_contact, date_offre_presentee, date_diagnostic, decision, date_decision, motif_decision from accueils order by date_premier_contact, id').map((a) => ({ ...a, ref_personne: personRef(a.personne_id) })),
    ),
    // The format keeps one set of criteria per person: the latest diagnosis's.
    criteres: table(
      'criteres',
      all(
        `select d.personne_id, c.critere, c.date_justificatif from criteres_eligibilite c join diagnostics_eligibilite d on d.id = c.diagnostic_id
          where d.id = (select d2.id from diagnostics_eligibilite d2 where d2.personne_id = d.personne_id order by d2.date desc, d2.id desc limit 1)
          order by d.personne_id, c.critere`,
      ).map((c) => ({ ...c, ref_personne: personRef(c.personne_id) })),
    ),
    pass_iae: table('pass_iae', all('select personne_id, numero, date_debut, date_fin from pass_iae order by numero').map((p) => ({ ...p, ref_personne: personRef(p.personne_id) }))),
    contrats: table(
      'contrats',
      all('select c.id, p.personne_id, p.dispositif as kind, c.type, c.date_debut, c.date_fin_prevue, c.heures_hebdo from contrats c join parcours p on p.id = c.parcours_id order by c.date_debut, c.id').map((c) => ({
        ...c,
        ref: refOf('contrats', String(c.id)),
        ref_personne: personRef(c.personne_id),
        heures_hebdo: decimal(c.heures_hebdo as number | null),
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
      all('select p.personne_id, c.date_signature, c.objectifs from cer c join parcours p on p.id = c.parcours_id where c.date_signature is not null order by c.date_signature, c.id').map((c) => ({ ...c, ref_personne: personRef(c.personne_id) })),
    ),
    bilans: table('bilans', all('select p.personne_id, b.date, b.type from bilans b join parcours p on p.id = b.parcours_id order by b.date, b.id').map((b) => ({ ...b, ref_personne: personRef(b.personne_id) }))),
    freins: table('freins', all('select personne_id, type, date_identification, date_levee from freins order by date_identification, id').map((f) => ({ ...f, ref_personne: personRef(f.personne_id) }))),
    actions_freins: table(
      'actions_freins',
      all('select p.personne_id, a.type_frein, a.date, a.prestataire from actions_freins a join parcours p on p.id = a.parcours_id order by a.date, a.id').map((a) => ({ ...a, ref_personne: personRef(a.personne_id) })),
    ),
    formations: table(
      'formations',
      all('select p.personne_id, f.intitule, f.date_debut, f.date_fin, f.heures, f.qualifiante from formations f join parcours p on p.id = f.parcours_id order by f.date_debut, f.id').map((f) => ({
        ...f,
        ref_personne: personRef(f.personne_id),
        heures: decimal(f.heures as number | null),
        qualifiante: f.qualifiante ? 'oui' : 'non',
      })),
    ),
    pmsmp: table('pmsmp', all('select p.personne_id, m.date_debut, m.date_fin, m.entreprise from pmsmp m join parcours p on p.id = m.parcours_id order by m.date_debut, m.id').map((m) => ({ ...m, ref_personne: personRef(m.personne_id) }))),
    sorties: table(
      'sorties',
      all('select personne_id, date_sortie as date, motif_sortie as motif from parcours where date_sortie is not null order by date_sortie, id').map((s) => ({ ...s, ref_personne: personRef(s.personne_id) })),
    ),
  };
}
