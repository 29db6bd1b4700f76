import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { personnes } from './personnes';

/** PASS IAE as issued; the computed end adds suspensions and prolongations (src-shared/rules/pass-iae.ts). */
export const passIae = sqliteTable(
  'pass_iae',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    numero: text('numero').notNull().unique(),
    dateDebut: text('date_debut').notNull(),
    dateFin: text('date_fin').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('pass_personne_idx').on(t.personneId),
    // The dashboard's PASS ending soon read a range of issued ends, not every PASS ever issued.
    index('pass_fin_idx').on(t.dateFin),
  ],
);

/** A dated period of a PASS with its reason: suspensions and prolongations have the same shape. */
function passPeriodColumns() {
  return {
    id: text('id').primaryKey(),
    passId: text('pass_id')
      .notNull()
      .references(() => passIae.id, { onDelete: 'cascade' }),
    dateDebut: text('date_debut').notNull(),
    dateFin: text('date_fin').notNull(),
    motif: text('motif').notNull(),
    createdAt: text('created_at').notNull(),
  };
}

export const passSuspensions = sqliteTable('pass_suspensions', passPeriodColumns(), (t) => [index('pass_suspensions_pass_idx').on(t.passId)]);

export const passProlongations = sqliteTable('pass_prolongations', passPeriodColumns(), (t) => [index('pass_prolongations_pass_idx').on(t.passId)]);
