import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only audit log of reads and writes of personal data (domain-reference §6.3 item 5). Each row carries the
 * hash of the previous one, so that an edited or deleted row breaks the chain visibly.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    userLogin: text('user_login'),
    action: text('action').notNull(),
    route: text('route').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
