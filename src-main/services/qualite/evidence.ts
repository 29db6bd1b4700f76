/**
 * The evidence catalogue of the self-assessment grid (issue 8 §1): each measure computes, for one year, a figure
 * from the live data — a share (numerator / denominator), a count or a score — and says where its records are. A grid
 * (data, importable) names measures by key; adding a measure is code, choosing and aiming them is not.
 */
import type Database from 'better-sqlite3';
import { hasPersonList, type IndicatorId } from '../../../src-shared/observatoire/indicateurs';
import type { EvidenceValue } from '../../../src-shared/qualite/grid';
import type { IndicatorsService } from '../observatoire/indicators-service';

/**
 * The observatoire's figures the measures read. The self-assessment computes only the parts of the year that set
 * them (IndicatorsService.computeSome); the type below keeps a measure from reading a figure not listed here.
 */
export const EVIDENCE_FIGURES = [
  'accueil.delai_median_decision_jours',
  'accompagnement.cer_signes_dans_delai',
  'accompagnement.cer_signes',
  'accompagnement.salaries_avec_bilan',
  'public.salaries_en_parcours',
  'accompagnement.bilans_en_retard_fin_annee',
  'accompagnement.formation.salaries_formes',
  'sorties.taux_sorties_dynamiques',
  'qualite.actions_amelioration_realisees',
  'qualite.satisfaction_moyenne',
] as const satisfies readonly IndicatorId[];

type EvidenceFigure = (typeof EVIDENCE_FIGURES)[number];

interface EvidenceContext {
  sqlite: Database.Database;
  year: number;
  start: string;
  end: string;
  figure(id: EvidenceFigure): number | null;
}

export interface EvidenceMeasure {
  label: string;
  /** `min`: the higher the better (a target is a floor); `max`: the lower the better (a ceiling). */
  direction: 'min' | 'max';
  unit: 'part' | 'nombre' | 'note' | 'jours';
  /** Where the records behind the figure are: an indicator's person list, or a page of the app. */
  link: { indicator: string } | { page: string } | null;
  compute(ctx: EvidenceContext): { value: number | null; numerator?: number; denominator?: number };
}

function share(numerator: number | null | undefined, denominator: number | null | undefined) {
  const n = numerator ?? 0;
  const d = denominator ?? 0;
  return { value: d > 0 ? n / d : null, numerator: n, denominator: d };
}

const count = (ctx: EvidenceContext, sql: string, ...params: unknown[]) => Number(ctx.sqlite.prepare(sql).pluck().get(...params) ?? 0);
const indicator = (id: EvidenceFigure) => (ctx: EvidenceContext) => ({ value: ctx.figure(id) });

export const EVIDENCE: Record<string, EvidenceMeasure> = {
  'accueil.offre_presentee': {
    label: 'Part des accueils de l’année où l’offre d’insertion a été présentée',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accueil.offre_presentee' },
    compute: (ctx) =>
      share(
        count(ctx, 'select count(*) from accueils where date_premier_contact between ? and ? and date_offre_presentee is not null', ctx.start, ctx.end),
        count(ctx, 'select count(*) from accueils where date_premier_contact between ? and ?', ctx.start, ctx.end),
      ),
  },
  'accueil.diagnostic': {
    label: 'Part des accueils de l’année avec un diagnostic socio-professionnel',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accueil.diagnostics_realises' },
    compute: (ctx) =>
      share(
        count(ctx, 'select count(*) from accueils where date_premier_contact between ? and ? and date_diagnostic is not null', ctx.start, ctx.end),
        count(ctx, 'select count(*) from accueils where date_premier_contact between ? and ?', ctx.start, ctx.end),
      ),
  },
  'accueil.delai_decision': {
    label: 'Délai médian entre le premier contact et la décision (jours)',
    direction: 'max',
    unit: 'jours',
    link: null,
    compute: indicator('accueil.delai_median_decision_jours'),
  },
  'insertion.cer_dans_delai': {
    label: 'Part des CER signés dans le délai',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accompagnement.cer_signes_dans_delai' },
    compute: (ctx) => share(ctx.figure('accompagnement.cer_signes_dans_delai'), ctx.figure('accompagnement.cer_signes')),
  },
  'insertion.salaries_avec_bilan': {
    label: 'Part des salariés en parcours avec au moins un bilan dans l’année',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accompagnement.salaries_avec_bilan' },
    compute: (ctx) => share(ctx.figure('accompagnement.salaries_avec_bilan'), ctx.figure('public.salaries_en_parcours')),
  },
  'insertion.bilans_paroles': {
    label: 'Part des bilans de l’année où la parole de la personne est écrite',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accompagnement.bilans_realises' },
    compute: (ctx) =>
      share(
        count(ctx, "select count(*) from bilans where date between ? and ? and trim(paroles_personne) <> ''", ctx.start, ctx.end),
        count(ctx, 'select count(*) from bilans where date between ? and ?', ctx.start, ctx.end),
      ),
  },
  'insertion.bilans_en_retard': {
    label: 'Bilans en retard au 31 décembre',
    direction: 'max',
    unit: 'nombre',
    link: { indicator: 'accompagnement.bilans_en_retard_fin_annee' },
    compute: indicator('accompagnement.bilans_en_retard_fin_annee'),
  },
  'insertion.formation': {
    label: 'Part des salariés en parcours formés dans l’année',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'accompagnement.formation.salaries_formes' },
    compute: (ctx) => share(ctx.figure('accompagnement.formation.salaries_formes'), ctx.figure('public.salaries_en_parcours')),
  },
  'insertion.sorties_dynamiques': {
    label: 'Taux de sorties dynamiques',
    direction: 'min',
    unit: 'part',
    link: { indicator: 'sorties.sorties_positives' },
    compute: indicator('sorties.taux_sorties_dynamiques'),
  },
  'observatoire.rapport_signe': {
    label: 'Rapports annuels de l’année précédente signés et exportés',
    direction: 'min',
    unit: 'nombre',
    link: { page: '/observatoire/rapport' },
    compute: (ctx) => ({ value: count(ctx, 'select count(*) from rapports_annuels where annee = ?', ctx.year - 1) }),
  },
  'observatoire.actions_realisees': {
    label: 'Actions du plan d’amélioration réalisées dans l’année',
    direction: 'min',
    unit: 'nombre',
    link: { page: '/observatoire/qualite' },
    compute: indicator('qualite.actions_amelioration_realisees'),
  },
  'observatoire.actions_en_retard': {
    label: 'Actions du plan d’amélioration en retard au 31 décembre',
    direction: 'max',
    unit: 'nombre',
    link: { page: '/observatoire/qualite' },
    compute: (ctx) =>
      ({ value: count(ctx, 'select count(*) from actions_amelioration where echeance < ? and date_ouverture <= ? and (date_cloture is null or date_cloture > ?)', ctx.end, ctx.end, ctx.end) }),
  },
  'observatoire.reclamations_traitees': {
    label: 'Part des réclamations de l’année traitées',
    direction: 'min',
    unit: 'part',
    link: { page: '/observatoire/qualite' },
    compute: (ctx) =>
      share(
        count(ctx, 'select count(*) from reclamations where date between ? and ? and date_cloture is not null', ctx.start, ctx.end),
        count(ctx, 'select count(*) from reclamations where date between ? and ?', ctx.start, ctx.end),
      ),
  },
  'observatoire.satisfaction': {
    label: 'Satisfaction moyenne (sur 5)',
    direction: 'min',
    unit: 'note',
    link: { page: '/observatoire/questionnaires' },
    compute: indicator('qualite.satisfaction_moyenne'),
  },
  'acteur.temps_collectifs': {
    label: 'Temps collectifs avec les salariés dans l’année',
    direction: 'min',
    unit: 'nombre',
    link: { page: '/observatoire/demarche?registre=temps_collectifs' },
    compute: (ctx) => ({ value: count(ctx, 'select count(*) from temps_collectifs where date between ? and ?', ctx.start, ctx.end) }),
  },
  'acteur.propositions_suivies': {
    label: 'Part des propositions des salariés ayant reçu une décision',
    direction: 'min',
    unit: 'part',
    link: { page: '/observatoire/demarche?registre=propositions' },
    compute: (ctx) =>
      share(
        count(ctx, "select count(*) from propositions_salaries where date between ? and ? and decision <> 'a_l_etude'", ctx.start, ctx.end),
        count(ctx, 'select count(*) from propositions_salaries where date between ? and ?', ctx.start, ctx.end),
      ),
  },
  'competences.equipe_formee': {
    label: 'Part de l’équipe présente au 31 décembre formée dans les trois dernières années',
    direction: 'min',
    unit: 'part',
    link: { page: '/observatoire/demarche?registre=formations' },
    compute: (ctx) => {
      const present = 'p.date_entree <= ? and (p.date_sortie is null or p.date_sortie >= ?)';
      const since = `${ctx.year - 2}-01-01`;
      return share(
        count(ctx, `select count(*) from personnel p where ${present} and exists (select 1 from formations_personnel f where f.personnel_id = p.id and f.date between ? and ?)`, ctx.end, ctx.end, since, ctx.end),
        count(ctx, `select count(*) from personnel p where ${present}`, ctx.end, ctx.end),
      );
    },
  },
  'environnement.verifications': {
    label: 'Vérifications et visites de sécurité dans l’année',
    direction: 'min',
    unit: 'nombre',
    link: { page: '/observatoire/demarche?registre=environnement' },
    compute: (ctx) =>
      ({ value: count(ctx, "select count(*) from controles_environnement where date between ? and ? and nature not in ('incident', 'accident')", ctx.start, ctx.end) }),
  },
  'environnement.incidents_soldes': {
    label: 'Part des incidents et accidents de l’année soldés',
    direction: 'min',
    unit: 'part',
    link: { page: '/observatoire/demarche?registre=environnement' },
    compute: (ctx) =>
      share(
        count(ctx, "select count(*) from controles_environnement where date between ? and ? and nature in ('incident', 'accident') and date_cloture is not null", ctx.start, ctx.end),
        count(ctx, "select count(*) from controles_environnement where date between ? and ? and nature in ('incident', 'accident')", ctx.start, ctx.end),
      ),
  },
  'pedagogie.procedures': {
    label: 'Procédures approuvées dans le manuel qualité',
    direction: 'min',
    unit: 'nombre',
    link: { page: '/observatoire/demarche?registre=documents' },
    compute: (ctx) => ({ value: count(ctx, 'select count(distinct titre) from documents_qualite where approuve_le <= ?', ctx.end) }),
  },
};

/** Computes every measure a grid uses, for one year; the observatoire's figures are computed at most once. */
export function computeEvidence(sqlite: Database.Database, indicators: IndicatorsService, keys: readonly string[], year: number): Record<string, EvidenceValue> {
  let figures: Record<string, number | null> | null = null;
  const ctx: EvidenceContext = {
    sqlite,
    year,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    figure: (id) => (figures ??= indicators.computeSome(year, 'preuves', EVIDENCE_FIGURES).indicateurs)[id] ?? null,
  };
  const out: Record<string, EvidenceValue> = {};
  for (const key of new Set(keys)) {
    const measure = EVIDENCE[key];
    if (!measure) continue;
    const r = measure.compute(ctx);
    out[key] = {
      label: measure.label,
      unit: measure.unit,
      direction: measure.direction,
      value: r.value,
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      // Only counts the drill-down can list persons for get a "see the persons" link (hasPersonList).
      link: measure.link && 'indicator' in measure.link && !hasPersonList(measure.link.indicator) ? null : measure.link,
    };
  }
  return out;
}
