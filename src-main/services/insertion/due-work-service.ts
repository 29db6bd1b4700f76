/**
 * What needs doing now in the parcours (issue 4, tableau de bord): overdue and coming bilans, contracts ending within
 * 30 days, CER not signed after the delay, AI persons nearing 480 hours with companies, months not closed.
 */
import { derogation480Covers } from '../../../src-shared/rules/plafond-480';
import { addDays, addMonths, format } from 'date-fns';
import type Database from 'better-sqlite3';
import { cerDueDate, nextBilanDue } from '../../../src-shared/rules/echeances';
import { fromCentiemes, SEUIL_ALERTE_480, windows480, type Placement } from '../../../src-shared/rules/heures';
import { toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import type { SiaeKind } from '../../../src-shared/siae';
import type { InsertionDueWork, DueItem } from '../../../src-shared/views-insertion';
import type { ParametresService } from './parametres-service';
import { appendTo } from '../../lib/append-to';

const SOON_DAYS = 30;

interface OpenParcours {
  id: string;
  personne_id: string;
  nom: string;
  prenom: string;
  dispositif: SiaeKind;
  date_debut: string;
  dernier_bilan: string | null;
  cer_signe: string | null;
}

/**
 * Hours of AI persons subject to the cap, whole history, for persons whose such hours since the first parameter reach
 * the second (hundredths; the referent after each, when `mine`). Exported so that a test checks its plan.
 *
 * CROSS JOIN fixes SQLite's join order (its documented planner control): from the few clients subject to
 * the cap through their recent hours, then from those persons only; left free, the planner walked every AI
 * parcours and all their hours (272 ms against 80 ms at ×10 over ten years, EXPLAIN QUERY PLAN).
 * The recent lines are first reduced to their contracts (covering heures_client_idx), so that contracts and
 * parcours are looked up once per contract, not once per line. `+p.dispositif` keeps SQLite on the person
 * index: offered the dispositif index too, it walked every AI parcours for each person (2 s at ×10).
 */
export function recentSubjectPlacementsSql(mine: boolean): string {
  const byReferent = mine ? 'and p.referent_id = ?' : '';
  // Unary + on the per-person lookup's other terms keeps it on the person index (see above).
  const byReferentFiltered = mine ? 'and +p.referent_id = ?' : '';
  return `with recent as (
      select p.personne_id
        from (select h.contrat_id, sum(h.centiemes) as centiemes from clients cl cross join heures h on h.client_id = cl.id and h.date >= ?
               where cl.soumis_plafond_480 = 1 group by h.contrat_id) t
        cross join contrats c on c.id = t.contrat_id cross join parcours p on p.id = c.parcours_id
       where p.dispositif = 'AI' ${byReferent}
       group by p.personne_id having sum(t.centiemes) >= ?)
    select p.personne_id, h.date, h.centiemes
      from recent r cross join parcours p on p.personne_id = r.personne_id and +p.dispositif = 'AI' ${byReferentFiltered}
      cross join contrats c on c.parcours_id = p.id cross join heures h on h.contrat_id = c.id
      join clients cl on cl.id = h.client_id and cl.soumis_plafond_480 = 1`;
}

export class DueWorkService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly parametres: ParametresService,
  ) {}

  list(today: string, referentId: string | null): InsertionDueWork {
    const soon = toIsoDate(addDays(parseIsoDate(today), SOON_DAYS));
    const byReferent = referentId ? 'and p.referent_id = ?' : '';
    const args = referentId ? [referentId] : [];
    const open = this.sqlite
      .prepare(
        `select p.id, p.personne_id, pe.nom, pe.prenom, p.dispositif, p.date_debut,
                (select max(b.date) from bilans b where b.parcours_id = p.id) as dernier_bilan,
                (select min(c.date_signature) from cer c where c.parcours_id = p.id and c.date_signature is not null) as cer_signe
           from parcours p join personnes pe on pe.id = p.personne_id
          where p.date_sortie is null and p.date_debut is not null ${byReferent}
          order by pe.nom_tri`,
      )
      .all(...args) as OpenParcours[];
    const item = (p: OpenParcours, date: string, detail: string): DueItem => ({ personneId: p.personne_id, nom: p.nom, prenom: p.prenom, dispositif: p.dispositif, date, detail });

    const bilansEnRetard: DueItem[] = [];
    const bilansAVenir: DueItem[] = [];
    const cerManquants: DueItem[] = [];
    // Parameters in force at each parcours start (dated law), from one read of each.
    const intervalleAt = this.parametres.valuesOnDates('intervalle_bilan_mois');
    const delaiAt = this.parametres.valuesOnDates('delai_cer_jours');
    for (const p of open) {
      const due = nextBilanDue(p.date_debut, p.dernier_bilan ? [p.dernier_bilan] : [], intervalleAt(p.date_debut));
      if (due < today) bilansEnRetard.push(item(p, due, p.dernier_bilan ? 'Bilan attendu' : 'Aucun bilan depuis l’entrée'));
      else if (due <= soon) bilansAVenir.push(item(p, due, 'Bilan à prévoir'));
      const cerDue = cerDueDate(p.date_debut, delaiAt(p.date_debut));
      if (!p.cer_signe && cerDue < today) cerManquants.push(item(p, cerDue, 'CER non signé'));
    }

    const contratsFinProche = (
      this.sqlite
        .prepare(
          `select p.id, p.personne_id, pe.nom, pe.prenom, p.dispositif, c.type, coalesce(c.date_fin_reelle, c.date_fin_prevue) as fin
             from contrats c join parcours p on p.id = c.parcours_id join personnes pe on pe.id = p.personne_id
            where p.date_sortie is null and coalesce(c.date_fin_reelle, c.date_fin_prevue) between ? and ? ${byReferent}
              and not exists (select 1 from contrats n where n.parcours_id = c.parcours_id and n.date_debut > c.date_debut)
            order by fin`,
        )
        .all(today, soon, ...args) as Array<OpenParcours & { fin: string }>
    ).map((p) => item(p, p.fin, 'Fin de contrat : renouvellement ou sortie à préparer'));

    // AI: hours subject to the cap (L5132-9 2°: companies, public bodies, professional needs), in the current
    // 24-month window of each person, against the cap in force today; nothing while a prefect's derogation runs.
    const cap = this.parametres.valueAt('plafond_ai_entreprises_heures', today);
    const derogation = derogation480Covers(this.parametres.valueAt('derogation_480h_jusquau', today), today);
    // Only persons with a subject placement in the last 24 months can be in a window that has not ended (a window is
    // opened by a placement and lasts 24 months); their whole history is read, since it places their windows.
    const since = toIsoDate(addMonths(parseIsoDate(today), -24));
    // A window that has not ended began after `since` and counts hours dated from its start: a person whose hours
    // since then stay under the alert level cannot reach it in that window (whole histories are read for the others).
    const alertLevel = Math.floor(cap * SEUIL_ALERTE_480 * 100);
    const placements = this.sqlite
      .prepare(recentSubjectPlacementsSql(referentId !== null))
      .all(since, ...args, alertLevel, ...args) as Array<{ personne_id: string; date: string; centiemes: number }>;
    const alertes480: DueItem[] = [];
    const byPerson = new Map<string, Placement[]>();
    for (const row of placements) appendTo(byPerson, row.personne_id, { date: row.date, heures: fromCentiemes(row.centiemes) });
    // Names are read for the persons alerted only (windows480 sorts the placements by date itself).
    const nameOf = this.sqlite.prepare('select nom, prenom from personnes where id = ?');
    for (const [personneId, rows] of byPerson) {
      const current = windows480(rows).find((w) => w.fin >= today);
      if (!derogation && current && current.heures >= cap * SEUIL_ALERTE_480) {
        const { nom, prenom } = nameOf.get(personneId) as { nom: string; prenom: string };
        const detail = current.heures > cap ? `${current.heures} h soumises au plafond : ${cap} h dépassées` : `${current.heures} h soumises au plafond sur ${cap} h autorisées`;
        alertes480.push({ personneId, nom, prenom, dispositif: 'AI', date: current.fin, detail });
      }
    }
    // In person id order, as when the query sorted the placements: a stable list for the screen.
    alertes480.sort((a, b) => (a.personneId < b.personneId ? -1 : a.personneId > b.personneId ? 1 : 0));

    // The twelve months before this one that have hours and are not closed: one index probe per month (an existence
    // test) instead of reading a year of hours lines.
    const closed = new Set(this.sqlite.prepare('select mois from mois_clotures').pluck().all() as string[]);
    const hasHours = this.sqlite.prepare('select exists (select 1 from heures where date >= ? and date < ?)').pluck();
    const moisNonClotures: string[] = [];
    for (let back = 1; back <= 12; back++) {
      const first = addMonths(parseIsoDate(`${today.slice(0, 7)}-01`), -back);
      const mois = format(first, 'yyyy-MM');
      if (!closed.has(mois) && hasHours.get(`${mois}-01`, toIsoDate(addMonths(first, 1))) === 1) moisNonClotures.push(mois);
    }

    return {
      perimetre: referentId ? 'mes_parcours' : 'structure',
      bilansEnRetard,
      bilansAVenir,
      contratsFinProche,
      cerManquants,
      alertes480,
      moisNonClotures,
    };
  }
}
