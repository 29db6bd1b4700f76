import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The spreadsheet's own identifiers (`ref` columns of IMPORT-FORMAT) and the rows they became, per sheet: a second
 * import of the same workbook updates those rows instead of creating duplicates.
 */
export const importRefs = sqliteTable(
  'import_refs',
  {
    feuille: text('feuille').notNull(),
    ref: text('ref').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.feuille, t.ref] })],
);
