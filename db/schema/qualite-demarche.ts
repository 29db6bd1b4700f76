/**
 * Tables of the CEDRE quality approach's registers (src-shared/qualite/registers.ts describes their fields):
 * staff and trainings, work environment, participation, quality manual, certification audits; and the
 * self-assessment grid with its ratings.
 */
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

const stamps = { createdAt: text('created_at').notNull(), updatedAt: text('updated_at').notNull() };

export const personnel = sqliteTable('personnel', {
  id: text('id').primaryKey(),
  nom: text('nom').notNull(),
  fonction: text('fonction').notNull(),
  statut: text('statut').notNull(),
  qualification: text('qualification'),
  dateEntree: text('date_entree').notNull(),
  dateSortie: text('date_sortie'),
  ...stamps,
});

export const formationsPersonnel = sqliteTable(
  'formations_personnel',
  {
    id: text('id').primaryKey(),
    personnelId: text('personnel_id')
      .notNull()
      .references(() => personnel.id),
    date: text('date').notNull(),
    intitule: text('intitule').notNull(),
    organisme: text('organisme'),
    heures: real('heures'),
    ...stamps,
  },
  (t) => [index('formations_personnel_date_idx').on(t.date), index('formations_personnel_personne_idx').on(t.personnelId)],
);

export const controlesEnvironnement = sqliteTable(
  'controles_environnement',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    nature: text('nature').notNull(),
    lieu: text('lieu'),
    constat: text('constat').notNull(),
    suite: text('suite'),
    dateCloture: text('date_cloture'),
    ...stamps,
  },
  (t) => [index('controles_environnement_date_idx').on(t.date)],
);

export const tempsCollectifs = sqliteTable(
  'temps_collectifs',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    nature: text('nature').notNull(),
    objet: text('objet').notNull(),
    participants: integer('participants').notNull(),
    compteRendu: text('compte_rendu'),
    ...stamps,
  },
  (t) => [index('temps_collectifs_date_idx').on(t.date)],
);

export const propositionsSalaries = sqliteTable(
  'propositions_salaries',
  {
    id: text('id').primaryKey(),
    tempsId: text('temps_id')
      .notNull()
      .references(() => tempsCollectifs.id),
    date: text('date').notNull(),
    proposition: text('proposition').notNull(),
    decision: text('decision').notNull(),
    motif: text('motif'),
    ...stamps,
  },
  (t) => [index('propositions_salaries_date_idx').on(t.date)],
);

export const documentsQualite = sqliteTable(
  'documents_qualite',
  {
    id: text('id').primaryKey(),
    titre: text('titre').notNull(),
    version: integer('version').notNull(),
    approuveLe: text('approuve_le').notNull(),
    approuvePar: text('approuve_par').notNull(),
    contenu: text('contenu').notNull(),
    ...stamps,
  },
  (t) => [uniqueIndex('documents_qualite_version_idx').on(t.titre, t.version)],
);

/** Files attached to a version of a procedure (a Word or PDF document written elsewhere), kept in the encrypted base. */
export const documentsQualiteFichiers = sqliteTable(
  'documents_qualite_fichiers',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documentsQualite.id),
    nom: text('nom').notNull(),
    typeMime: text('type_mime').notNull(),
    taille: integer('taille').notNull(),
    contenu: blob('contenu', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('documents_qualite_fichiers_document_idx').on(t.documentId)],
);

export const auditsCertification = sqliteTable(
  'audits_certification',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    type: text('type').notNull(),
    auditeur: text('auditeur').notNull(),
    constats: text('constats').notNull(),
    certifieJusquAu: text('certifie_jusqu_au'),
    ...stamps,
  },
  (t) => [index('audits_certification_date_idx').on(t.date)],
);

/** The self-assessment grid: requirements as data (importable, exportable), each with its evidence measure. */
export const grilleExigences = sqliteTable('grille_exigences', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  mission: text('mission').notNull(),
  engagement: text('engagement').notNull(),
  libelle: text('libelle').notNull(),
  /** A key of the evidence catalogue (services/qualite/evidence.ts), or null when the requirement has no figure. */
  preuve: text('preuve'),
  /** The target of the evidence (a share between 0 and 1, or a count), for the colour of the figure. */
  cible: real('cible'),
  ordre: integer('ordre').notNull(),
  ...stamps,
});

export const autoEvaluations = sqliteTable(
  'auto_evaluations',
  {
    id: text('id').primaryKey(),
    exigenceCode: text('exigence_code').notNull(),
    annee: integer('annee').notNull(),
    niveau: text('niveau').notNull(),
    commentaire: text('commentaire').notNull().default(''),
    evaluePar: text('evalue_par').references(() => users.id),
    ...stamps,
  },
  (t) => [uniqueIndex('auto_evaluations_exigence_annee_idx').on(t.exigenceCode, t.annee)],
);

/** Satisfaction questionnaires with their questions (JSON), configurable by the structure (issue 8 §3). */
export const questionnaires = sqliteTable('questionnaires', {
  id: text('id').primaryKey(),
  titre: text('titre').notNull(),
  public: text('public').notNull(),
  moment: text('moment').notNull(),
  questions: text('questions').notNull(),
  actif: integer('actif', { mode: 'boolean' }).notNull().default(true),
  ...stamps,
});

/** Anonymous answers, entered on the kiosk screen by the person themselves. */
export const reponsesQuestionnaires = sqliteTable(
  'reponses_questionnaires',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    date: text('date').notNull(),
    reponses: text('reponses').notNull(),
    /** Mean of the rated questions (1–5), null when none was answered. */
    noteMoyenne: real('note_moyenne'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('reponses_questionnaires_date_idx').on(t.questionnaireId, t.date)],
);
