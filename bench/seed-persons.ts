/**
 * Fills a database with `count` fictitious persons, each with an intake (60 % entered, 20 % waiting, the rest
 * other decisions), a frein and, for those who entered, a PASS IAE. Written straight in SQL through the same
 * search-text functions as the app, in one transaction: the benchmark needs volume, not realism (see the demo
 * generator for that).
 */
import type Database from 'better-sqlite3';
import { duplicateKey, searchText, sortKey } from '../src-main/services/personnes/search-text';

const NOMS = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'N’Diaye', 'Benali', 'Haddad', 'Traoré', 'Nguyen', 'Kaya', 'Diallo', 'Boukhris', 'Camara', 'Ferreira'];
const PRENOMS = ['Julie', 'Kevin', 'Sonia', 'Omar', 'Laura', 'Paul', 'Nadia', 'Hugo', 'Léa', 'Karim', 'Inès', 'Lucas', 'Chloé', 'Mehdi', 'Manon', 'Yanis', 'Camille', 'Amine', 'Sarah', 'Théo', 'Aïcha', 'Nathan', 'Emma', 'Sofiane', 'Zoé', 'Mamadou', 'Océane', 'Bilal', 'Élodie', 'Jérôme'];
const DECISIONS = ['entree', 'entree', 'entree', 'entree', 'entree', 'entree', null, null, 'reorientation', 'sans_suite'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function seedPersons(sqlite: Database.Database, count: number, referentId: string): void {
  const person = sqlite.prepare(
    `insert into personnes (id, civilite, nom, prenom, date_naissance, commune, niveau_formation, identifiant_ft, orienteur, cle_doublon, nom_tri, recherche, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'Privas', '50', ?, '03', ?, ?, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
  );
  const intake = sqlite.prepare(
    `insert into accueils (id, personne_id, date_premier_contact, canal, decision, date_decision, dispositif, referent_id, created_at, updated_at)
     values (?, ?, ?, 'physique', ?, ?, ?, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
  );
  const frein = sqlite.prepare(
    `insert into freins (id, personne_id, type, niveau, date_identification, created_at, updated_at) values (?, ?, 'mobilite', 2, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
  );
  // The same summary AccueilService keeps, written directly since the intakes are too.
  const summary = sqlite.prepare(`update personnes set dernier_accueil_id = ?, dernier_contact = ?, derniere_decision = ?, dernier_dispositif = ?, dernier_referent_id = ? where id = ?`);
  const pass = sqlite.prepare(`insert into pass_iae (id, personne_id, numero, date_debut, date_fin, created_at, updated_at) values (?, ?, ?, ?, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`);
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `p-${pad(i, 7)}`;
      const nom = NOMS[i % NOMS.length]!;
      const prenom = PRENOMS[Math.floor(i / NOMS.length) % PRENOMS.length]!;
      const year = 2016 + (i % 10);
      const contact = `${year}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
      const naissance = `${1960 + (i % 45)}-${pad(1 + (i % 12))}-${pad(1 + ((i * 7) % 28))}`;
      const ft = `${pad(i, 7)}A`;
      const decision = DECISIONS[i % DECISIONS.length] ?? null;
      const numero = decision === 'entree' ? `99999${pad(i, 7)}` : null;
      person.run(id, i % 2 ? 'M' : 'MME', nom, prenom, naissance, ft, duplicateKey(nom, prenom, naissance), sortKey(nom, prenom), searchText({ nom, prenom, identifiantFt: ft }, numero ? [numero] : []));
      intake.run(`a-${pad(i, 7)}`, id, contact, decision, decision ? contact : null, decision === 'entree' ? (i % 3 ? 'ACI' : 'AI') : null, decision === 'entree' ? referentId : null);
      frein.run(`f-${pad(i, 7)}`, id, contact);
      summary.run(`a-${pad(i, 7)}`, contact, decision, decision === 'entree' ? (i % 3 ? 'ACI' : 'AI') : null, decision === 'entree' ? referentId : null, id);
      if (numero) pass.run(`pa-${pad(i, 7)}`, id, numero, contact, `${year + 2}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`);
    }
  })();
}

/** 200 running ACI contracts (one per person among the first ones), for the monthly hours grid. Returns their ids. */
export function seedContracts(sqlite: Database.Database, count: number, referentId: string): string[] {
  const parcours = sqlite.prepare(
    `insert into parcours (id, personne_id, dispositif, referent_id, date_debut, created_at, updated_at) values (?, ?, 'ACI', ?, '2026-01-05', '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')`,
  );
  const contract = sqlite.prepare(
    `insert into contrats (id, parcours_id, type, date_debut, date_fin_prevue, heures_hebdo, created_at, updated_at) values (?, ?, 'CDDI', '2026-01-05', '2026-12-31', 2400, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')`,
  );
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      parcours.run(`pc-${pad(i, 7)}`, `p-${pad(i, 7)}`, referentId);
      contract.run(`c-${pad(i, 7)}`, `pc-${pad(i, 7)}`);
      ids.push(`c-${pad(i, 7)}`);
    }
  })();
  return ids;
}
