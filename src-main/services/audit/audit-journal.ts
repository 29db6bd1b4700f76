/**
 * The audit log as the direction reads it (issue 7 §6): search by period, person, action, record; the state of
 * the hash chain; and the purge after the retention period (default 12 months). A purge deletes only the oldest
 * rows, records the last one's hash (the chain of the rest is verified from it) and is itself audited.
 */
import type Database from 'better-sqlite3';
import { subMonths } from 'date-fns';
import type { AuditJournalPage, AuditJournalQuery, AuditJournalRow, AuditRetention } from '../../../src-shared/views';
import { formatMonth, formatShortDate } from '../../../src-shared/format/french-date';
import type { AuditLog } from './audit-log';
import { verifyAuditChain } from './audit-log';
import { readJsonSetting, writeJsonSetting } from '../settings/json-setting';
import { auditEntityLabel } from '../../../src-shared/domain/audit';

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

  /**
   * Names instead of identifiers, for the rows of one page: accounts by login, and records that are a person (most
   * personal-data rows are keyed by the person) or an account.
   */
  private name(lignes: AuditJournalRow[]): void {
    const lookup = (sql: string, keys: string[]) => {
      const found = new Map<string, string>();
      for (let i = 0; i < keys.length; i += 500) {
        const batch = keys.slice(i, i + 500);
        for (const r of this.sqlite.prepare(sql.replace('?', batch.map(() => '?').join(', '))).all(...batch) as Array<{ k: string; v: string }>) found.set(r.k, r.v);
      }
      return found;
    };
    const logins = lookup('select login as k, display_name as v from users where login in (?)', [...new Set(lignes.map((l) => l.utilisateur).filter((v): v is string => !!v))]);
    const ids = [...new Set(lignes.map((l) => l.enregistrement).filter((v): v is string => !!v))];
    const persons = lookup("select id as k, prenom || ' ' || upper(nom) as v from personnes where id in (?)", ids);
    const accounts = lookup('select id as k, display_name as v from users where id in (?)', ids);
    for (const l of lignes) {
      l.utilisateurNom = l.utilisateur ? (logins.get(l.utilisateur) ?? null) : null;
      l.enregistrementLibelle = l.enregistrement ? (persons.get(l.enregistrement) ?? accounts.get(l.enregistrement) ?? readableKey(l.enregistrement)) : null;
    }
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
    ).map((r) => ({ seq: r.seq, at: r.at, utilisateur: r.user_login, utilisateurNom: null as string | null, action: r.action, route: r.route, objet: r.entity, objetLibelle: auditEntityLabel(r.entity), enregistrement: r.entity_id, enregistrementLibelle: null as string | null, detail: r.detail }));
    this.name(lignes);
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

/** A record key that is not a person or an account: a month, a day, a year, a code; an unknown id stays unnamed. */
function readableKey(key: string): string | null {
  if (/^\d{4}-\d{2}$/.test(key)) return formatMonth(key);
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return formatShortDate(key);
  if (/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(key) || /^[0-9a-f]{32}$/i.test(key)) return null;
  return key.replace(':', ' ');
}
