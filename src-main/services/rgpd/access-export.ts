/**
 * The right of access (RGPD art. 15, issue 7 §5): everything the structure holds about one person, as a readable PDF
 * and a machine-readable JSON file, in one ZIP; with who consulted or changed the file (the audit log's entries).
 */
import type Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { createElement } from 'react';
import { AppError } from '../../../src-shared/errors';
import { foldText } from '../../../src-shared/rules/text';
import type { StructureView } from '../../../src-shared/views';
import { loadPdfKit } from '../documents/pdf-layout';
import { AccessPdf } from './access-pdf';

export interface PersonDataSection {
  key: string;
  titre: string;
  lignes: Array<Record<string, unknown>>;
}

/** Internal columns that say nothing about the person (search keys, summaries, hashes). */
const INTERNAL = new Set(['cle_doublon', 'recherche', 'nom_tri', 'dernier_accueil_id', 'dernier_contact', 'derniere_decision', 'dernier_dispositif', 'dernier_referent_id', 'prev_hash', 'hash']);

const byPerson = (table: string) => `select * from ${table} where personne_id = ? order by rowid`;
const byParcours = (table: string) => `select t.* from ${table} t join parcours p on p.id = t.parcours_id where p.personne_id = ? order by t.rowid`;

const SECTIONS: Array<{ key: string; titre: string; sql: string }> = [
  { key: 'personne', titre: 'Identité et situation', sql: 'select * from personnes where id = ?' },
  { key: 'accueils', titre: 'Accueils', sql: byPerson('accueils') },
  { key: 'freins', titre: 'Freins à l’emploi', sql: byPerson('freins') },
  { key: 'competences', titre: 'Compétences', sql: byPerson('competences') },
  { key: 'diagnostics', titre: 'Diagnostics d’éligibilité', sql: byPerson('diagnostics_eligibilite') },
  {
    key: 'criteres',
    titre: 'Critères d’éligibilité',
    sql: 'select c.* from criteres_eligibilite c join diagnostics_eligibilite d on d.id = c.diagnostic_id where d.personne_id = ? order by c.rowid',
  },
  { key: 'pass_iae', titre: 'PASS IAE', sql: byPerson('pass_iae') },
  { key: 'parcours', titre: 'Parcours', sql: byPerson('parcours') },
  { key: 'contrats', titre: 'Contrats de travail', sql: byParcours('contrats') },
  {
    key: 'heures',
    titre: 'Heures travaillées',
    sql: 'select h.* from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where p.personne_id = ? order by h.date',
  },
  { key: 'cer', titre: 'Contrats d’engagement réciproque', sql: byParcours('cer') },
  { key: 'bilans', titre: 'Bilans', sql: byParcours('bilans') },
  { key: 'formations', titre: 'Formations', sql: byParcours('formations') },
  { key: 'pmsmp', titre: 'Immersions (PMSMP)', sql: byParcours('pmsmp') },
  { key: 'actions_freins', titre: 'Actions d’accompagnement', sql: byParcours('actions_freins') },
  { key: 'suivis_sortie', titre: 'Suivi après la sortie', sql: byParcours('suivis_sortie') },
  {
    key: 'consultations',
    titre: 'Qui a consulté ou modifié le dossier',
    sql: "select at as date, user_login as utilisateur, action, entity as objet from audit_log where entity_id = ? and entity in ('personne', 'parcours') order by seq",
  },
];

export function collectPersonData(sqlite: Database.Database, personneId: string): PersonDataSection[] {
  if (!sqlite.prepare('select 1 from personnes where id = ?').get(personneId)) throw new AppError('NOT_FOUND', 'Personne introuvable.');
  return SECTIONS.map((s) => ({
    key: s.key,
    titre: s.titre,
    lignes: (sqlite.prepare(s.sql).all(personneId) as Array<Record<string, unknown>>).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !INTERNAL.has(k)))),
  }));
}

/** The ZIP handed to the person: `donnees.pdf` to read, `donnees.json` to reuse elsewhere (portability). */
export async function accessExport(sqlite: Database.Database, structure: StructureView, personneId: string, now: Date): Promise<{ fileName: string; zip: Uint8Array }> {
  const sections = collectPersonData(sqlite, personneId);
  const person = sections[0]!.lignes[0]!;
  const json = JSON.stringify({ structure: { nom: structure.nom, siret: structure.siret }, edite_le: now.toISOString(), donnees: Object.fromEntries(sections.map((s) => [s.key, s.lignes])) }, null, 2);
  const kit = await loadPdfKit();
  const pdf = await kit.render(createElement(AccessPdf, { kit, structure, sections, now: now.toISOString() }), 'donnees.pdf');
  const zip = zipSync({ 'donnees.pdf': Buffer.from(pdf.base64, 'base64'), 'donnees.json': Buffer.from(json, 'utf8') });
  const slug = foldText(`${String(person.nom)} ${String(person.prenom)}`).replace(/ /g, '-');
  return { fileName: `droit-d-acces-${slug}-${now.toISOString().slice(0, 10)}.zip`, zip };
}
