/** Vocabulary of the mission insertion (domain-reference §1.2–1.4, §3; REPORT-SPEC §2.3–2.5). Rules: rules/*.ts. */
import type { SiaeKind } from '../siae';

export const CONTRAT_TYPES = {
  CDDI: 'CDD d’insertion (CDDI)',
  CDD_USAGE: 'CDD d’usage',
  MISSION: 'Contrat de mission (intérim d’insertion)',
  CDI_INCLUSION: 'CDI inclusion',
  PROFESSIONNALISATION: 'Contrat de professionnalisation',
  ACCOMPAGNEMENT_EITI: 'Accompagnement d’un travailleur indépendant (EITI)',
  AUTRE: 'Autre',
} as const;
export type ContratType = keyof typeof CONTRAT_TYPES;

/**
 * Contract types each kind may sign (domain-reference §1.2, §1.4); AUTRE is accepted everywhere with a warning. CDI
 * inclusion: EI L5132-5-1, AI L5132-11-1, ACI L5132-15-1-1 (loi 2020-1577); the contrat de professionnalisation is
 * offered to ACI, EI, AI and ETTI by les-emplois (`itou/companies/enums.py` `ContractType.choices_for_company`).
 */
export const CONTRATS_PAR_DISPOSITIF: Record<SiaeKind, readonly ContratType[]> = {
  AI: ['CDDI', 'CDD_USAGE', 'CDI_INCLUSION', 'PROFESSIONNALISATION', 'AUTRE'],
  ACI: ['CDDI', 'CDI_INCLUSION', 'PROFESSIONNALISATION', 'AUTRE'],
  EI: ['CDDI', 'CDI_INCLUSION', 'PROFESSIONNALISATION', 'AUTRE'],
  ETTI: ['MISSION', 'PROFESSIONNALISATION', 'AUTRE'],
  EITI: ['ACCOMPAGNEMENT_EITI', 'AUTRE'],
};

/** Derogations that lift a legal limit (V2, V3), each recorded with the contract it applies to. */
export const DEROGATIONS = {
  AMENAGEMENT_PEINE: 'Aménagement de peine (durée minimale de 4 mois non applicable)',
  TRAINING_IN_PROGRESS: 'Formation en cours à terminer (au-delà de 24 mois)',
  SENIOR_50: 'Personne de 50 ans ou plus rencontrant des difficultés particulières (au-delà de 24 mois)',
  RQTH: 'Personne reconnue travailleur handicapé (au-delà de 24 mois)',
  ACI_PARTICULAR_DIFFICULTIES: 'ACI : difficultés particulièrement importantes (jusqu’à 60 mois)',
  PREFECTORAL_HOURS: 'Dérogation préfectorale à la durée hebdomadaire minimale de 20 h (ACI, 12 mois au plus)',
} as const;
export type Derogation = keyof typeof DEROGATIONS;

export const CLIENT_TYPES = {
  particulier: 'Particulier',
  association: 'Association',
  collectivite: 'Collectivité',
  entreprise: 'Entreprise',
  autre: 'Autre',
} as const;
export type ClientType = keyof typeof CLIENT_TYPES;

export const BILAN_TYPES = { entree: 'Bilan d’entrée', etape: 'Bilan d’étape', prolongation: 'Bilan de prolongation', sortie: 'Bilan de sortie' } as const;
export type BilanType = keyof typeof BILAN_TYPES;

export const CATEGORIES_SORTIE = {
  EMPLOI_DURABLE: 'Emploi durable',
  EMPLOI_TRANSITION: 'Emploi de transition',
  SORTIE_POSITIVE: 'Sorties positives',
  AUTRE: 'Autres sorties',
  RETRAIT: 'Retrait des sorties constatées',
} as const;
export type CategorieSortie = keyof typeof CATEGORIES_SORTIE;

/** ASP exit motifs (domain-reference §3.3); the codes are strings, as stored and exported. */
export const MOTIFS_SORTIE = {
  '1': 'En CDI dans la structure ou une filiale',
  '2': 'Embauche pour une durée déterminée dans une autre structure IAE',
  '3': 'Embauche en CDI non aidé',
  '4': 'Création ou reprise d’entreprise à son compte',
  '5': 'Entrée en formation qualifiante ou poursuite de formation qualifiante',
  '6': 'Inactif',
  '7': 'Au chômage',
  '8': 'Sans nouvelle',
  '9': 'Embauche en CDD (sans aide publique à l’emploi) d’une durée de 6 mois et plus',
  '10': 'Embauche en CDD (sans aide publique à l’emploi) de moins de 6 mois (hors IAE)',
  '11': 'Intégration dans la fonction publique',
  '12': 'Autre sortie reconnue comme positive',
  '13': 'Embauche en CDI aidé',
  '14': 'En contrat aidé pour une durée déterminée par un autre employeur (hors IAE)',
  '15': 'Prise des droits à la retraite',
  '16': 'Congés de longue durée (maternité, maladie)',
  '17': 'Décès',
  '18': 'Décision administrative / Décision de justice',
  '19': 'Rupture employeur pour faute grave du salarié',
  '20': 'Transfert d’employeur',
  '21': 'Rupture pendant la période d’essai à l’initiative de l’employeur',
  '22': 'Rupture pendant la période d’essai à l’initiative du salarié',
  '96': 'CDI inclusion',
} as const;
export type MotifSortie = keyof typeof MOTIFS_SORTIE;

/**
 * The ASP's label of a motif for a dispositif (domain-reference §3.3): in an EITI, whose workers already run their
 * own business, motif 4 reads « … (hors EITI) ».
 */
export function motifSortieLabel(motif: MotifSortie, dispositif: SiaeKind | null): string {
  return motif === '4' && dispositif === 'EITI' ? `${MOTIFS_SORTIE['4']} (hors EITI)` : MOTIFS_SORTIE[motif];
}

/** Default motif → category mapping of REPORT-SPEC §2.5; users may edit it (a dated parameter). */
export const MAPPING_SORTIES_DEFAUT: Record<MotifSortie, CategorieSortie> = {
  '1': 'EMPLOI_DURABLE', '2': 'SORTIE_POSITIVE', '3': 'EMPLOI_DURABLE', '4': 'EMPLOI_DURABLE', '5': 'SORTIE_POSITIVE',
  '6': 'AUTRE', '7': 'AUTRE', '8': 'AUTRE', '9': 'EMPLOI_DURABLE', '10': 'EMPLOI_TRANSITION', '11': 'EMPLOI_DURABLE',
  '12': 'SORTIE_POSITIVE', '13': 'EMPLOI_DURABLE', '14': 'EMPLOI_TRANSITION', '15': 'RETRAIT', '16': 'RETRAIT',
  '17': 'RETRAIT', '18': 'RETRAIT', '19': 'AUTRE', '20': 'RETRAIT', '21': 'AUTRE', '22': 'AUTRE', '96': 'RETRAIT',
};

export const PARTENAIRE_TYPES = {
  prescripteur: 'Prescripteur',
  organisme_formation: 'Organisme de formation',
  service_social: 'Service social ou de santé',
  employeur: 'Employeur',
  association: 'Association',
  autre: 'Autre',
} as const;
export type PartenaireType = keyof typeof PARTENAIRE_TYPES;

export const PRESTATAIRES = { interne: 'La structure (interne)', externe: 'Un partenaire (externe)' } as const;
export type Prestataire = keyof typeof PRESTATAIRES;

/** Follow-up after the exit, at 1, 3 and 6 months. */
export const ECHEANCES_SUIVI = [1, 3, 6] as const;
export const SITUATIONS_SUIVI = {
  emploi_durable: 'En emploi durable (CDI, CDD de 6 mois et plus)',
  emploi_transition: 'En emploi de transition',
  formation: 'En formation',
  iae: 'Dans une autre structure d’insertion',
  recherche: 'En recherche d’emploi',
  inactif: 'Inactif',
  sans_nouvelle: 'Sans nouvelle',
} as const;
export type SituationSuivi = keyof typeof SITUATIONS_SUIVI;
