/**
 * The audit log as the direction reads it (issue 7 §6): search by period, person, action, record; the state of
 * the hash chain; and the purge after the retention period (default 12 months). A purge deletes only the oldest
 * rows, records the last one's hash (the chain of the rest is verified from it) and is itself audited.
 */
import type Database from 'better-sqlite3';
import { subMonths } from 'date-fns';
import type { AuditJournalPage, AuditJournalQuery, AuditRetention } from '../../../src-shared/views';
import type { AuditLog } from './audit-log';
import { verifyAuditChain } from './audit-log';
import { readJsonSetting, writeJsonSetting } from '../settings/json-setting';

const KEY = 'journal_audit';
export const DEFAULT_AUDIT_RETENTION: AuditRetention = { conservationMois: 12 };

export class AuditJournalService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly audit: AuditLog,
  ) {}

  retention(): AuditRetention {
    return readJsonSetting(this.sqlite, KEY, DEFAULT_AUDIT_RETENTION);
  }

  setRetention(value: AuditRetention, now: Date): AuditRetention {
    writeJsonSetting(this.sqlite, KEY, value, now);
    return value;
  }

  search(q: AuditJournalQuery): AuditJournalPage {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (q.du) add('at >= ?', q.du);
    if (q.au) add('at <= ?', `${q.au}T23:59:59.999Z`);
    if (q.utilisateur) add('user_login = ?', q.utilisateur.toLowerCase());
    if (q.action) add('action = ?', q.action);
    if (q.objet) add('entity = ?', q.objet);
    if (q.enregistrement) add('entity_id = ?', q.enregistrement);
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const total = this.sqlite.prepare(`select count(*) from audit_log ${clause}`).pluck().get(...params) as number;
    const lignes = (
      this.sqlite
        .prepare(`select seq, at, user_login, action, route, entity, entity_id, detail from audit_log ${clause} order by seq desc limit ? offset ?`)
        .all(...params, q.limit, q.offset) as Array<{ seq: number; at: string; user_login: string | null; action: string; route: string; entity: string | null; entity_id: string | null; detail: string | null }>
    ).map((r) => ({ seq: r.seq, at: r.at, utilisateur: r.user_login, action: r.action, route: r.route, objet: r.entity, enregistrement: r.entity_id, detail: r.detail }));
    const broken = verifyAuditChain(this.sqlite);
    const lastPurge = this.sqlite.prepare('select at, avant, lignes from audit_purges order by seq desc limit 1').get() as { at: string; avant: string; lignes: number } | undefined;
    return { lignes, total, chaineIntacte: broken === null, premiereLigneAlteree: broken, dernierePurge: lastPurge ?? null, conservation: this.retention() };
  }

  /** Deletes the entries older than the retention period; returns how many. Runs in the caller's transaction. */
  purge(now: Date): number {
    const before = subMonths(now, this.retention().conservationMois).toISOString();
    const last = this.sqlite.prepare('select seq, hash from audit_log where at < ? order by seq desc limit 1').get(before) as { seq: number; hash: string } | undefined;
    if (!last) return 0;
    const count = this.sqlite.prepare('select count(*) from audit_log where seq <= ?').pluck().get(last.seq) as number;
    this.sqlite.prepare('insert into audit_purge_autorisee (id) values (1)').run();
    this.sqlite.prepare('delete from audit_log where seq <= ?').run(last.seq);
    this.sqlite.prepare('delete from audit_purge_autorisee').run();
    this.sqlite.prepare('insert into audit_purges (at, avant, lignes, dernier_seq, dernier_hash) values (?, ?, ?, ?, ?)').run(now.toISOString(), before, count, last.seq, last.hash);
    this.audit.append({ at: now.toISOString(), userId: null, userLogin: null, action: 'delete', route: 'audit.purge', entity: 'audit_log', detail: { avant: before, lignes: count } });
    return count;
  }
}
