/** Hours: a month saved in one transaction for a set of contracts, and closed months that no longer change. */
import { derogation480Covers } from '../../../src-shared/rules/plafond-480';
import { and, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { endOfMonth, format } from 'date-fns';
import type { Db } from '../../../db/client';
import { clients, contrats, heures, moisClotures } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { closedMonthMessage, fromCentiemes, hoursWithinContract, periodOfEntry, SEUIL_ALERTE_480, toCentiemes, windows480 } from '../../../src-shared/rules/heures';
import { plural } from '../../../src-shared/format/french-number';
import { dayHoursPlausibility, monthHoursPlausibility } from '../../../src-shared/rules/plausibility';
import type { saveMonthInputSchema } from '../../../src-shared/schemas/insertion';
import type { MonthGrid, MonthLine, MonthSaved } from '../../../src-shared/views-insertion';
import type Database from 'better-sqlite3';
import type { ParametresService } from './parametres-service';
import { uuidv7 } from '../../lib/uuid';
import { appendTo } from '../../lib/append-to';
import { parseIsoDate } from '../../../src-shared/rules/dates';
import { formatShortMonth } from '../../../src-shared/format/french-date';


/**
 * The AI placements subject to the cap of the persons behind `count` contracts, whole history, by person and date.
 * Exported so that a test checks its plan.
 *
 * From the persons behind these contracts to their AI placements (CROSS JOIN fixes that order): a grid of
 * ACI contracts reads no hours at all, instead of every subject placement of the base (issue 19).
 */
export function placementsOfPersonsSql(count: number): string {
  const placeholders = Array.from({ length: count }, () => '?').join(',');
  return `select pe.id as personneId, pe.nom, pe.prenom, h.date, h.centiemes
    from (select distinct p2.personne_id as id from contrats c2 join parcours p2 on p2.id = c2.parcours_id where c2.id in (${placeholders})) k
    cross join personnes pe on pe.id = k.id
    cross join parcours p on p.personne_id = pe.id and +p.dispositif = 'AI'
    cross join contrats c on c.parcours_id = p.id
    cross join heures h on h.contrat_id = c.id
    join clients cl on cl.id = h.client_id and cl.soumis_plafond_480 = 1
   order by pe.id, h.date`;
}

export class HeuresService {
  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly parametres: ParametresService,
  ) {}

  /** Contracts running during the month, with their hours of that month (one line per contract and client). */
  month(mois: string): MonthGrid {
    const first = `${mois}-01`;
    const last = format(endOfMonth(parseIsoDate(first)), 'yyyy-MM-dd');
    const contracts = this.sqlite
      .prepare(
        `select c.id as contratId, pe.id as personneId, pe.nom, pe.prenom, p.dispositif, c.type as contratType, c.date_debut as dateDebut,
                coalesce(c.date_fin_reelle, c.date_fin_prevue) as dateFin, c.heures_hebdo / 100.0 as heuresHebdo
           from contrats c join parcours p on p.id = c.parcours_id join personnes pe on pe.id = p.personne_id
          where c.date_debut <= ? and (coalesce(c.date_fin_reelle, c.date_fin_prevue) is null or coalesce(c.date_fin_reelle, c.date_fin_prevue) >= ?)
          order by pe.nom_tri, c.date_debut`,
      )
      .all(last, first) as Array<Omit<MonthLine, 'clientId' | 'heures' | 'saisieJournaliere'>>;
    const sums = this.sqlite
      .prepare(
        `select h.contrat_id as contratId, h.client_id as clientId, sum(h.centiemes) as centiemes, max(h.date <> ?) as parJour
           from heures h where h.date between ? and ? group by h.contrat_id, h.client_id`,
      )
      .all(first, first, last) as Array<{ contratId: string; clientId: string | null; centiemes: number; parJour: number }>;
    const lignes: MonthLine[] = [];
    for (const c of contracts) {
      const own = sums.filter((x) => x.contratId === c.contratId);
      const daily = own.some((x) => x.parJour === 1);
      if (own.length === 0) lignes.push({ ...c, clientId: null, heures: 0, saisieJournaliere: false });
      for (const x of own) lignes.push({ ...c, clientId: x.clientId, heures: fromCentiemes(x.centiemes), saisieJournaliere: daily });
    }
    return { mois, cloture: this.isClosed(mois), lignes, hRef: this.parametres.valueAt('h_ref', first) };
  }

  isClosed(mois: string): boolean {
    return this.lineStatements.closed.get(mois) !== undefined;
  }

  /**
   * Lines of hours (a day, or a month's total dated on its first day), each checked by the caller against its
   * contract: the import writes history here, line by line (issue 18 §1), where the grid replaces a whole month
   * (saveMonth). A line replaces what the same day and client held. A closed month refuses any change, with the
   * grid's message. The writer serves one transaction: it reads each month's closure once.
   */
  lineWriter(now: Date): { record(line: { contratId: string; date: string; centiemes: number; clientId: string | null }): 'created' | 'updated' | 'unchanged' } {
    const { existing, update, insert } = this.lineStatements;
    const closedMonths = new Map<string, boolean>();
    const at = now.toISOString();
    return {
      record: (line) => {
        const stored = existing.get(line.contratId, line.date, line.clientId) as { id: string; centiemes: number } | undefined;
        if (stored?.centiemes === line.centiemes) return 'unchanged';
        const mois = line.date.slice(0, 7);
        if (!closedMonths.has(mois)) closedMonths.set(mois, this.isClosed(mois));
        if (closedMonths.get(mois)) throw new AppError('CONFLICT', closedMonthMessage(mois));
        if (stored) {
          update.run(line.centiemes, stored.id);
          return 'updated';
        }
        insert.run(uuidv7(now.getTime()), line.contratId, line.date, line.centiemes, line.clientId, at);
        return 'created';
      },
    };
  }

  /** Prepared once: drizzle builds and prepares its SQL again at every call (200 lines cost 13 ms of a save at ×10, issue 19). */
  private get lineStatements() {
    this.preparedLine ??= {
      existing: this.sqlite.prepare('select id, centiemes from heures where contrat_id = ? and date = ? and client_id is ?'),
      closed: this.sqlite.prepare('select 1 from mois_clotures where mois = ?').pluck(),
      update: this.sqlite.prepare('update heures set centiemes = ? where id = ?'),
      insert: this.sqlite.prepare('insert into heures (id, contrat_id, date, centiemes, client_id, created_at) values (?, ?, ?, ?, ?, ?)'),
    };
    return this.preparedLine;
  }

  private preparedLine?: Record<'existing' | 'closed' | 'update' | 'insert', Database.Statement>;

  /**
   * Replaces the month's hours of the given contracts. Every entry is checked first (date in the month and in its
   * contract's period, known client); any problem refuses the whole save, with the line it concerns.
   */
  saveMonth(input: z.output<typeof saveMonthInputSchema>, now: Date): MonthSaved {
    if (this.isClosed(input.mois)) throw new AppError('CONFLICT', closedMonthMessage(input.mois));
    const first = `${input.mois}-01`;
    const last = format(endOfMonth(parseIsoDate(first)), 'yyyy-MM-dd');
    const ids = [...new Set(input.contratIds)];
    const known = new Map(this.db.select().from(contrats).where(inArray(contrats.id, ids)).all().map((c) => [c.id, c]));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `${missing.length > 1 ? `${missing.length} contrats de la saisie n’existent pas` : '1 contrat de la saisie n’existe pas'} (ou plus).`);
    const clientIds = new Set(this.db.select({ id: clients.id }).from(clients).all().map((c) => c.id));
    const problems: Record<string, string> = {};
    input.entrees.forEach((e, i) => {
      const c = known.get(e.contratId);
      if (!c) problems[`entrees.${i}`] = 'Ce contrat ne fait pas partie de la saisie.';
      else if (e.date < first || e.date > last) problems[`entrees.${i}`] = `Date hors du mois ${formatShortMonth(input.mois)}.`;
      else if (!hoursWithinContract(periodOfEntry(e.date, e.date === first), { dateDebut: c.dateDebut, end: c.dateFinReelle ?? c.dateFinPrevue })) {
        problems[`entrees.${i}`] = 'Date en dehors de la période du contrat.';
      } else if (e.clientId && !clientIds.has(e.clientId)) problems[`entrees.${i}`] = 'Client inconnu.';
    });
    const warnings: Record<string, string> = {};
    this.checkPlausibility(input, known, problems, warnings);
    const wrong = Object.keys(problems).length;
    if (wrong) throw new AppError('VALIDATION', `${plural(wrong, 'ligne')} à corriger : rien n’a été enregistré.`, problems);
    const unusual = Object.keys(warnings).length;
    if (unusual && !input.confirme) throw new AppError('CONFIRMATION_REQUIRED', `${plural(unusual, 'ligne inhabituelle', 'lignes inhabituelles')} à confirmer avant d’enregistrer.`, warnings);

    this.db.delete(heures).where(and(inArray(heures.contratId, ids), gte(heures.date, first), lte(heures.date, last))).run();
    let total = 0;
    const at = now.toISOString();
    const { insert } = this.lineStatements;
    for (const e of input.entrees) {
      const centiemes = toCentiemes(e.heures);
      if (centiemes === 0) continue;
      total += centiemes;
      insert.run(uuidv7(now.getTime()), e.contratId, e.date, centiemes, e.clientId, at);
    }
    return {
      mois: input.mois,
      entrees: input.entrees.filter((e) => toCentiemes(e.heures) !== 0).length,
      heures: fromCentiemes(total),
      alertes480: this.alerts480(ids, last),
    };
  }

  /**
   * src-shared/rules/plausibility.ts on the month: each contract's monthly total against the days it covers and its
   * weekly hours, each day entry against a day's hours. Problems go on the contract's last entry of the month.
   */
  private checkPlausibility(input: z.output<typeof saveMonthInputSchema>, known: Map<string, typeof contrats.$inferSelect>, problems: Record<string, string>, warnings: Record<string, string>): void {
    const totals = new Map<string, { heures: number; last: number }>();
    input.entrees.forEach((e, i) => {
      const t = totals.get(e.contratId) ?? { heures: 0, last: i };
      totals.set(e.contratId, { heures: t.heures + e.heures, last: i });
      if (e.date !== `${input.mois}-01` && !problems[`entrees.${i}`]) {
        const day = dayHoursPlausibility(e.heures);
        if (day) (day.level === 'limit' ? problems : warnings)[`entrees.${i}`] = day.message;
      }
    });
    for (const [contratId, t] of totals) {
      const c = known.get(contratId);
      const key = `entrees.${t.last}`;
      if (!c || problems[key]) continue;
      const check = monthHoursPlausibility(t.heures, input.mois, { dateDebut: c.dateDebut, dateFin: c.dateFinReelle ?? c.dateFinPrevue, heuresHebdo: c.heuresHebdo === null ? null : fromCentiemes(c.heuresHebdo) });
      if (check) (check.level === 'limit' ? problems : warnings)[key] = check.message;
    }
  }

  /**
   * The AI 480-hour rule (V5, L5132-9 2°) for the persons behind these contracts, in the window that contains
   * `onDate`: placements with clients subject to the cap; none while a prefect's derogation runs.
   */
  private alerts480(contratIds: string[], onDate: string): string[] {
    const cap = this.parametres.valueAt('plafond_ai_entreprises_heures', onDate);
    if (derogation480Covers(this.parametres.valueAt('derogation_480h_jusquau', onDate), onDate)) return [];
    const rows = this.sqlite
      .prepare(placementsOfPersonsSql(contratIds.length))
      .all(...contratIds) as Array<{ personneId: string; nom: string; prenom: string; date: string; centiemes: number }>;
    const byPerson = new Map<string, typeof rows>();
    for (const r of rows) appendTo(byPerson, r.personneId, r);
    const alerts: string[] = [];
    for (const list of byPerson.values()) {
      const w = windows480(list.map((r) => ({ date: r.date, heures: fromCentiemes(r.centiemes) }))).find((x) => x.debut <= onDate && onDate <= x.fin);
      if (!w || w.heures < cap * SEUIL_ALERTE_480) continue;
      const who = `${list[0]!.prenom} ${list[0]!.nom.toUpperCase()}`;
      const until = format(parseIsoDate(w.fin), 'dd/MM/yyyy');
      alerts.push(
        w.heures > cap
          ? `${who} : ${w.heures} h de mise à disposition soumise au plafond (entreprises, collectivités, besoins professionnels), au-delà de ${cap} h sur 24 mois (jusqu'au ${until}). Sans dérogation préfectorale, ne la placez plus chez ces clients d'ici là.`
          : `${who} : ${w.heures} h de mise à disposition soumise au plafond sur ${cap} h autorisées sur 24 mois (jusqu'au ${until}).`,
      );
    }
    return alerts;
  }

  closeMonth(mois: string, userId: string, now: Date): void {
    if (this.isClosed(mois)) throw new AppError('CONFLICT', `Le mois ${formatShortMonth(mois)} est déjà clôturé.`);
    this.db.insert(moisClotures).values({ mois, clotureLe: now.toISOString(), cloturePar: userId }).run();
  }
}
