import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** The continuous-improvement plan (CEDRE): actions with their origin, owner, due date, status and result. */
export const actionsAmelioration = sqliteTable(
  'actions_amelioration',
  {
    id: text('id').primaryKey(),
    intitule: text('intitule').notNull(),
    origine: text('origine').notNull(),
    responsable: text('responsable').notNull().default(''),
    indicateur: text('indicateur').notNull().default(''),
    dateOuverture: text('date_ouverture').notNull(),
    echeance: text('echeance'),
    dateCloture: text('date_cloture'),
    resultat: text('resultat').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('actions_amelioration_ouverture_idx').on(t.dateOuverture), index('actions_amelioration_cloture_idx').on(t.dateCloture)],
);

/** Complaints from salariés, clients or partners, with their handling and closure. */
export const reclamations = sqliteTable(
  'reclamations',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    origine: text('origine').notNull(),
    objet: text('objet').notNull(),
    traitement: text('traitement').notNull().default(''),
    dateCloture: text('date_cloture'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('reclamations_date_idx').on(t.date)],
);

/** Needs of the territory the structure could not meet: client requests not served, people it could not take. */
export const besoinsNonSatisfaits = sqliteTable(
  'besoins_non_satisfaits',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    nature: text('nature').notNull(),
    description: text('description').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('besoins_date_idx').on(t.date)],
);

/** Answers to the satisfaction questionnaires, one row per answer, scored 1 to 5. */
export const reponsesSatisfaction = sqliteTable(
  'reponses_satisfaction',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    public: text('public').notNull(),
    note: integer('note').notNull(),
    commentaire: text('commentaire').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('reponses_satisfaction_date_idx').on(t.date)],
);
