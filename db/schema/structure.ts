import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
