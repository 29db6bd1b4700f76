/**
 * RGPD retention (domain-reference §6.2, issue 7 §5): who is due for anonymisation, with 30 days' notice, and the
 * anonymisation itself. A person not hired is due 24 months after their last contact; a person hired, 24 months after
 * the end of their latest parcours (or their last contact, if later); never while a parcours is open.
 *
 * Anonymising erases what identifies the person and every free text, and keeps what the observatoire counts (dates,
 * sex, education level, orienteur, criteria, hours, exits). The age at each parcours start is written on the parcours
 * before the birth date is reduced to its year, so that past years' indicators give the same numbers afterwards.
 */
import type Database from 'better-sqlite3';
import { addDays, addMonths, formatISO, subMonths } from 'date-fns';
import { AppError } from '../../../src-shared/errors';
import { toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import type { RetentionDue, RetentionSettings } from '../../../src-shared/views';
import type { AuditLog } from '../audit/audit-log';
import { readJsonSetting, writeJsonSetting } from '../settings/json-setting';
import { anonymisePerson } from './erasure';

const KEY = 'conservation_rgpd';
export const DEFAULT_RETENTION: RetentionSettings = { nonEmbaucheMois: 24, accompagnementMois: 24, preavisJours: 30 };

export class RetentionService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly audit: AuditLog,
  ) {}

  settings(): RetentionSettings {
    return readJsonSetting(this.sqlite, KEY, DEFAULT_RETENTION);
  }

  setSettings(value: RetentionSettings, now: Date): void {
    writeJsonSetting(this.sqlite, KEY, value, now);
  }

  /** The persons whose retention ends before today + notice, oldest due first. */
  review(today: string): RetentionDue[] {
    const s = this.settings();
    const horizon = toIsoDate(addDays(parseIsoDate(today), s.preavisJours));
    // Each person's last intake and parcours facts grouped in one pass over each table's person index (a correlated
    // subquery per person cost 4 lookups × 19 000 persons at ×10, issue 19). Only persons whose last activity is old
    // enough are read: a month added never moves a date back more than 3 days, so `last` + N months ≤ horizon implies
    // `last` ≤ horizon − N months + 3 days; the exact end of retention is computed below.
    const latestLast = (months: number) => toIsoDate(addDays(subMonths(parseIsoDate(horizon), months), 4));
    const rows = this.sqlite
      .prepare(
        `select p.id, p.nom, p.prenom, a.contact, pa.sortie, coalesce(pa.parcours, 0) as parcours
           from personnes p
           left join (select personne_id, max(date_premier_contact) as contact from accueils group by personne_id) a on a.personne_id = p.id
           left join (select personne_id, max(date_sortie) as sortie, count(date_debut) as parcours,
                             sum(date_debut is not null and date_sortie is null) as ouverts
                        from parcours group by personne_id) pa on pa.personne_id = p.id
          where p.anonymise_le is null and coalesce(pa.ouverts, 0) = 0
            and case when pa.parcours > 0 and pa.sortie is not null and (a.contact is null or pa.sortie > a.contact) then pa.sortie else a.contact end
                <= case when pa.parcours > 0 then @hired else @notHired end`,
      )
      .all({ hired: latestLast(s.accompagnementMois), notHired: latestLast(s.nonEmbaucheMois) }) as Array<{ id: string; nom: string; prenom: string; contact: string | null; sortie: string | null; parcours: number }>;
    // The same last-activity dates recur (ten years hold at most 3 653 of them): each end of retention computed once.
    const ends = new Map<string, string>();
    const endOfRetention = (last: string, months: number) => {
      const key = `${last}+${months}`;
      let end = ends.get(key);
      if (end === undefined) ends.set(key, (end = toIsoDate(addMonths(parseIsoDate(last), months))));
      return end;
    };
    const due: RetentionDue[] = [];
    for (const r of rows) {
      const hired = r.parcours > 0;
      const last = hired && r.sortie !== null && (r.contact === null || r.sortie > r.contact) ? r.sortie : r.contact;
      if (!last) continue;
      const echeance = endOfRetention(last, hired ? s.accompagnementMois : s.nonEmbaucheMois);
      if (echeance > horizon) continue;
      due.push({ personneId: r.id, nom: r.nom, prenom: r.prenom, motif: hired ? 'fin_accompagnement' : 'non_embauche', derniereActivite: last, echeance, echue: echeance <= today });
    }
    return due.sort((a, b) => (a.echeance < b.echeance ? -1 : a.echeance > b.echeance ? 1 : 0));
  }

  /** Anonymises persons whose retention has ended; refuses the others. Runs in the caller's transaction. */
  anonymise(ids: readonly string[], today: string, now: Date, user: { id: string; login: string } | null): number {
    const due = new Map(this.review(today).filter((d) => d.echue).map((d) => [d.personneId, d]));
    const refused = ids.filter((id) => !due.has(id));
    if (refused.length) throw new AppError('VALIDATION', `${refused.length > 1 ? `${refused.length} personnes ne sont pas arrivées au terme de leur` : '1 personne n’est pas arrivée au terme de sa'} durée de conservation : rien n’a été anonymisé.`);
    const at = formatISO(now);
    for (const id of ids) {
      anonymisePerson(this.sqlite, id, at);
      this.audit.append({ at, userId: user?.id ?? null, userLogin: user?.login ?? null, action: 'update', route: 'rgpd.anonymise', entity: 'personne', entityId: id, detail: { motif: due.get(id)!.motif } });
    }
    return ids.length;
  }
}
