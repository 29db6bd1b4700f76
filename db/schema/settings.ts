import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Structure-wide settings as JSON values under stable keys (e.g. "securite"). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
