/** The CEDRE self-assessment grid (issue 8 §1): missions, commitments, rating levels, and the grid file format. */
export const MISSIONS = { accueil: 'Accueil', insertion: 'Insertion', observatoire: 'Observatoire' } as const;
export type Mission = keyof typeof MISSIONS;

export const ENGAGEMENTS = {
  acteur: 'La personne actrice de son parcours',
  pedagogie: 'Une pédagogie formalisée',
  competences: 'La compétence des équipes',
  environnement: 'La qualité de l’environnement de travail',
} as const;
export type Engagement = keyof typeof ENGAGEMENTS;

export const NIVEAUX = { non_atteint: 'Non atteint', partiel: 'Partiellement atteint', atteint: 'Atteint', au_dela: 'Au-delà de l’attendu' } as const;
export type Niveau = keyof typeof NIVEAUX;

export interface EvidenceValue {
  label: string;
  unit: 'part' | 'nombre' | 'note' | 'jours';
  direction: 'min' | 'max';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  link: { indicator: string } | { page: string } | null;
}

export interface GridRequirement {
  code: string;
  mission: Mission;
  engagement: Engagement;
  libelle: string;
  preuve: string | null;
  cible: number | null;
}

export interface GridRow extends GridRequirement {
  evidence: EvidenceValue | null;
  /** The figure meets its target (null: no figure or no target). */
  cibleAtteinte: boolean | null;
  niveau: Niveau | null;
  commentaire: string;
  evalueParNom: string | null;
  evalueLe: string | null;
}

export interface SelfAssessmentView {
  annee: number;
  rows: GridRow[];
  /** The evidence measures a grid may name (key → label), for editing or importing a grid. */
  catalogue: Record<string, string>;
}

/** The grid file a structure or the federation exchanges (Observatoire → Auto-évaluation → exporter / importer). */
export interface GridFile {
  format: 'cedre-grille-auto-evaluation';
  version: 1;
  exigences: GridRequirement[];
}
