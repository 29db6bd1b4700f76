/**
 * The demo structure's territory and offer (issue 14 §10): partners who took part in trainings, support actions and
 * immersions, and the insertion offer written, so that the partners page, the drill-downs by partner and the welcome
 * booklet all show something real. Deterministic per seed, written in the demo's transaction.
 */
import type Database from 'better-sqlite3';
import type { PartenaireType } from '../../../src-shared/domain/insertion';
import type { OffreInsertion } from '../../../src-shared/schemas/diagnostic';
import { seededRandom } from './demo-generator';

const PARTNERS: Array<[string, PartenaireType, string]> = [
  ['France Travail Privas', 'prescripteur', 'Conseillère : Mme Faure — 04 75 00 00 01'],
  ['Mission locale Centre Ardèche', 'prescripteur', 'accueil@ml-exemple.fr'],
  ['AFPA Le Pouzin', 'organisme_formation', 'Plateau CACES et titres professionnels'],
  ['Auto-école solidaire du Vivarais', 'organisme_formation', 'Code et conduite, tarifs sociaux'],
  ['CCAS de Privas', 'service_social', 'Aides au logement et à la mobilité'],
  ['Centre médico-psychologique', 'service_social', 'Rendez-vous sur orientation'],
  ['Jardins du Pic', 'employeur', 'Maraîchage bio, accueille des immersions'],
  ['Garage Solidaire', 'association', 'Location de véhicules à 3 € par jour'],
];

export const DEMO_OFFRE: OffreInsertion = {
  presentation:
    'L’Ensemble Solidaire des Coteaux accompagne vers l’emploi durable des personnes qui en sont éloignées. Chaque personne a un ou une référente (CIP) qui la suit pendant tout son parcours et après sa sortie.',
  activites:
    'Atelier chantier d’insertion : espaces verts, maraîchage biologique, entretien du petit patrimoine bâti. Association intermédiaire : missions d’entretien, de ménage et de manutention chez des particuliers, des associations, des collectivités et des entreprises.',
  formations: 'Sauvegarde et secours au travail, CACES, permis B (avec l’auto-école solidaire), remise à niveau en français et en calcul, titres professionnels avec l’AFPA.',
  accompagnement:
    'Un contrat d’engagement réciproque fixé avec vous, vos objectifs écrits avec vos mots, un bilan tous les trois mois, de l’aide pour le logement, la mobilité, la santé et les démarches, des immersions en entreprise (PMSMP).',
  regles: 'Ponctualité et respect des horaires, port des équipements de protection, prévenir en cas d’absence, respect des personnes et du matériel. Vos informations restent confidentielles.',
};

export function seedDemoTerritory(sqlite: Database.Database, seed: number, now: Date): void {
  const random = seededRandom(seed + 7);
  const at = now.toISOString();
  const ids = PARTNERS.map(([nom, type, contact], i) => {
    const id = `demo-partenaire-${i + 1}`;
    sqlite.prepare('insert into partenaires (id, nom, type, contact, created_at, updated_at) values (?, ?, ?, ?, ?, ?)').run(id, nom, type, contact, at, at);
    return { id, type };
  });
  const ofType = (type: PartenaireType) => ids.filter((p) => p.type === type).map((p) => p.id);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const trainers = ofType('organisme_formation');
  const supporters = [...ofType('service_social'), ...ofType('association')];
  const hosts = ofType('employeur');
  const setTrainer = sqlite.prepare('update formations set organisme_id = ? where id = ?');
  for (const id of sqlite.prepare('select id from formations order by id').pluck().all() as string[]) if (random() < 0.75) setTrainer.run(pick(trainers), id);
  const setSupporter = sqlite.prepare("update actions_freins set partenaire_id = ? where id = ? and prestataire = 'externe'");
  for (const id of sqlite.prepare("select id from actions_freins where prestataire = 'externe' order by id").pluck().all() as string[]) setSupporter.run(pick(supporters), id);
  const setHost = sqlite.prepare('update pmsmp set partenaire_id = ? where id = ?');
  for (const id of sqlite.prepare('select id from pmsmp order by id').pluck().all() as string[]) if (random() < 0.4) setHost.run(pick(hosts), id);
  sqlite.prepare("insert into settings (key, value, updated_at) values ('offre_insertion', ?, ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(DEMO_OFFRE), at);
}
