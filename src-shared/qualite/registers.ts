/**
 * The simple registers of the CEDRE quality approach (issue 8 §5–7): staff and their trainings, work-environment
 * checks and incidents, collective times and the proposals made there, the quality manual's versioned procedures and
 * the certification audits. Each register is described once here: its table, its fields with French labels, how it
 * is validated (schemas.ts), stored (src-main/services/qualite/register-store.ts) and shown (RegisterPanel.tsx).
 */
export type RegisterKey = 'personnel' | 'formations' | 'environnement' | 'temps_collectifs' | 'propositions' | 'documents' | 'audits';

export type FieldKind = 'text' | 'longtext' | 'date' | 'select' | 'number' | 'ref';

export interface RegisterField {
  name: string;
  column: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: Record<string, string>;
  /** For `ref`: the register whose rows can be chosen (labelled by its first field). */
  ref?: RegisterKey;
  min?: number;
  max?: number;
}

export interface RegisterSpec {
  key: RegisterKey;
  table: string;
  label: string;
  description: string;
  /** The date that orders the register and places a row in a year. */
  dateField: string;
  fields: RegisterField[];
  /** How a row is named when another register refers to it. */
  labelFields: string[];
  /** A row can open an action of the improvement plan with this origin, titled by this field. */
  toAction?: { origine: 'audit' | 'revue_direction' | 'auto_evaluation'; titleField: string };
  /** Rows may carry attached files (the manual's procedures). */
  attachments?: boolean;
}

export const FONCTIONS_PERSONNEL = {
  direction: 'Direction',
  cip: 'Conseiller·e en insertion (CIP)',
  encadrant: 'Encadrant·e technique',
  accueil: 'Accueil / secrétariat',
  administratif: 'Administratif',
  autre: 'Autre',
} as const;

export const NATURES_ENVIRONNEMENT = {
  verification_epi: 'Vérification des équipements de protection',
  visite_poste: 'Visite de poste ou de chantier',
  exercice_securite: 'Exercice de sécurité',
  incident: 'Incident (sans arrêt)',
  accident: 'Accident du travail',
  document_unique: 'Mise à jour du document unique',
} as const;

export const NATURES_TEMPS_COLLECTIF = {
  reunion_salaries: 'Réunion des salariés en parcours',
  groupe_expression: 'Groupe d’expression',
  comite: 'Comité ou conseil avec des salariés',
  enquete_collective: 'Retour collectif d’enquête',
} as const;

export const DECISIONS_PROPOSITION = { retenue: 'Retenue', a_l_etude: 'À l’étude', non_retenue: 'Non retenue (motivée)' } as const;

export const TYPES_AUDIT = { interne: 'Audit interne', initial: 'Audit de certification initial', suivi: 'Audit de suivi', renouvellement: 'Audit de renouvellement' } as const;

/** Certification runs three years: renewal is due then (issue 8 §7). */
export const CERTIFICATION_YEARS = 3;

const text = (name: string, column: string, label: string, required = false, max = 300): RegisterField => ({ name, column, label, kind: 'text', required, max });
const longtext = (name: string, column: string, label: string, required = false): RegisterField => ({ name, column, label, kind: 'longtext', required, max: 5000 });
const date = (name: string, column: string, label: string, required = false): RegisterField => ({ name, column, label, kind: 'date', required });
const select = (name: string, column: string, label: string, options: Record<string, string>): RegisterField => ({ name, column, label, kind: 'select', required: true, options });

export const REGISTERS: Record<RegisterKey, RegisterSpec> = {
  personnel: {
    key: 'personnel',
    labelFields: ['nom'],
    table: 'personnel',
    label: 'Équipe permanente et bénévoles',
    description: 'Qui fait quoi, avec quelle qualification : l’engagement de compétence des équipes.',
    dateField: 'dateEntree',
    fields: [
      text('nom', 'nom', 'Nom et prénom', true, 120),
      select('fonction', 'fonction', 'Fonction', FONCTIONS_PERSONNEL),
      select('statut', 'statut', 'Statut', { salarie: 'Salarié·e', benevole: 'Bénévole' }),
      text('qualification', 'qualification', 'Qualification, diplôme'),
      date('dateEntree', 'date_entree', 'Arrivée', true),
      date('dateSortie', 'date_sortie', 'Départ'),
    ],
  },
  formations: {
    key: 'formations',
    labelFields: ['intitule'],
    table: 'formations_personnel',
    label: 'Formations de l’équipe',
    description: 'Les formations suivies par l’équipe permanente et les bénévoles.',
    dateField: 'date',
    fields: [
      { name: 'personnelId', column: 'personnel_id', label: 'Membre de l’équipe', kind: 'ref', ref: 'personnel', required: true },
      date('date', 'date', 'Date', true),
      text('intitule', 'intitule', 'Formation', true),
      text('organisme', 'organisme', 'Organisme'),
      { name: 'heures', column: 'heures', label: 'Heures', kind: 'number', min: 0, max: 2000 },
    ],
  },
  environnement: {
    key: 'environnement',
    labelFields: ['constat'],
    table: 'controles_environnement',
    label: 'Environnement de travail',
    description: 'Vérifications, visites de chantier, incidents et accidents : l’engagement de qualité de l’environnement de travail.',
    dateField: 'date',
    fields: [
      date('date', 'date', 'Date', true),
      select('nature', 'nature', 'Nature', NATURES_ENVIRONNEMENT),
      text('lieu', 'lieu', 'Lieu, chantier ou poste'),
      longtext('constat', 'constat', 'Constat', true),
      longtext('suite', 'suite', 'Suite donnée'),
      date('dateCloture', 'date_cloture', 'Soldé le'),
    ],
    toAction: { origine: 'revue_direction', titleField: 'constat' },
  },
  temps_collectifs: {
    key: 'temps_collectifs',
    labelFields: ['date', 'objet'],
    table: 'temps_collectifs',
    label: 'Temps collectifs',
    description: 'Les moments où les salariés en parcours ont la parole sur le fonctionnement de la structure.',
    dateField: 'date',
    fields: [
      date('date', 'date', 'Date', true),
      select('nature', 'nature', 'Nature', NATURES_TEMPS_COLLECTIF),
      text('objet', 'objet', 'Objet', true),
      { name: 'participants', column: 'participants', label: 'Salariés présents', kind: 'number', min: 0, max: 500, required: true },
      longtext('compteRendu', 'compte_rendu', 'Compte rendu'),
    ],
  },
  propositions: {
    key: 'propositions',
    labelFields: ['proposition'],
    table: 'propositions_salaries',
    label: 'Propositions des salariés',
    description: 'Ce que les salariés ont proposé lors des temps collectifs, et ce que la structure en a décidé.',
    dateField: 'date',
    fields: [
      { name: 'tempsId', column: 'temps_id', label: 'Temps collectif', kind: 'ref', ref: 'temps_collectifs', required: true },
      date('date', 'date', 'Date', true),
      text('proposition', 'proposition', 'Proposition', true, 500),
      select('decision', 'decision', 'Décision', DECISIONS_PROPOSITION),
      longtext('motif', 'motif', 'Suite donnée ou motif'),
    ],
  },
  documents: {
    key: 'documents',
    labelFields: ['titre', 'version'],
    table: 'documents_qualite',
    label: 'Manuel qualité',
    description: 'Les procédures de la structure, version par version, avec qui a approuvé chacune ; écrites ici ou jointes (PDF, Word…).',
    attachments: true,
    dateField: 'approuveLe',
    fields: [
      text('titre', 'titre', 'Procédure', true, 200),
      { name: 'version', column: 'version', label: 'Version', kind: 'number', min: 1, max: 999, required: true },
      date('approuveLe', 'approuve_le', 'Approuvée le', true),
      text('approuvePar', 'approuve_par', 'Approuvée par', true, 120),
      longtext('contenu', 'contenu', 'Contenu ou emplacement du document', true),
    ],
  },
  audits: {
    key: 'audits',
    labelFields: ['date', 'auditeur'],
    table: 'audits_certification',
    label: 'Audits et certification',
    description: 'Audits internes et de certification, leurs constats, et la date de fin de certification (renouvellement tous les trois ans).',
    dateField: 'date',
    fields: [
      date('date', 'date', 'Date', true),
      select('type', 'type', 'Type', TYPES_AUDIT),
      text('auditeur', 'auditeur', 'Auditeur ou organisme', true, 200),
      longtext('constats', 'constats', 'Constats', true),
      date('certifieJusquAu', 'certifie_jusqu_au', 'Certifiée jusqu’au'),
    ],
    toAction: { origine: 'audit', titleField: 'constats' },
  },
};

export const REGISTER_KEYS = Object.keys(REGISTERS) as RegisterKey[];

export type RegisterRow = Record<string, string | number | null> & { id: string };

/** "2025-04-01 — Horaires", for a select of rows of this register. */
export function rowLabel(spec: RegisterSpec, row: RegisterRow): string {
  return spec.labelFields.map((name) => String(row[name] ?? '')).join(' — ');
}

/** A file attached to a version of a procedure of the quality manual. */
export interface ManualFileView {
  id: string;
  nom: string;
  typeMime: string;
  taille: number;
  createdAt: string;
}
