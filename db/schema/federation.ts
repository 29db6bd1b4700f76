import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The federation's register of its members' signing keys (issue 17 §3, issue 20 §4), typed from each member's
 * registration sheet: a report is authentic when its key is registered for its SIRET and was not retired before it
 * was signed. A member that rotates its key has one row per key.
 */
export const clesMembres = sqliteTable(
  'cles_membres',
  {
    id: text('id').primaryKey(),
    siret: text('siret').notNull(),
    nom: text('nom').notNull(),
    /** RFC 7638 thumbprint of the member's public key, as printed on its sheet. */
    kid: text('kid').notNull(),
    /** Date of the registration sheet (AAAA-MM-JJ). */
    dateFiche: text('date_fiche').notNull(),
    /** From this date the key no longer authenticates new reports (AAAA-MM-JJ); null while in use. */
    retireeLe: text('retiree_le'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cles_membres_siret_kid').on(t.siret, t.kid), index('cles_membres_kid_idx').on(t.kid)],
);
