/**
 * Person-count indicators as row sets (issue 18 §2). Each family below is one read returning rows; a row is one
 * person (or one event about a person: an intake decided, an exit) in one scope, with the indicators it counts in
 * and, for each, the detail its drill-down line shows. The engine counts the rows (a count = its number of rows in
 * that scope); the drill-down lists the rows of one indicator in one scope: a list cannot disagree with its count.
 *
 * Adding a person-count indicator: its definition (src-shared/observatoire/indicateurs.ts), its rows here (a new key
 * in a family's `counts`, or a new family named in FAMILY_OF), its test.
 *
 * Families marked "salariés" read the year's salariés in the table `obs_salaries` (its rows of `annee`), which
 * `IndicatorsService.countedRows` gathers before calling them.
 */
import type Database from 'better-sqlite3';
import { preparedOnce } from '../../../db/prepared-once';
import { DECISION_KEYS, DECISIONS } from '../../../src-shared/domain/accueil';
import { ORIENTEURS } from '../../../src-shared/domain/asp-codes';
import { isCodeOf } from '../../../src-shared/domain/code-lists';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREIN_TYPES } from '../../../src-shared/domain/freins';
import { CATEGORIES_SORTIE, MOTIFS_SORTIE, type CategorieSortie } from '../../../src-shared/domain/insertion';
import type { IndicatorId } from '../../../src-shared/observatoire/indicateurs';
import { SITUATION_LINE_KEYS, SITUATION_LINES } from '../../../src-shared/observatoire/situation';
import type { SiaeKind } from '../../../src-shared/siae';
import { SITUATION_SQL } from './situation-sql';
import type { IndicatorsService, ReportParametres, Scope, YearExit } from './indicators-service';

export interface CountedRow {
  personne_id: string;
  /** The dispositif shown on the drill-down line (none for an intake, which comes before any). */
  dispositif: SiaeKind | null;
  /** Where the row counts: one dispositif, or the structure (null). */
  scope: Scope;
  /** The indicators this row counts in, each with the detail of its drill-down line (ISO dates, made readable there). */
  counts: Partial<Record<IndicatorId, string>>;
}

export type RowFamily = 'salaries' | 'criteres' | 'entrees' | 'accueil' | 'bilans' | 'formations' | 'cer' | 'bilans_en_retard' | 'freins' | 'sorties';
export const ROW_FAMILIES: readonly RowFamily[] = ['salaries', 'criteres', 'entrees', 'accueil', 'bilans', 'formations', 'cer', 'bilans_en_retard', 'freins', 'sorties'];
/**
 * The families that read the year's salariés table (marked "salariés" below), or the year's hours gathered with them
 * (the exits): only they need them gathered first.
 */
export const FAMILIES_ON_SALARIES: ReadonlySet<RowFamily> = new Set(['salaries', 'criteres', 'bilans', 'formations', 'freins', 'sorties']);

/** The family whose rows hold a person-count indicator (by its id without the dispositif prefix); null: not one. */
export function familyOf(base: string): RowFamily | null {
  if (base.startsWith('public.criteres.')) return 'criteres';
  if (base === 'public.entrees' || base.startsWith('public.orienteur.')) return 'entrees';
  if (base.startsWith('public.')) return 'salaries';
  if (base === 'accueil.personnes_accueillies' || base === 'accueil.en_attente_fin_annee' || base.startsWith('accueil.decisions.')) return 'accueil';
  if (base === 'accompagnement.salaries_avec_bilan') return 'bilans';
  if (base === 'accompagnement.formation.salaries_formes') return 'formations';
  if (base === 'accompagnement.cer_signes' || base === 'accompagnement.cer_signes_dans_delai') return 'cer';
  if (base === 'accompagnement.bilans_en_retard_fin_annee') return 'bilans_en_retard';
  if (base.startsWith('accompagnement.freins.')) return 'freins';
  if (base.startsWith('sorties.')) return 'sorties';
  return null;
}

export interface RowContext {
  sqlite: Database.Database;
  /** The year, and its first and last day. */
  year: number;
  start: string;
  end: string;
  params: ReportParametres;
  source: Pick<IndicatorsService, 'signedCerOfYear' | 'overdueBilansAt' | 'freinsOfYear' | 'trainingsOfYear'> & {
    exitsOfYear(start: string, end: string, params: ReportParametres): YearExit[];
  };
  /**
   * The figures the computation was asked for (ids without the dispositif prefix); undefined: every figure, as the
   * drill-down and the whole year ask. A family may then leave out the counts nobody asked for, never change one.
   */
  wanted?: ReadonlySet<string>;
}

/**
 * Whole years between birth and the parcours start, from the ISO texts (a birthday not reached yet that year takes
 * one off); an anonymised person's age was kept on the parcours before the birth date was reduced to its year.
 */
export const AGE_SQL = `coalesce(s.age_debut, cast(substr(s.date_debut, 1, 4) as integer) - cast(substr(pe.date_naissance, 1, 4) as integer)
  - (substr(s.date_debut, 6, 5) < substr(pe.date_naissance, 6, 5)))`;

export const INFRA_BAC = ['00', '01', '50', '51', '60', '70'];

/** A row for the parcours' dispositif and one for the structure. */
function inBothScopes(personne_id: string, dispositif: SiaeKind, counts: CountedRow['counts']): CountedRow[] {
  return [
    { personne_id, dispositif, scope: dispositif, counts },
    { personne_id, dispositif, scope: null, counts },
  ];
}

/** A salarié's rows: in the dispositif their parcours describes them in, and over the structure if it describes them there. */
function inDescribedScopes(r: { personne_id: string; dispositif: SiaeKind; principal: number; principal_dispositif: number }, counts: CountedRow['counts']): CountedRow[] {
  const rows: CountedRow[] = [];
  if (r.principal_dispositif === 1) rows.push({ personne_id: r.personne_id, dispositif: r.dispositif, scope: r.dispositif, counts });
  if (r.principal === 1) rows.push({ personne_id: r.personne_id, dispositif: r.dispositif, scope: null, counts });
  return rows;
}

/**
 * The salariés' profile: their describing parcours, sex, age at the start, level, and the fiche salarié's situation
 * lines as one number, bit i for SITUATION_LINE_KEYS[i] (eleven columns made each row an object of 19 properties:
 * ≈ 4 ms of a year's computation at ×10, issue 19).
 */
const SALARIES_PROFILE_SQL = `select s.personne_id, s.dispositif, s.date_debut, s.principal, s.principal_dispositif, pe.civilite, ${AGE_SQL} as age, pe.niveau_formation,
       ${SITUATION_LINE_KEYS.map((line, bit) => `(coalesce(${SITUATION_SQL[line]}, 0) << ${bit})`).join(' | ')} as situation
  from obs_salaries s join personnes pe on pe.id = s.personne_id left join fiches_salarie f on f.parcours_id = s.parcours_id
 where s.annee = ? and (s.principal = 1 or s.principal_dispositif = 1)`;

const salarieDetail = (dateDebut: string | null): string => `Parcours commencé le ${dateDebut ?? ''}`;

/**
 * Salariés: a person is described by their latest parcours started, in each dispositif (`principal_dispositif`)
 * and over the structure (`principal`): sex, age at the start, level, and the fiche salarié's situation lines ("salariés").
 */
function salaries(ctx: RowContext): CountedRow[] {
  if (ctx.wanted && ![...ctx.wanted].some((id) => familyOf(id) === 'salaries' && id !== 'public.salaries_en_parcours')) return salariesCountedOnly(ctx);
  const rows = preparedOnce(ctx.sqlite, SALARIES_PROFILE_SQL).all(ctx.year) as Array<{
    personne_id: string;
    dispositif: SiaeKind;
    date_debut: string | null;
    principal: number;
    principal_dispositif: number;
    civilite: string;
    age: number | null;
    niveau_formation: string | null;
    situation: number;
  }>;
  const out: CountedRow[] = [];
  for (const r of rows) {
    const counts: CountedRow['counts'] = { 'public.salaries_en_parcours': salarieDetail(r.date_debut) };
    if (r.civilite === 'MME') counts['public.femmes'] = 'Madame';
    if (r.civilite === 'M') counts['public.hommes'] = 'Monsieur';
    if (r.age !== null) {
      const band = r.age < 26 ? 'public.moins_26_ans' : r.age <= 49 ? 'public.de_26_a_49_ans' : 'public.50_ans_et_plus';
      counts[band] = `${r.age} ans au début du parcours`;
    }
    if (r.niveau_formation !== null && INFRA_BAC.includes(r.niveau_formation)) counts['public.niveau_infra_bac'] = `Niveau ASP ${r.niveau_formation}`;
    SITUATION_LINE_KEYS.forEach((line, bit) => {
      if (r.situation & (1 << bit)) counts[`public.situation.${line}`] = SITUATION_LINES[line].label;
    });
    out.push(...inDescribedScopes(r, counts));
  }
  return out;
}

/**
 * The same rows with the salariés' count only, when no profile line is asked for (the Observatoire's cards and charts):
 * the person and fiche salarié joins and the eleven situation conditions were ≈ 20 ms of each year's 120 at ×10.
 */
function salariesCountedOnly(ctx: RowContext): CountedRow[] {
  const rows = preparedOnce(ctx.sqlite, 'select personne_id, dispositif, date_debut, principal, principal_dispositif from obs_salaries where annee = ? and (principal = 1 or principal_dispositif = 1)')
    .all(ctx.year) as Array<{ personne_id: string; dispositif: SiaeKind; date_debut: string | null; principal: number; principal_dispositif: number }>;
  const out: CountedRow[] = [];
  for (const r of rows) {
    const counts: CountedRow['counts'] = { 'public.salaries_en_parcours': salarieDetail(r.date_debut) };
    out.push(...inDescribedScopes(r, counts));
  }
  return out;
}

/** Salariés by the eligibility criteria of the diagnosis their describing parcours was opened on ("salariés"). */
function criteres(ctx: RowContext): CountedRow[] {
  const rows = preparedOnce(
    ctx.sqlite,
    `select distinct s.personne_id, s.dispositif, s.principal, s.principal_dispositif, ce.critere
       from obs_salaries s join criteres_eligibilite ce on ce.diagnostic_id = s.diagnostic_id where s.annee = ? and (s.principal = 1 or s.principal_dispositif = 1)`,
  ).all(ctx.year) as Array<{ personne_id: string; dispositif: SiaeKind; principal: number; principal_dispositif: number; critere: string }>;
  const out: CountedRow[] = [];
  for (const r of rows) {
    if (!isCodeOf(CRITERES, r.critere)) continue;
    const counts: CountedRow['counts'] = { [`public.criteres.${r.critere}`]: `Critère ${r.critere}` };
    out.push(...inDescribedScopes(r, counts));
  }
  return out;
}

/** Parcours started in the year, and who oriented the person. */
function entrees(ctx: RowContext): CountedRow[] {
  const rows = preparedOnce(ctx.sqlite, 'select p.personne_id, p.dispositif, p.date_debut, pe.orienteur from parcours p join personnes pe on pe.id = p.personne_id where p.date_debut between ? and ?')
    .all(ctx.start, ctx.end) as Array<{ personne_id: string; dispositif: SiaeKind; date_debut: string; orienteur: string | null }>;
  return rows.flatMap((p) => {
    const detail = `Entrée le ${p.date_debut}`;
    const counts: CountedRow['counts'] = { 'public.entrees': detail };
    if (isCodeOf(ORIENTEURS, p.orienteur)) counts[`public.orienteur.${p.orienteur}`] = detail;
    return inBothScopes(p.personne_id, p.dispositif, counts);
  });
}

/** Persons welcomed in the year, intakes decided in the year (one row each), intakes waiting on 31 December. */
function accueil(ctx: RowContext): CountedRow[] {
  const { sqlite, start, end } = ctx;
  const row = (personne_id: string, counts: CountedRow['counts']): CountedRow => ({ personne_id, dispositif: null, scope: null, counts });
  const welcomed = preparedOnce(sqlite, 'select personne_id, min(date_premier_contact) as d from accueils where date_premier_contact between ? and ? group by personne_id')
    .all(start, end) as Array<{ personne_id: string; d: string }>;
  const decided = preparedOnce(sqlite, 'select personne_id, decision, date_decision from accueils where decision is not null and date_decision between ? and ?')
    .all(start, end) as Array<{ personne_id: string; decision: string; date_decision: string }>;
  const waiting = preparedOnce(
    sqlite,
    // Decided after 31 December: one index range per decision, not every intake ever made.
    `select personne_id, date_premier_contact as d from accueils where decision is null and date_premier_contact <= ?
     union all
     select personne_id, date_premier_contact as d from accueils where decision in (${DECISION_KEYS.map(() => '?').join(', ')}) and date_decision > ? and +date_premier_contact <= ?`,
  ).all(end, ...DECISION_KEYS, end, end) as Array<{ personne_id: string; d: string }>;
  return [
    ...welcomed.map((w) => row(w.personne_id, { 'accueil.personnes_accueillies': `Premier contact le ${w.d}` })),
    ...decided.filter((d) => isCodeOf(DECISIONS, d.decision)).map((d) => row(d.personne_id, { [`accueil.decisions.${d.decision}`]: `Décision du ${d.date_decision}` })),
    ...waiting.map((w) => row(w.personne_id, { 'accueil.en_attente_fin_annee': `Premier contact le ${w.d}` })),
  ];
}

/**
 * Per dispositif, one row per person with a row of (person, dispositif); over the structure, one per person. The
 * detail is the latest (or first) value met, with the dispositif it came from.
 */
function perPersonInEachScope(rows: ReadonlyArray<{ personne_id: string; dispositif: SiaeKind; value: string }>, id: IndicatorId, detail: (value: string) => string, keep: 'max' | 'min'): CountedRow[] {
  const better = (a: string, b: string) => (keep === 'max' ? a > b : a < b);
  const byScope = new Map<string, { personne_id: string; dispositif: SiaeKind; scope: Scope; value: string }>();
  for (const r of rows) {
    for (const scope of [r.dispositif, null] as Scope[]) {
      const key = `${scope ?? '*'}\u0000${r.personne_id}`;
      const seen = byScope.get(key);
      if (!seen || better(r.value, seen.value)) byScope.set(key, { personne_id: r.personne_id, dispositif: r.dispositif, scope, value: r.value });
    }
  }
  return [...byScope.values()].map((r) => ({ personne_id: r.personne_id, dispositif: r.dispositif, scope: r.scope, counts: { [id]: detail(r.value) } }));
}

/** Salariés with a bilan dated in the year ("salariés"). */
function bilans(ctx: RowContext): CountedRow[] {
  const rows = preparedOnce(
    ctx.sqlite,
    `select s.personne_id, s.dispositif, max(b.date) as value from obs_salaries s join bilans b on s.annee = ? and b.parcours_id = s.parcours_id
      where b.date between ? and ? group by s.personne_id, s.dispositif`,
  ).all(ctx.year, ctx.start, ctx.end) as Array<{ personne_id: string; dispositif: SiaeKind; value: string }>;
  return perPersonInEachScope(rows, 'accompagnement.salaries_avec_bilan', (date) => `Bilan du ${date}`, 'max');
}

/** Salariés with a training that touches the year (REPORT-SPEC §2.4), named by its title ("salariés"). */
function formations(ctx: RowContext): CountedRow[] {
  const rows = ctx.source
    .trainingsOfYear(ctx.start, ctx.end)
    .filter((t) => t.salarie === 1)
    .map((t) => ({ personne_id: t.personne_id, dispositif: t.dispositif, value: t.intitule }));
  return perPersonInEachScope(rows, 'accompagnement.formation.salaries_formes', (title) => title, 'min');
}

function cer(ctx: RowContext): CountedRow[] {
  return ctx.source.signedCerOfYear(ctx.start, ctx.end, ctx.params).flatMap((p) => {
    const detail = `Signé le ${p.signe}, parcours du ${p.date_debut}`;
    return inBothScopes(p.personne_id, p.dispositif, p.inTime ? { 'accompagnement.cer_signes': detail, 'accompagnement.cer_signes_dans_delai': detail } : { 'accompagnement.cer_signes': detail });
  });
}

function bilansEnRetard(ctx: RowContext): CountedRow[] {
  return ctx.source
    .overdueBilansAt(ctx.end, ctx.params)
    .flatMap((p) => inBothScopes(p.personne_id, p.dispositif, { 'accompagnement.bilans_en_retard_fin_annee': p.dernier ? `Dernier bilan le ${p.dernier}` : 'Aucun bilan' }));
}

const PROVIDER_LABELS = { interne: 'Accompagnement par la structure', externe: 'Accompagnement par un partenaire', les_deux: 'Accompagnement par la structure et un partenaire' } as const;

/** Salariés with a frein open in the year, and who supported them on it ("salariés"). */
function freins(ctx: RowContext): CountedRow[] {
  const out: CountedRow[] = [];
  for (const f of ctx.source.freinsOfYear(ctx.start, ctx.end)) {
    if (!isCodeOf(FREIN_TYPES, f.type)) continue;
    const provider = supportProvider(f.interne === 1, f.externe === 1);
    const detail = provider ? PROVIDER_LABELS[provider] : 'Sans action dans l’année';
    const counts: CountedRow['counts'] = { [`accompagnement.freins.${f.type}.concernes`]: detail };
    if (provider) counts[`accompagnement.freins.${f.type}.${provider}`] = detail;
    out.push({ personne_id: f.personne_id, dispositif: f.scope, scope: f.scope, counts });
  }
  return out;
}

/** Exits dated in the year, one row each, in every count it belongs to (exitIndicators). */
function sorties(ctx: RowContext): CountedRow[] {
  return ctx.source.exitsOfYear(ctx.start, ctx.end, ctx.params).flatMap((e) => {
    const detail = `Sortie le ${e.date_sortie} — ${e.motif_sortie ? `motif ${e.motif_sortie} (${MOTIFS_SORTIE[e.motif_sortie]})` : 'sans motif'} — ${CATEGORIES_SORTIE[e.category]}`;
    return inBothScopes(e.personne_id, e.dispositif, Object.fromEntries(exitIndicators(e).map((id) => [id, detail])));
  });
}


const CATEGORY_IDS: Record<Exclude<CategorieSortie, 'RETRAIT'>, IndicatorId> = {
  EMPLOI_DURABLE: 'sorties.emploi_durable',
  EMPLOI_TRANSITION: 'sorties.emploi_transition',
  SORTIE_POSITIVE: 'sorties.sorties_positives',
  AUTRE: 'sorties.autres',
};

/**
 * The exit counts one exit belongs to (REPORT-SPEC §2.5): not counted, or observed, its motif, its category, and
 * examined unless a withdrawal: the counts of an exit's row in the `sorties` family above.
 */
export function exitIndicators(e: Pick<YearExit, 'counted' | 'motif_sortie' | 'category'>): IndicatorId[] {
  if (!e.counted) return ['sorties.non_comptabilisees'];
  const ids: IndicatorId[] = ['sorties.constatees', e.category === 'RETRAIT' ? 'sorties.retraits' : CATEGORY_IDS[e.category]];
  if (e.category !== 'RETRAIT') ids.push('sorties.examinees');
  if (e.motif_sortie) ids.push(`sorties.par_motif.${e.motif_sortie}`);
  return ids;
}

/** Who supported a person on a frein in the year (REPORT-SPEC §2.4): the structure, a partner, both, or nobody. */
export function supportProvider(interne: boolean, externe: boolean): 'interne' | 'externe' | 'les_deux' | null {
  if (interne && externe) return 'les_deux';
  if (interne) return 'interne';
  if (externe) return 'externe';
  return null;
}

export const FAMILY_ROWS: Record<RowFamily, (ctx: RowContext) => CountedRow[]> = {
  salaries,
  criteres,
  entrees,
  accueil,
  bilans,
  formations,
  cer,
  bilans_en_retard: bilansEnRetard,
  freins,
  sorties,
};
