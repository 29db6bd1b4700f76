/** SIAE kinds (domain-reference §1.1): stable keys stored in the database, French labels for the UI. */
export const SIAE_KINDS = ['AI', 'ACI', 'EI', 'ETTI', 'EITI'] as const;
export type SiaeKind = (typeof SIAE_KINDS)[number];

export const SIAE_KIND_LABELS: Record<SiaeKind, string> = {
  AI: 'Association intermédiaire',
  ACI: "Atelier chantier d'insertion",
  EI: "Entreprise d'insertion",
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
};
