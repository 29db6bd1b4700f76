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

/**
 * Purges of the audit log after its retention period: each one records the last purged row's hash, from which the
 * chain of the remaining rows is verified. Append-only like the log.
 */
export const auditPurges = sqliteTable('audit_purges', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  avant: text('avant').notNull(),
  lignes: integer('lignes').notNull(),
  dernierSeq: integer('dernier_seq').notNull(),
  dernierHash: text('dernier_hash').notNull(),
});

/** A row here, only inside the purge's own transaction, lets that purge delete the oldest rows of the log. */
export const auditPurgeAutorisee = sqliteTable('audit_purge_autorisee', { id: integer('id').primaryKey() });
