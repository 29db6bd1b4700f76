/**
 * The indicators of one year (REPORT-SPEC §2), for the structure and per dispositif. Every query is bounded by the
 * year through an indexed date column, so a year's report costs what that year's data costs, not ten years of
 * history. The salariés en parcours of the year are gathered once into a temporary table the other queries join.
 *
 * Choices where the spec is silent (docs/report-spec.md §5): a person with several parcours in the year is described
 * (sex, age, profile) by the latest one started, in the dispositif and in the structure totals; parameters are those
 * in force on 31 December of the year; per-dispositif values cover the dispositifs the structure runs.
 */
import type Database from 'better-sqlite3';
import { YearFiguresCache } from './year-figures-cache';
import { asBookkeeping } from '../../../db/data-changes';
import { preparedOnce } from '../../../db/prepared-once';
import type { CategorieSortie, MotifSortie } from '../../../src-shared/domain/insertion';
import { CLIENT_TYPES } from '../../../src-shared/domain/insertion';
import { isCodeOf } from '../../../src-shared/domain/code-lists';
import type { ParametresValeurs } from '../../../src-shared/domain/parametres';
import { DERIVATIONS, INDICATOR_DEFINITIONS, RATIOS, ratioValue, UNIT_DECIMALS, type Derivation, type IndicatorId, type IndicatorMap } from '../../../src-shared/observatoire/indicateurs';
import { isBilanOverdue, cerSignedInTime } from '../../../src-shared/rules/echeances';
import { fromDixMilliemes, round, windows480, type Fenetre480 } from '../../../src-shared/rules/heures';
import { derogation480Covers } from '../../../src-shared/rules/plafond-480';
import { isExitCounted, parcoursMonths, type ExitThresholds } from '../../../src-shared/rules/sorties';
import { SIAE_KINDS, type SiaeKind } from '../../../src-shared/siae';
import type { ParametresService } from '../insertion/parametres-service';
import type { AnnexesFinancieresService } from '../structure/annexes-service';
import { FAMILIES_ON_SALARIES, FAMILY_ROWS, familyOf, ROW_FAMILIES, type CountedRow, type RowContext, type RowFamily } from './counted-rows';
import { appendTo } from '../../lib/append-to';
import { isInPart, type ObservatoirePart } from '../../../src-shared/observatoire/page-parts';

export interface ReportParametres {
  h_ref: ParametresValeurs['h_ref'];
  delai_cer_jours: number;
  intervalle_bilan_mois: number;
  plafond_ai_entreprises_heures: number;
  mapping_sorties: Record<MotifSortie, CategorieSortie>;
}

export interface YearIndicators {
  annee: number;
  dispositifs: SiaeKind[];
  parametres: ReportParametres;
  /** Real values, before the small-cell suppression of the federation file. */
  indicateurs: IndicatorMap;
}


/**
 * Subject placements of the AI persons who may exceed the cap in a year: parameters are the period [Y-2, Y+2], the cap
 * in hundredths, and 31 December of Y. Exported so that a test checks its plan.
 *
 * Candidates from the company clients' hours of the period (heures_client_idx), then their own history
 * through their parcours: never every AI placement of ten years.
 * A window overlapping Y lies within [Y-2, Y+2]: only persons with more than the cap there can exceed it.
 * The period's hours are summed per contract from the covering heures_client_idx first, so that contracts and
 * parcours are looked up once per contract rather than once per line (60 → 25 ms at ×10). `+p.dispositif` keeps
 * SQLite on the person index (with the dispositif index it walked every AI parcours for each candidate).
 */
export const OVERRUN_480_CANDIDATES_SQL = `with candidats as materialized (
    select p2.personne_id from (
        select h2.contrat_id, sum(h2.centiemes) as centiemes from clients cl2 cross join heures h2 on h2.client_id = cl2.id
         where cl2.soumis_plafond_480 = 1 and h2.date between ? and ? group by h2.contrat_id) t
      cross join contrats c2 on c2.id = t.contrat_id cross join parcours p2 on p2.id = c2.parcours_id
     where p2.dispositif = 'AI' group by p2.personne_id having sum(t.centiemes) > ?)
  select p.personne_id, h.date, h.centiemes from candidats k cross join parcours p on p.personne_id = k.personne_id
    cross join contrats c on c.parcours_id = p.id cross join heures h on h.contrat_id = c.id cross join clients cl on cl.id = h.client_id
   where +p.dispositif = 'AI' and cl.soumis_plafond_480 = 1 and h.date <= ?`;

export type Scope = SiaeKind | null;

export interface YearExit {
  parcours_id: string;
  personne_id: string;
  dispositif: SiaeKind;
  date_debut: string;
  date_sortie: string;
  motif_sortie: MotifSortie | null;
  counted: boolean;
  category: CategorieSortie;
}

/**
 * A salarié concerned by a frein in a scope (a dispositif, or the structure when null), and whether the structure
 * (`interne`) or a partner (`externe`) supported them on it in the year: over the structure, by either dispositif.
 */
export interface YearFrein {
  scope: Scope;
  type: string;
  personne_id: string;
  interne: number;
  externe: number;
}


export interface YearTraining {
  dispositif: SiaeKind;
  personne_id: string;
  intitule: string;
  date_debut: string;
  heures: number | null;
  qualifiante: number;
  salarie: number;
}

export interface YearCer {
  personne_id: string;
  dispositif: SiaeKind;
  date_debut: string;
  signe: string;
  inTime: boolean;
}

export interface YearOverdueBilan {
  personne_id: string;
  dispositif: SiaeKind;
  date_debut: string;
  dernier: string | null;
}

/** What gathering a year's salariés reads: the year's hours by dispositif and client, and by parcours. */
interface YearGathered {
  hours: YearHours[];
  /** Hundredths of hours dated in the year, by parcours (a parcours without any: absent). */
  hoursByParcours: ReadonlyMap<string, number>;
}

/** The year's hours of one parcours with one client (or none). */
interface YearHours {
  dispositif: SiaeKind;
  clientId: string | null;
  clientType: string | null;
  centiemes: number;
}

/**
 * What one computation of a year covers: everything (the report, the Observatoire), or the parts a few figures need
 * (the self-assessment's evidence): the row families and the passes that set them.
 */
interface YearParts {
  families: ReadonlySet<RowFamily>;
  accueil: boolean;
  /** Hours, ETP, clients (activite.* but the 480-hour overruns). */
  activite: boolean;
  /** The 480-hour windows of the AI persons (activite.depassements_480h): the activity's costliest read. */
  depassements480: boolean;
  accompagnement: boolean;
  qualite: boolean;
  /** The mean length of the parcours behind the counted exits. */
  meanLengths: boolean;
  /** The figures asked for (ids without the dispositif prefix, a rate's parts included); undefined: every figure. */
  wanted?: ReadonlySet<string>;
}

const ALL_PARTS: YearParts = { families: new Set(ROW_FAMILIES), accueil: true, activite: true, depassements480: true, accompagnement: true, qualite: true, meanLengths: true };

/** The parts that set these figures (a rate: the parts of its numerator and denominator too). */
export function partsFor(ids: readonly IndicatorId[]): YearParts {
  const families = new Set<RowFamily>();
  const wanted = new Set<string>();
  const parts = { accueil: false, activite: false, depassements480: false, accompagnement: false, qualite: false, meanLengths: false };
  const add = (id: string): void => {
    wanted.add(id);
    const derivation = (DERIVATIONS as Partial<Record<string, Derivation>>)[id];
    if (derivation?.kind === 'ratio') [...derivation.numerator, ...derivation.denominator].forEach(add);
    const family = familyOf(id);
    if (id === 'sorties.duree_moyenne_parcours_mois') parts.meanLengths = true;
    else if (family) families.add(family);
    else if (id.startsWith('accueil.') || id.startsWith('territoire.')) parts.accueil = true;
    else if (id === 'activite.depassements_480h') parts.depassements480 = true;
    else if (id.startsWith('activite.')) parts.activite = true;
    else if (id.startsWith('accompagnement.')) parts.accompagnement = true;
    else if (id.startsWith('qualite.')) parts.qualite = true;
    else throw new Error(`Indicateur sans calcul connu : ${id}`);
  };
  ids.forEach(add);
  return { families, ...parts, wanted };
}

class Accumulator {
  readonly values: IndicatorMap = {};

  key(id: IndicatorId, scope: Scope): string {
    return scope ? `par_dispositif.${scope}.${id}` : id;
  }

  set(id: IndicatorId, scope: Scope, value: number | null): void {
    this.values[this.key(id, scope)] = value;
  }

  add(id: IndicatorId, scope: Scope, value: number): void {
    const k = this.key(id, scope);
    this.values[k] = (this.values[k] ?? 0) + value;
  }
}

export class IndicatorsService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly parametres: ParametresService,
    private readonly annexes: AnnexesFinancieresService,
  ) {
    this.cache = new YearFiguresCache(sqlite);
  }

  /** Told by OpenRuntime.transaction when a transaction begins and ends. */
  readonly cache: YearFiguresCache<YearIndicators>;

  /** Years with any activity, newest first, and always the current and previous year. */
  availableYears(current: number): number[] {
    const row = preparedOnce(this.sqlite, 'select min(date_premier_contact) as a, (select min(date_debut) from parcours) as b from accueils').get() as { a: string | null; b: string | null };
    const first = Math.min(current - 1, ...[row.a, row.b].filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4))));
    return Array.from({ length: current - first + 1 }, (_, i) => current - i);
  }

  parametresOfYear(year: number): ReportParametres {
    const end = `${year}-12-31`;
    return {
      h_ref: this.parametres.valueAt('h_ref', end),
      delai_cer_jours: this.parametres.valueAt('delai_cer_jours', end),
      intervalle_bilan_mois: this.parametres.valueAt('intervalle_bilan_mois', end),
      plafond_ai_entreprises_heures: this.parametres.valueAt('plafond_ai_entreprises_heures', end),
      mapping_sorties: this.parametres.valueAt('mapping_sorties', end),
    };
  }

  /** Past and present years' figures, computed again only after a write (year-figures-cache.ts). */
  compute(year: number): YearIndicators {
    return this.cache.get(year, () => this.computeFresh(year, true));
  }

  /**
   * A few figures of a year (the self-assessment's evidence): taken from the whole year when it is kept, else
   * computed by the parts that set them only (partsFor), kept under `name` until a write. Only the figures asked for
   * are returned: the others were not computed.
   */
  computeSome(year: number, name: string, ids: readonly IndicatorId[]): YearIndicators {
    const pick = (y: YearIndicators): YearIndicators => ({ ...y, indicateurs: Object.fromEntries(ids.map((id) => [id, y.indicateurs[id] ?? null])) });
    const whole = this.cache.peek(year);
    if (whole) return pick(whole);
    return this.cache.get(`${year}:${name}`, () => pick(asBookkeeping(this.sqlite, () => this.computeFromData(year, partsFor(ids), true))));
  }

  /**
   * The figures of some parts of the Observatoire page (page-parts.ts), every scope and dynamic id included: taken
   * from the whole year when it is kept, else computed by the passes behind them only (partsFor), kept until a write.
   */
  computeParts(year: number, parties: readonly ObservatoirePart[]): YearIndicators {
    const keep = (key: string) => parties.some((p) => isInPart(p, key));
    const only = (y: YearIndicators): YearIndicators => ({ ...y, indicateurs: Object.fromEntries(Object.entries(y.indicateurs).filter(([key]) => keep(key))) });
    if (parties.includes('tout')) return this.compute(year);
    const whole = this.cache.peek(year);
    if (whole) return only(whole);
    const ids = INDICATOR_DEFINITIONS.filter((d) => keep(d.id)).map((d) => d.id as IndicatorId);
    const name = [...new Set(parties)].sort().join('+');
    return this.cache.get(`${year}:${name}`, () => only(asBookkeeping(this.sqlite, () => this.computeFromData(year, partsFor(ids), true))));
  }

  /** The year computed from the data, its salariés gathered again unless `reuseGathered`; it writes only temporary tables, which are not a change to the data. */
  computeFresh(year: number, reuseGathered = false): YearIndicators {
    return asBookkeeping(this.sqlite, () => this.computeFromData(year, ALL_PARTS, reuseGathered));
  }

  /**
   * `reuseGathered`: the year's salariés gathered since the last write may be read again (gatherSalaries); a
   * computation from scratch (computeFresh: a signed report, the benchmark) gathers them again.
   */
  private computeFromData(year: number, parts: YearParts, reuseGathered: boolean): YearIndicators {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const params = this.parametresOfYear(year);
    const acc = new Accumulator();
    const generation = this.cache.keptGeneration();
    const run = () => {
      const gathered = this.gatherSalaries(year, generation, reuseGathered);
      const kinds = this.kindsOf(year);
      for (const d of INDICATOR_DEFINITIONS) {
        acc.set(d.id, null, d.unit === 'rate' || d.unit === 'days' || d.unit === 'months' || d.unit === 'score' ? null : 0);
        if (d.perDispositif) for (const k of kinds) acc.set(d.id, k, d.unit === 'rate' || d.unit === 'months' ? null : 0);
      }
      // The exits are read once for their counts (rows) and their mean length.
      const exits = parts.families.has('sorties') || parts.meanLengths ? this.exitsOfYear(start, end, params, gathered.hoursByParcours) : [];
      // The trainings too: the salariés trained (a row family) and the actions (accompagnement) read the same ones.
      let trainings: YearTraining[] | undefined;
      const trainingsOfYear = () => (trainings ??= this.trainingsOfYear(start, end));
      const source = { ...this.rowSource(gathered), exitsOfYear: () => exits, trainingsOfYear };
      // Each person-count is its number of rows in its scope (counted-rows.ts), tallied per scope before the map.
      const tally = new Map<Scope, Map<IndicatorId, number>>();
      for (const family of ROW_FAMILIES) {
        if (!parts.families.has(family)) continue;
        for (const row of FAMILY_ROWS[family]({ sqlite: this.sqlite, year, start, end, params, source, wanted: parts.wanted })) {
          let inScope = tally.get(row.scope);
          if (!inScope) tally.set(row.scope, (inScope = new Map()));
          for (const id in row.counts) inScope.set(id as IndicatorId, (inScope.get(id as IndicatorId) ?? 0) + 1);
        }
      }
      for (const [scope, counts] of tally) for (const [id, n] of counts) acc.add(id, scope, n);
      if (parts.accueil) this.accueil(acc, start, end);
      if (parts.activite) this.activite(acc, year, gathered.hours, params);
      if (parts.depassements480) this.depassements480(acc, year, start, end, params);
      if (parts.accompagnement) this.accompagnement(acc, start, end, trainingsOfYear());
      if (parts.meanLengths) this.meanLengths(acc, exits);
      if (parts.qualite) this.qualite(acc, start, end);
      // Rates from their declared parts (DERIVATIONS), in each scope.
      for (const { id, derivation } of RATIOS) {
        for (const scope of [null, ...kinds]) acc.set(id, scope, ratioValue(derivation, (part) => acc.values[acc.key(part, scope)]));
      }
      return kinds;
    };
    const kinds = this.keepingSalariesOnlyIfCommitted(() => (this.sqlite.inTransaction ? run() : this.sqlite.transaction(run)()));
    return { annee: year, dispositifs: kinds, parametres: params, indicateurs: roundAll(acc.values) };
  }

  /** What the row families read beside their own queries; the exits need the year's gathered hours. */
  private rowSource(gathered: YearGathered | null): RowContext['source'] {
    return {
      exitsOfYear: (start, end, params) => {
        if (!gathered) throw new Error('Les sorties de l’année se lisent avec ses salariés (FAMILIES_ON_SALARIES).');
        return this.exitsOfYear(start, end, params, gathered.hoursByParcours);
      },
      signedCerOfYear: (start, end, params) => this.signedCerOfYear(start, end, params),
      overdueBilansAt: (end, params) => this.overdueBilansAt(end, params),
      freinsOfYear: (start, end) => this.freinsOfYear(start, end),
      trainingsOfYear: (start, end) => this.trainingsOfYear(start, end),
    };
  }

  /**
   * The rows behind one family of person counts for a year (counted-rows.ts), the year's salariés gathered first:
   * what the drill-down lists. Writes only the temporary salariés table, which is not a change to the data.
   */
  countedRows(year: number, family: RowFamily): CountedRow[] {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const generation = this.cache.keptGeneration();
    const run = () => {
      // A drill-down into intakes, entries, CER or overdue bilans does not pay for the salariés (≈ 30 ms a year at ×10);
      // the exits read the year's hours gathered with them.
      const gathered = FAMILIES_ON_SALARIES.has(family) ? this.gatherSalaries(year, generation) : null;
      return FAMILY_ROWS[family]({ sqlite: this.sqlite, year, start, end, params: this.parametresOfYear(year), source: this.rowSource(gathered) });
    };
    return this.keepingSalariesOnlyIfCommitted(() => (this.sqlite.inTransaction ? run() : this.sqlite.transaction(run)()));
  }

  /** The dispositifs the structure runs, and any other met in the year's data. */
  private kindsOf(year: number): SiaeKind[] {
    const found = new Set<string>(preparedOnce(this.sqlite, 'select kind from dispositifs').pluck().all() as string[]);
    for (const k of preparedOnce(this.sqlite, 'select distinct dispositif from obs_salaries where annee = ?').pluck().all(year) as string[]) found.add(k);
    for (const k of this.annexes.yearConventions(year).keys()) found.add(k);
    return SIAE_KINDS.filter((k) => found.has(k));
  }

  /**
   * Fills the temporary table of the year's salariés (REPORT-SPEC §1: parcours with hours dated in Y; EITI, parcours
   * overlapping Y) and returns the year's hours by parcours and client, read once here for the activity figures. Not
   * a change to the data. Each year's salariés stay in the table (`annee`) until a write: the Observatoire's parts,
   * asked one tab at a time for three years, and its drill-downs gather them once (≈ 30 ms a year at ×10).
   * `generation`: the figures cache's (keptGeneration), read before the computation's own read transaction begins.
   */
  private gatherSalaries(year: number, generation: number | null, mayReuse = true): YearGathered {
    const kept = this.salariesKept.get(year);
    if (mayReuse && kept && generation !== null && kept.generation === generation) return kept.gathered;
    const gathered = asBookkeeping(this.sqlite, () => this.fillSalaries(year));
    // Inside a transaction that may hold writes, the table holds rows a rollback can undo: filled, not kept.
    if (generation === null) this.salariesKept.delete(year);
    else this.salariesKept.set(year, { generation, gathered });
    return gathered;
  }

  /** The years whose salariés are in the table, with the cache's generation they were gathered in. */
  private readonly salariesKept = new Map<number, { generation: number; gathered: YearGathered }>();

  /** A computation that fails rolls its transaction back, and the salariés it gathered with it: none is kept then. */
  private keepingSalariesOnlyIfCommitted<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      this.salariesKept.clear();
      throw err;
    }
  }

  private fillSalaries(year: number): YearGathered {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    this.sqlite.exec(`create temp table if not exists obs_salaries (
      annee integer not null, parcours_id text not null, personne_id text not null, dispositif text not null, date_debut text, date_sortie text,
      diagnostic_id text, age_debut integer, principal integer not null default 0, principal_dispositif integer not null default 0,
      primary key (annee, parcours_id))`);
    preparedOnce(this.sqlite, 'delete from obs_salaries where annee = ?').run(year);
    const hours = preparedOnce(
      this.sqlite,
      // Summed by contract from the hours' covering index first, so contracts are looked up per contract, not per line.
      `select c.parcours_id, t.client_id, sum(t.centiemes) as centiemes
         from (select contrat_id, client_id, sum(centiemes) as centiemes from heures where date between ? and ? group by contrat_id, client_id) t
         join contrats c on c.id = t.contrat_id group by c.parcours_id, t.client_id`,
    ).all(start, end) as Array<{ parcours_id: string; client_id: string | null; centiemes: number }>;
    const byParcours = new Map<string, number>();
    for (const h of hours) byParcours.set(h.parcours_id, (byParcours.get(h.parcours_id) ?? 0) + h.centiemes);
    // One statement for the year's parcours (a JSON array of ids) rather than one per parcours.
    const withHours = [...byParcours].filter(([, total]) => total > 0).map(([id]) => id);
    preparedOnce(
      this.sqlite,
      `insert into obs_salaries (annee, parcours_id, personne_id, dispositif, date_debut, date_sortie, diagnostic_id, age_debut)
       select ?, id, personne_id, dispositif, date_debut, date_sortie, diagnostic_id, age_debut from parcours where id in (select value from json_each(?))`,
    ).run(year, JSON.stringify(withHours));
    const kinds = new Map((preparedOnce(this.sqlite, 'select parcours_id, dispositif from obs_salaries where annee = ?').all(year) as Array<{ parcours_id: string; dispositif: SiaeKind }>).map((r) => [r.parcours_id, r.dispositif]));
    const missing = [...byParcours.keys()].filter((id) => !kinds.has(id));
    for (const id of missing) kinds.set(id, (preparedOnce(this.sqlite, 'select dispositif from parcours where id = ?').pluck().get(id) as SiaeKind));
    const clientTypes = new Map((preparedOnce(this.sqlite, 'select id, type from clients').all() as Array<{ id: string; type: string }>).map((c) => [c.id, c.type]));
    preparedOnce(
      this.sqlite,
      `insert or ignore into obs_salaries (annee, parcours_id, personne_id, dispositif, date_debut, date_sortie, diagnostic_id, age_debut)
       select ?, id, personne_id, dispositif, date_debut, date_sortie, diagnostic_id, age_debut from parcours
        where dispositif = 'EITI' and date_debut <= ? and (date_sortie is null or date_sortie >= ?)`,
    ).run(year, end, start);
    // A person is described by their latest parcours started, in each dispositif and over the structure.
    // Both flags in one pass over the table (two updates cost twice: 8.4 → 5.4 ms at ×10).
    preparedOnce(
      this.sqlite,
      `update obs_salaries set principal = ranked.rn = 1, principal_dispositif = ranked.rn_dispositif = 1
         from (select parcours_id,
                      row_number() over (partition by personne_id order by date_debut desc, parcours_id desc) as rn,
                      row_number() over (partition by personne_id, dispositif order by date_debut desc, parcours_id desc) as rn_dispositif
                 from obs_salaries where annee = :annee) as ranked
        where obs_salaries.annee = :annee and ranked.parcours_id = obs_salaries.parcours_id`,
    ).run({ annee: year });
    return {
      hours: hours.map((h) => ({ dispositif: kinds.get(h.parcours_id)!, clientId: h.client_id, clientType: h.client_id ? (clientTypes.get(h.client_id) ?? null) : null, centiemes: h.centiemes })),
      hoursByParcours: byParcours,
    };
  }

  private accueil(acc: Accumulator, start: string, end: string): void {
    const base = preparedOnce(
      this.sqlite,
      `select coalesce(sum(date_offre_presentee is not null), 0) as offre,
              coalesce(sum(date_diagnostic is not null), 0) as diagnostics
         from accueils where date_premier_contact between ? and ?`,
    ).get(start, end) as { offre: number; diagnostics: number };
    acc.set('accueil.offre_presentee', null, base.offre);
    acc.set('accueil.diagnostics_realises', null, base.diagnostics);
    const decided = preparedOnce(
      this.sqlite,
      `select decision, motif_decision as motif, julianday(date_decision) - julianday(date_premier_contact) as delai
         from accueils where decision is not null and date_decision between ? and ?`,
    ).all(start, end) as Array<{ decision: string; motif: string | null; delai: number }>;
    acc.set('accueil.delai_median_decision_jours', null, median(decided.map((d) => d.delai)));
    const unmetClients = preparedOnce(this.sqlite, "select count(*) from besoins_non_satisfaits where nature = 'client' and date between ? and ?").pluck().get(start, end) as number;
    acc.set('territoire.demandes_non_satisfaites', null, decided.filter((d) => (d.decision === 'reorientation' || d.decision === 'sans_suite') && d.motif === 'no_position').length + unmetClients);
  }

  private activite(acc: Accumulator, year: number, yearHours: readonly YearHours[], params: ReportParametres): void {
    const byKind = new Map<SiaeKind, number>();
    const clientsByKind = new Map<SiaeKind, Set<string>>();
    for (const h of yearHours) {
      byKind.set(h.dispositif, (byKind.get(h.dispositif) ?? 0) + h.centiemes);
      if (h.clientId) clientsByKind.set(h.dispositif, (clientsByKind.get(h.dispositif) ?? new Set()).add(h.clientId));
      if ((h.dispositif === 'AI' || h.dispositif === 'ETTI') && isCodeOf(CLIENT_TYPES, h.clientType)) {
        acc.add(`activite.heures_par_type_client.${h.clientType}`, h.dispositif, h.centiemes / 100);
        acc.add(`activite.heures_par_type_client.${h.clientType}`, null, h.centiemes / 100);
      }
    }
    // ETP réalisés = hours ÷ H_ref (REPORT-SPEC §2.3); on the days an annexe financière states its own H_ref, that
    // one applies to the hours of those days (issue 15 §1), the dated parameter elsewhere.
    const annexes = this.annexes.all();
    for (const [kind, c] of byKind) {
      let etp = c / 100 / params.h_ref[kind];
      for (const p of this.annexes.statedHref(kind, year, annexes)) {
        const inPeriod = this.hoursOfKindBetween(kind, p.debut, p.fin) / 100;
        etp += inPeriod / p.hRef - inPeriod / params.h_ref[kind];
      }
      acc.set('activite.heures_travaillees', kind, c / 100);
      acc.add('activite.heures_travaillees', null, c / 100);
      acc.set('activite.etp_realises', kind, etp);
      acc.add('activite.etp_realises', null, etp);
    }
    for (const [kind, clients] of clientsByKind) acc.set('activite.clients_actifs', kind, clients.size);
    acc.set('activite.clients_actifs', null, new Set(yearHours.filter((h) => h.clientId).map((h) => h.clientId)).size);
    // ETP conventionnés: each annexe in force during the year, pro rata of the days each version is in force.
    let totalConventionnes = 0;
    for (const [kind, c] of this.annexes.yearConventions(year, annexes)) {
      const etp = fromDixMilliemes(c.etpDixMilliemes ?? 0);
      totalConventionnes += etp;
      acc.set('activite.etp_conventionnes', kind, etp);
    }
    acc.set('activite.etp_conventionnes', null, totalConventionnes);
  }

  private depassements480(acc: Accumulator, year: number, start: string, end: string, params: ReportParametres): void {
    const exceeded = this.overruns480(year, start, end, params.plafond_ai_entreprises_heures);
    acc.set('activite.depassements_480h', null, exceeded);
    if ('par_dispositif.AI.activite.depassements_480h' in acc.values) acc.set('activite.depassements_480h', 'AI', exceeded);
  }

  private hoursOfKindBetween(kind: SiaeKind, from: string, to: string): number {
    return preparedOnce(this.sqlite, 'select coalesce(sum(h.centiemes), 0) from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where p.dispositif = ? and h.date between ? and ?')
      .pluck()
      .get(kind, from, to) as number;
  }

  /**
   * AI persons whose placements subject to the cap (L5132-9 2°: companies, public bodies, professional needs; the
   * client's `soumis_plafond_480`) exceed it within a 24-month window that overlaps the year, unless a prefect's
   * derogation covered the day they went past it. Windows chain from a person's first placement, so the candidates'
   * whole history is read, in one query.
   */
  private overruns480(year: number, start: string, end: string, cap: number): number {
    const rows = preparedOnce(this.sqlite, OVERRUN_480_CANDIDATES_SQL)
      // Candidates: over the cap between the earliest start of a window overlapping the year and 31 December (the
      // hours a window counts lie there: it overlaps the year, lasts 24 months, and counts hours up to 31 December).
      .all(`${year - 2}-01-01`, end, cap * 100, end) as Array<{ personne_id: string; date: string; centiemes: number }>;
    const byPerson = new Map<string, Array<{ date: string; heures: number }>>();
    for (const r of rows) appendTo(byPerson, r.personne_id, { date: r.date, heures: r.centiemes / 100 });
    let n = 0;
    const derogationAt = this.parametres.valuesOnDates('derogation_480h_jusquau');
    const overrun = (w: Fenetre480) => w.depassementLe !== null && !derogation480Covers(derogationAt(w.depassementLe), w.depassementLe);
    for (const placements of byPerson.values()) if (windows480(placements, cap).some((w) => overrun(w) && w.debut <= end && w.fin >= start)) n++;
    return n;
  }

  /**
   * Salariés en parcours with a frein identified by 31 December and not lifted before 1 January, in each scope: per
   * dispositif, with whether support actions of that dispositif on it were dated in the year, internal or external;
   * over the structure, once per person and frein, supported by whoever acted in either dispositif (REPORT-SPEC §2.4).
   * Merged per scope by SQLite: in JavaScript, three passes over the rows cost 6–10 ms a year at ×10. Needs the
   * year's salariés.
   */
  freinsOfYear(start: string, end: string): YearFrein[] {
    return preparedOnce(
      this.sqlite,
      `with concerned as (
         select distinct s.dispositif, f.type, s.personne_id from obs_salaries s join freins f on f.personne_id = s.personne_id
          where s.annee = :annee and f.date_identification <= :end and (f.date_levee is null or f.date_levee >= :start)),
       supported as (
         select s.personne_id, s.dispositif, a.type_frein as type, max(a.prestataire = 'interne') as interne, max(a.prestataire = 'externe') as externe
           from actions_freins a join obs_salaries s on s.annee = :annee and s.parcours_id = a.parcours_id where a.date between :start and :end
          group by s.personne_id, s.dispositif, a.type_frein),
       in_dispositif as materialized (
         select c.dispositif, c.type, c.personne_id, coalesce(a.interne, 0) as interne, coalesce(a.externe, 0) as externe
           from concerned c left join supported a on a.personne_id = c.personne_id and a.dispositif = c.dispositif and a.type = c.type)
       select dispositif as scope, type, personne_id, interne, externe from in_dispositif
       union all
       select null, type, personne_id, max(interne), max(externe) from in_dispositif group by type, personne_id`,
    ).all({ start, end, annee: yearOf(start) }) as YearFrein[];
  }

  /** Parcours started in the year with a signed CER, and whether it was signed in time: the rows of both CER counts. */
  signedCerOfYear(start: string, end: string, params: ReportParametres): YearCer[] {
    const started = preparedOnce(
      this.sqlite,
      `select p.personne_id, p.dispositif, p.date_debut, (select min(c.date_signature) from cer c where c.parcours_id = p.id and c.date_signature is not null) as signe
         from parcours p where p.date_debut between ? and ?`,
    ).all(start, end) as Array<Omit<YearCer, 'inTime' | 'signe'> & { signe: string | null }>;
    return started.filter((p): p is typeof p & { signe: string } => p.signe !== null).map((p) => ({ ...p, inTime: cerSignedInTime(p.date_debut, p.signe, params.delai_cer_jours) }));
  }

  /** Parcours open on 31 December whose bilan is overdue that day (REPORT-SPEC §2.4), with their latest bilan. */
  overdueBilansAt(end: string, params: ReportParametres): YearOverdueBilan[] {
    const open = preparedOnce(
      this.sqlite,
      // Open on 31 December: through the exit index (still open, or exited later), not every parcours ever started.
      `select p.personne_id, p.dispositif, p.date_debut, (select max(b.date) from bilans b where b.parcours_id = p.id and b.date <= ?) as dernier
         from parcours p where p.date_sortie is null and +p.date_debut <= ?
       union all
       select p.personne_id, p.dispositif, p.date_debut, (select max(b.date) from bilans b where b.parcours_id = p.id and b.date <= ?) as dernier
         from parcours p where p.date_sortie > ? and +p.date_debut <= ?`,
    ).all(end, end, end, end, end) as YearOverdueBilan[];
    return open.filter((p) => isBilanOverdue(p.date_debut, p.dernier ? [p.dernier] : [], params.intervalle_bilan_mois, end));
  }

  /**
   * Trainings that touch the year (starting in it, or started before and ending in it or not yet ended), with
   * whether their parcours is en parcours in the year (`salarie`; REPORT-SPEC §2.4: "distinct salariés with a
   * training action overlapping Y"). Three index ranges rather than every training ever made. Needs the year's salariés.
   */
  trainingsOfYear(start: string, end: string): YearTraining[] {
    // The year is a parameter, not part of the text: one kept statement serves every year (db/prepared-once.ts).
    const columns = 'p.dispositif, p.personne_id, f.intitule, f.date_debut, f.heures, f.qualifiante, exists (select 1 from obs_salaries s where s.annee = :annee and s.parcours_id = f.parcours_id) as salarie';
    return preparedOnce(
      this.sqlite,
      `select ${columns} from formations f join parcours p on p.id = f.parcours_id where f.date_debut between :start and :end
       union all
       select ${columns} from formations f join parcours p on p.id = f.parcours_id where f.date_fin >= :start and +f.date_debut < :start
       union all
       select ${columns} from formations f join parcours p on p.id = f.parcours_id where f.date_fin is null and f.date_debut < :start`,
    ).all({ annee: yearOf(start), start, end }) as YearTraining[];
  }

  /** Counts of events that are not persons: bilans, training actions and hours, immersions. */
  private accompagnement(acc: Accumulator, start: string, end: string, trainings: readonly YearTraining[]): void {
    const bilans = preparedOnce(this.sqlite, 'select p.dispositif, count(*) as n from bilans b join parcours p on p.id = b.parcours_id where b.date between ? and ? group by p.dispositif')
      .all(start, end) as Array<{ dispositif: SiaeKind; n: number }>;
    for (const b of bilans) {
      acc.set('accompagnement.bilans_realises', b.dispositif, b.n);
      acc.add('accompagnement.bilans_realises', null, b.n);
    }
    // Every action starting in Y is an action (the salariés trained are rows, counted-rows.ts).
    for (const t of trainings) {
      if (t.date_debut < start) continue;
      for (const scope of [t.dispositif, null]) {
        acc.add('accompagnement.formation.actions', scope, 1);
        acc.add('accompagnement.formation.heures', scope, (t.heures ?? 0) / 100);
        if (t.qualifiante) acc.add('accompagnement.formation.qualifiantes', scope, 1);
      }
    }
    const immersions = preparedOnce(this.sqlite, 'select p.dispositif, count(*) as n from pmsmp m join parcours p on p.id = m.parcours_id where m.date_debut between ? and ? group by p.dispositif')
      .all(start, end) as Array<{ dispositif: SiaeKind; n: number }>;
    for (const m of immersions) {
      acc.set('accompagnement.pmsmp', m.dispositif, m.n);
      acc.add('accompagnement.pmsmp', null, m.n);
    }
  }

  /** The quality registers of mission observatoire (REPORT-SPEC §2.6): improvement plan, complaints, satisfaction. */
  private qualite(acc: Accumulator, start: string, end: string): void {
    const one = (sql: string, ...p: unknown[]) => preparedOnce(this.sqlite, sql).pluck().get(...p) as number | null;
    acc.set('qualite.actions_amelioration_ouvertes_fin_annee', null, one('select count(*) from actions_amelioration where date_ouverture <= ? and (date_cloture is null or date_cloture > ?)', end, end));
    acc.set('qualite.actions_amelioration_realisees', null, one('select count(*) from actions_amelioration where date_cloture between ? and ?', start, end));
    acc.set('qualite.reclamations', null, one('select count(*) from reclamations where date between ? and ?', start, end));
    acc.set('qualite.satisfaction_moyenne', null, one('select avg(note) from reponses_satisfaction where date between ? and ?', start, end));
  }

  /**
   * The exits dated in the year, each with whether it counts (REPORT-SPEC §2.5) and its category. `hoursInYear`: the
   * year's hours by parcours, as gathered with the salariés (an ACI or EI exit counts with hours in its year). Only
   * AI and ETTI exits sum their parcours' whole history (their threshold is in hours): summing both for every exit
   * in SQL cost 21 ms a year at ×10, this 12.
   */
  exitsOfYear(start: string, end: string, params: ReportParametres, hoursInYear: ReadonlyMap<string, number>): YearExit[] {
    const rows = preparedOnce(
      this.sqlite,
      `select p.id as parcours_id, p.personne_id, p.dispositif, p.date_debut, p.date_sortie, p.motif_sortie,
          case when p.dispositif in ('AI', 'ETTI') then (select coalesce(sum(h.centiemes), 0) from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = p.id) end as total
         from parcours p where p.date_sortie between ? and ? and p.date_debut is not null`,
    ).all(start, end) as Array<Omit<YearExit, 'counted' | 'category'> & { total: number | null }>;
    // The thresholds in force on each exit's date (dated law), each parameter read once.
    const moisAciEiAt = this.parametres.valuesOnDates('seuil_sortie_aci_ei_mois');
    const heuresAiEttiAt = this.parametres.valuesOnDates('seuil_sortie_ai_etti_heures');
    const seuilsAt = (date: string): ExitThresholds => ({ moisAciEi: moisAciEiAt(date), heuresAiEtti: heuresAiEttiAt(date) });
    return rows.map(({ total, ...e }) => ({
      ...e,
      counted: isExitCounted(
        { dispositif: e.dispositif, parcoursDebut: e.date_debut, dateSortie: e.date_sortie, heuresAnneeSortie: (hoursInYear.get(e.parcours_id) ?? 0) / 100, heuresTotales: (total ?? 0) / 100 },
        seuilsAt(e.date_sortie),
      ),
      category: e.motif_sortie ? params.mapping_sorties[e.motif_sortie] : 'AUTRE',
    }));
  }

  /** The mean length of the parcours behind the counted exits, in each scope (REPORT-SPEC §2.5). */
  private meanLengths(acc: Accumulator, exits: readonly YearExit[]): void {
    const durations = new Map<Scope, number[]>();
    for (const e of exits) {
      if (!e.counted) continue;
      for (const scope of [e.dispositif, null] as Scope[]) appendTo(durations, scope, parcoursMonths(e.date_debut, e.date_sortie));
    }
    for (const scope of new Set<Scope>([null, ...exits.map((e) => e.dispositif)])) {
      const d = durations.get(scope) ?? [];
      acc.set('sorties.duree_moyenne_parcours_mois', scope, d.length ? d.reduce((a, b) => a + b, 0) / d.length : null);
    }
  }
}


/** The year of a year's first day (`2025-01-01`): the key of its salariés in the table. */
function yearOf(start: string): number {
  const year = Number(start.slice(0, 4));
  if (!Number.isInteger(year) || start.slice(4) !== '-01-01') throw new Error(`Début d’année attendu : ${start}`);
  return year;
}

/** Median with the mean of the two middle values for an even count (REPORT-SPEC §2.1); null without values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DECIMALS_BY_ID = new Map<string, number>(INDICATOR_DEFINITIONS.map((d) => [d.id, UNIT_DECIMALS[d.unit]]));

function roundAll(values: IndicatorMap): IndicatorMap {
  const out: IndicatorMap = {};
  for (const [id, v] of Object.entries(values)) {
    if (v === null) {
      out[id] = null;
      continue;
    }
    const base = id.replace(/^par_dispositif\.[A-Z]+\./, '');
    out[id] = round(v, DECIMALS_BY_ID.get(base) ?? 0);
  }
  return out;
}
