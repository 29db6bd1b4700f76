/**
 * What erasing a person means in this app, shared by the retention review and the register of requests.
 *
 * - anonymisePerson: identity, contact, NIR, PASS numbers, import references and every free text go; what the
 *   observatoire counts stays (the age at each parcours start is written on the parcours first, so past years give the
 *   same numbers). Anonymised data is no longer personal data: this is the erasure.
 * - eraseAccompanimentTexts: the accompaniment's free texts only (wishes, freins, CER, bilans, follow-ups), for a
 *   person whose HR data must still be kept (labour law: 5 years after the last contract, domain-reference §6.1).
 * Both run in the caller's transaction.
 */
import type Database from 'better-sqlite3';

/** Age in whole years at `on`, from ISO dates (a birthday not reached yet that year takes one off). */
function ageAt(birth: string, on: string): number {
  return Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
}

export function eraseAccompanimentTexts(sqlite: Database.Database, personneId: string): void {
  const run = (sql: string) => sqlite.prepare(sql).run(personneId);
  run("update accueils set souhaits = '', reorientation_vers = '' where personne_id = ?");
  run("update freins set commentaire = '' where personne_id = ?");
  const ofParcours = 'parcours_id in (select id from parcours where personne_id = ?)';
  run(`update cer set objectifs = '', moyens_formation = '', moyens_encadrement = '', moyens_accompagnement = '' where ${ofParcours}`);
  run(`update bilans set revue_objectifs = '', revue_freins = '', revue_competences = '', paroles_personne = '', prochaines_etapes = '' where ${ofParcours}`);
  run(`update actions_freins set description = '' where ${ofParcours}`);
  run(`update suivis_sortie set commentaire = '' where ${ofParcours}`);
}

export function anonymisePerson(sqlite: Database.Database, personneId: string, at: string): void {
  const run = (sql: string, ...p: unknown[]) => sqlite.prepare(sql).run(...p);
  const person = sqlite.prepare('select date_naissance from personnes where id = ?').get(personneId) as { date_naissance: string };
  for (const p of sqlite.prepare('select id, date_debut from parcours where personne_id = ? and date_debut is not null').all(personneId) as Array<{ id: string; date_debut: string }>) {
    run('update parcours set age_debut = ? where id = ?', ageAt(person.date_naissance, p.date_debut), p.id);
  }
  run(
    `update personnes set nom = 'Anonyme', prenom = '', date_naissance = substr(date_naissance, 1, 4) || '-01-01', telephone = '', email = '', adresse = '',
       code_postal = '', commune = '', nir = null, identifiant_ft = null, cle_doublon = 'anonyme|' || id, nom_tri = 'anonyme', recherche = '',
       anonymise_le = ?, updated_at = ? where id = ?`,
    at,
    at,
    personneId,
  );
  eraseAccompanimentTexts(sqlite, personneId);
  run("update diagnostics_eligibilite set prescripteur = '' where personne_id = ?", personneId);
  run("update pass_iae set numero = 'anonyme-' || id where personne_id = ?", personneId);
  // The spreadsheet's own reference names the person in the structure's workbooks.
  run("delete from import_refs where feuille = 'personnes' and entity_id = ?", personneId);
  // A request's wording may name the person too; the register keeps its type, dates and answer.
  run("update demandes_rgpd set objet = '' where personne_id = ?", personneId);
}
