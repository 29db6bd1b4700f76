import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The structure (one row): identity used on every report and on the signed federation file. */
export const structure = sqliteTable('structure', {
  id: text('id').primaryKey(),
  nom: text('nom').notNull(),
  siret: text('siret').notNull(),
  departement: text('departement').notNull(),
  adresse: text('adresse').notNull().default(''),
  codePostal: text('code_postal').notNull().default(''),
  commune: text('commune').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The SIAE kinds the structure runs (an ensemblier runs several). Yearly figures hang off these later. */
export const dispositifs = sqliteTable('dispositifs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull().unique(),
  createdAt: text('created_at').notNull(),
});

/**
 * A dispositif's figures for one year (its annexe financière): the number of the annexe and the ETP conventionnés
 * the State funds, the denominator of the realisation rate (REPORT-SPEC §2.3).
 */
export const dispositifsAnnees = sqliteTable(
  'dispositifs_annees',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    annee: integer('annee').notNull(),
    annexeFinanciere: text('annexe_financiere').notNull().default(''),
    /**
     * ETP conventionnés in ten-thousandths (4,5 ETP = 45 000): an annexe may state 0,125 ETP, and REPORT-SPEC sums
     * these values unrounded (docs/report-spec.md §5.12), so hundredths were too coarse (issue 21).
     */
    etpConventionnesDixMilliemes: integer('etp_conventionnes_dix_milliemes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('dispositifs_annees_kind_annee_idx').on(t.kind, t.annee)],
);
