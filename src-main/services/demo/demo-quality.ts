/**
 * The demo structure's quality approach, so that the self-assessment shows real figures on first look: a team with
 * its trainings, safety checks and one incident, collective times with proposals, a quality manual, a certification
 * audit, and the person's own words in most bilans. Deterministic per seed, like the rest of the demo.
 */
import type Database from 'better-sqlite3';
import { RegisterStore } from '../qualite/register-store';
import { seededRandom } from './demo-generator';

const WORDS = [
  'Je me sens mieux sur le chantier, j’aimerais passer le permis.',
  'Les horaires me conviennent ; je voudrais une formation en espaces verts.',
  'J’ai repris confiance, je veux chercher dans la logistique.',
  'Le logement reste difficile, mais je tiens le rythme.',
  'Je souhaite faire une immersion chez un employeur.',
];

export function seedQualityDemo(sqlite: Database.Database, seed: number, today: string): void {
  const random = seededRandom(seed + 7);
  const store = new RegisterStore(sqlite);
  const year = Number(today.slice(0, 4));
  const at = (y: number, md: string) => new Date(`${y}-${md}T09:00:00Z`);
  const team: Array<[string, string, string]> = [
    ['Martine Durand', 'direction', 'Master en management de l’ESS'],
    ['Karim Benali', 'cip', 'Titre professionnel CIP'],
    ['Sophie Marchand', 'cip', 'DEJEPS'],
    ['Paul Riviere', 'encadrant', 'BP aménagements paysagers'],
    ['Nadia Ferreira', 'encadrant', 'CAP maçonnerie, SST'],
    ['Claire Petit', 'accueil', 'BTS assistant de gestion'],
  ];
  const staffIds = team.map(([nom, fonction, qualification], i) =>
    store.save('personnel', { id: null, nom, fonction, statut: 'salarie', qualification, dateEntree: `${year - 6 + (i % 3)}-09-01`, dateSortie: null }, at(year - 3, '01-02')),
  );
  store.save('personnel', { id: null, nom: 'Jacques Morel', fonction: 'autre', statut: 'benevole', qualification: 'Retraité, ancien chef d’entreprise', dateEntree: `${year - 2}-01-15`, dateSortie: null }, at(year - 2, '01-15'));
  const trainings = ['Sauveteur secouriste du travail', 'Accompagner les publics en addiction', 'Entretiens motivationnels', 'Gestes et postures'];
  staffIds.forEach((personnelId, i) => {
    if (i === 5) return; // the accueil has no recent training: the evidence shows it.
    store.save('formations', { id: null, personnelId, date: `${year - 1 - (i % 2)}-0${3 + i}-12`, intitule: trainings[i % trainings.length]!, organisme: 'Fédération', heures: 7 + (i % 3) * 7 }, at(year - 1, '06-01'));
  });
  for (let y = year - 2; y < year; y++) {
    for (const [md, nature, constat] of [
      ['02-10', 'verification_epi', 'Gants et chaussures vérifiés ; deux paires remplacées.'],
      ['05-20', 'visite_poste', 'Visite du chantier des berges : balisage à renforcer.'],
      ['09-15', 'exercice_securite', 'Exercice d’évacuation du local.'],
      ['11-05', 'visite_poste', 'Visite de la mission chez un client : RAS.'],
    ] as const) {
      store.save('environnement', { id: null, date: `${y}-${md}`, nature, lieu: 'Chantier', constat, suite: '', dateCloture: `${y}-${md}` }, at(y, md));
    }
    store.save('environnement', { id: null, date: `${y}-06-30`, nature: 'incident', lieu: 'Atelier', constat: 'Coupure à la main (sans arrêt).', suite: 'Rappel du port des gants anti-coupure.', dateCloture: `${y}-07-04` }, at(y, '06-30'));
    for (const md of ['03-14', '06-20', '10-10']) {
      const tempsId = store.save('temps_collectifs', { id: null, date: `${y}-${md}`, nature: 'reunion_salaries', objet: 'Vie du chantier et des ateliers', participants: 8 + Math.floor(random() * 10), compteRendu: '' }, at(y, md));
      store.save('propositions', { id: null, tempsId, date: `${y}-${md}`, proposition: 'Un point café le lundi pour organiser la semaine.', decision: random() < 0.8 ? 'retenue' : 'a_l_etude', motif: '' }, at(y, md));
    }
  }
  for (const [titre, version, md] of [
    ['Accueil et présentation de l’offre', 1, '01-20'],
    ['Accueil et présentation de l’offre', 2, '09-12'],
    ['Contrat d’engagement réciproque et bilans', 1, '03-02'],
    ['Sécurité sur les chantiers', 1, '04-18'],
    ['Traitement des réclamations', 1, '05-30'],
  ] as const) {
    store.save('documents', { id: null, titre, version, approuveLe: `${year - 2}-${md}`, approuvePar: 'Conseil d’administration', contenu: 'Classeur qualité, onglet correspondant.' }, at(year - 2, md));
  }
  store.save('audits', { id: null, date: `${year - 2}-11-15`, type: 'initial', auditeur: 'Organisme certificateur', constats: 'Traçabilité de la parole des salariés aux bilans à renforcer.', certifieJusquAu: `${year + 1}-11-15` }, at(year - 2, '11-15'));
  // The person's own words in most bilans: the "actor of their pathway" evidence is not empty.
  const set = sqlite.prepare('update bilans set paroles_personne = ? where id = ?');
  for (const id of sqlite.prepare('select id from bilans order by id').pluck().all() as string[]) {
    if (random() < 0.85) set.run(WORDS[Math.floor(random() * WORDS.length)], id);
  }
}
