/** Vocabulary of the quality registers (CEDRE continuous improvement; domain-reference §5). */
export const ORIGINES_ACTION = {
  auto_evaluation: 'Auto-évaluation',
  audit: 'Audit',
  reclamation: 'Réclamation',
  enquete: 'Enquête de satisfaction',
  revue_direction: 'Revue de direction',
} as const;

export const ORIGINES_RECLAMATION = { salarie: 'Salarié·e', client: 'Client', partenaire: 'Partenaire', autre: 'Autre' } as const;

/** `client`: a client's request the structure could not serve (counted in territoire.demandes_non_satisfaites). */
export const NATURES_BESOIN = { client: 'Demande de client non servie', personne: 'Personne que la structure n’a pas pu prendre' } as const;

export const PUBLICS_SATISFACTION = { salarie: 'Salarié·e', client: 'Client' } as const;
