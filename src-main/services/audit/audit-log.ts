import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { asBookkeeping } from '../../../db/data-changes';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'unlock',
  'lockout',
  'denied',
  'export',
  'restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  userId: string | null;
  userLogin: string | null;
  action: AuditAction;
  route: string;
  entity?: string | null;
  entityId?: string | null;
  /** Minimal, never the content of a personal record (CNIL: logs hold as little personal data as possible). */
  detail?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRow(prevHash: string, e: AuditEntry): string {
  const canonical = JSON.stringify([e.at, e.userId, e.userLogin, e.action, e.route, e.entity ?? null, e.entityId ?? null, e.detail ?? null]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends rows to the hash-chained audit log. Writes join the caller's transaction, so a command and its audit
 * rows commit or roll back together. Update and delete are refused by triggers (migration 0001).
 */
export class AuditLog {
  private readonly lastHash: Database.Statement<[], { hash: string }>;
  private readonly insert: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    // After a purge emptied the log, the chain goes on from the last purged row's hash.
    this.lastHash = sqlite.prepare(
      `select coalesce((select hash from audit_log order by seq desc limit 1), (select dernier_hash from audit_purges order by seq desc limit 1)) as hash`,
    );
    this.insert = sqlite.prepare(
      `insert into audit_log (at, user_id, user_login, action, route, entity, entity_id, detail, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  append(entry: AuditEntry): void {
    const prevHash = this.lastHash.get()?.hash ?? GENESIS_HASH;
    const hash = hashAuditRow(prevHash, entry);
    // A journal row changes no figure: computed figures stay valid (db/data-changes.ts).
    asBookkeeping(this.sqlite, () => this.insert.run(
      entry.at,
      entry.userId,
      entry.userLogin,
      entry.action,
      entry.route,
      entry.entity ?? null,
      entry.entityId ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
      prevHash,
      hash,
    ));
  }
}

/** Recomputes the chain; returns the first broken sequence number, or null when intact. */
export function verifyAuditChain(sqlite: Database.Database): number | null {
  const rows = sqlite
    .prepare('select seq, at, user_id, user_login, action, route, entity, entity_id, detail, prev_hash, hash from audit_log order by seq')
    .all() as Array<{
    seq: number;
    at: string;
    user_id: string | null;
    user_login: string | null;
    action: AuditAction;
    route: string;
    entity: string | null;
    entity_id: string | null;
    detail: string | null;
    prev_hash: string;
    hash: string;
  }>;
  // After a purge, the chain of the remaining rows starts from the last purged row's hash.
  const anchor = sqlite.prepare('select dernier_hash from audit_purges order by seq desc limit 1').pluck().get() as string | undefined;
  let prev = anchor ?? GENESIS_HASH;
  for (const r of rows) {
    const expected = hashAuditRow(prev, {
      at: r.at,
      userId: r.user_id,
      userLogin: r.user_login,
      action: r.action,
      route: r.route,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    });
    if (r.prev_hash !== prev || r.hash !== expected) return r.seq;
    prev = r.hash;
  }
  return null;
}
