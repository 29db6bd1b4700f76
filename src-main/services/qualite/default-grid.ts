/**
 * The grid a structure starts with: the three missions of the CEDRE approach crossed with its four commitments
 * (domain-reference §5), each requirement with the evidence that shows it in the data when there is some. A structure
 * or its federation replaces it by importing a grid file.
 */
import type { GridRequirement } from '../../../src-shared/qualite/grid';

const r = (code: string, mission: GridRequirement['mission'], engagement: GridRequirement['engagement'], libelle: string, preuve: string | null, cible: number | null): GridRequirement => ({
  code,
  mission,
  engagement,
  libelle,
  preuve,
  cible,
});

export const DEFAULT_GRID: GridRequirement[] = [
  r('AC-1', 'accueil', 'acteur', 'L’offre d’insertion est présentée à chaque personne accueillie, qui décide en connaissance de cause.', 'accueil.offre_presentee', 0.95),
  r('AC-2', 'accueil', 'pedagogie', 'Un diagnostic socio-professionnel partagé avec la personne précède la décision d’entrée.', 'accueil.diagnostic', 0.9),
  r('AC-3', 'accueil', 'pedagogie', 'La décision est prise dans un délai raisonnable après le premier contact.', 'accueil.delai_decision', 30),
  r('AC-4', 'accueil', 'competences', 'L’accueil est assuré par une personne formée à l’accueil des publics éloignés de l’emploi.', 'competences.equipe_formee', 0.8),
  r('IN-1', 'insertion', 'acteur', 'Le contrat d’engagement réciproque porte les objectifs de la personne et est signé dans le délai.', 'insertion.cer_dans_delai', 0.9),
  r('IN-2', 'insertion', 'acteur', 'Aux bilans, la parole de la personne est recueillie et écrite.', 'insertion.bilans_paroles', 0.9),
  r('IN-3', 'insertion', 'pedagogie', 'Chaque salarié en parcours a au moins un bilan par an.', 'insertion.salaries_avec_bilan', 1),
  r('IN-4', 'insertion', 'pedagogie', 'Aucun bilan n’est laissé en retard.', 'insertion.bilans_en_retard', 0),
  r('IN-5', 'insertion', 'pedagogie', 'Les salariés accèdent à la formation pendant leur parcours.', 'insertion.formation', 0.5),
  r('IN-6', 'insertion', 'environnement', 'Les postes et chantiers sont vérifiés régulièrement (équipements, visites).', 'environnement.verifications', 4),
  r('IN-7', 'insertion', 'environnement', 'Chaque incident ou accident est analysé et soldé.', 'environnement.incidents_soldes', 1),
  r('IN-8', 'insertion', 'acteur', 'Les salariés en parcours ont des temps collectifs où leur avis est entendu.', 'acteur.temps_collectifs', 4),
  r('IN-9', 'insertion', 'acteur', 'Chaque proposition des salariés reçoit une réponse motivée.', 'acteur.propositions_suivies', 1),
  r('IN-10', 'insertion', 'pedagogie', 'Les sorties sont préparées : la part de sorties dynamiques est suivie.', 'insertion.sorties_dynamiques', 0.6),
  r('OB-1', 'observatoire', 'pedagogie', 'Le rapport annuel dans le cadre commun est signé et transmis à la fédération.', 'observatoire.rapport_signe', 1),
  r('OB-2', 'observatoire', 'pedagogie', 'Les procédures de la structure sont écrites et approuvées dans un manuel qualité.', 'pedagogie.procedures', 5),
  r('OB-3', 'observatoire', 'competences', 'Le plan d’amélioration continue avance : des actions sont réalisées chaque année.', 'observatoire.actions_realisees', 3),
  r('OB-4', 'observatoire', 'competences', 'Les actions du plan tiennent leurs échéances.', 'observatoire.actions_en_retard', 0),
  r('OB-5', 'observatoire', 'acteur', 'La satisfaction des salariés et des clients est mesurée et suivie.', 'observatoire.satisfaction', 4),
  r('OB-6', 'observatoire', 'acteur', 'Chaque réclamation est traitée et close.', 'observatoire.reclamations_traitees', 1),
  r('OB-7', 'observatoire', 'competences', 'L’équipe permanente se forme régulièrement.', 'competences.equipe_formee', 0.8),
];
