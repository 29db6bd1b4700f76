/**
 * Property tests of the indicators (issue 21): random structures biased toward the rules' edges
 * (test/helpers/random-structure.ts), checked against invariants that need no second implementation of
 * REPORT-SPEC. A bounded number of seeds runs in `npm test`; `CEDRE_PROPERTY_SEEDS=200` runs more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenRuntime } from '../../src-main/app-runtime';
import { RATIOS } from '../../src-shared/observatoire/indicateurs';
import { baseId, hasPersonList, indicatorDefinition, type IndicatorMap } from '../../src-shared/observatoire/indicateurs';
import { TestApp } from '../helpers/app';
import { csvFolder, importFolder } from '../helpers/import';
import { RANDOM_YEARS, randomStructure } from '../helpers/random-structure';

const SEEDS = Array.from({ length: Number(process.env.CEDRE_PROPERTY_SEEDS ?? 6) }, (_, i) => 1000 + i * 7919);

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

async function importedBase(folder: string): Promise<OpenRuntime> {
  const app = await TestApp.start();
  apps.push(app);
  const open = app.runtime.openOrNull()!;
  const report = await importFolder(open, folder);
  expect(report.erreurs).toEqual([]);
  return open;
}

const mapsOf = (open: OpenRuntime) => RANDOM_YEARS.map((y) => open.indicators.compute(y).indicateurs);
const scopeOf = (id: string) => /^par_dispositif\.([A-Z]+)\./.exec(id)?.[1] ?? null;
const structureId = (id: string) => baseId(id);

/** Counts that add up across dispositifs: events (exits, entries, bilans…) and hours, not distinct persons. */
const ADDITIVE = [
  /^public\.entrees$/,
  /^public\.orienteur\./,
  /^activite\.heures_travaillees$/,
  /^activite\.heures_par_type_client\./,
  /^accompagnement\.(cer_signes|cer_signes_dans_delai|bilans_realises|bilans_en_retard_fin_annee|pmsmp)$/,
  /^accompagnement\.formation\.(actions|qualifiantes|heures)$/,
  /^sorties\.(non_comptabilisees|constatees|retraits|examinees|emploi_durable|emploi_transition|sorties_positives|autres|par_motif\.)/,
];

/** Counts whose definition is "salariés (en parcours in Y) who…" (REPORT-SPEC §2.2, §2.4). */
const OF_SALARIES = [
  /^public\.(femmes|hommes|moins_26_ans|de_26_a_49_ans|50_ans_et_plus|niveau_infra_bac|criteres\.)/,
  /^accompagnement\.(salaries_avec_bilan|formation\.salaries_formes|freins\.)/,
];

function checkInvariants(v: IndicatorMap, label: string): void {
  const ids = Object.keys(v);
  for (const id of ids) {
    const def = indicatorDefinition(id);
    expect(def, `${label} ${id}: identifiant inconnu`).not.toBeNull();
    const value = v[id];
    if (def!.unit === 'count') {
      expect(Number.isInteger(value), `${label} ${id} = ${value}: un effectif est un entier`).toBe(true);
      expect(value, `${label} ${id}`).toBeGreaterThanOrEqual(0);
    } else if (value !== null) {
      expect(value, `${label} ${id}`).toBeGreaterThanOrEqual(0);
    }
    // Per dispositif never above the structure (counts and hours).
    const scope = scopeOf(id);
    if (scope && (def!.unit === 'count' || def!.unit === 'hours') && value !== null) {
      expect(value, `${label} ${id} > ${structureId(id)}`).toBeLessThanOrEqual(v[structureId(id)] ?? 0);
    }
  }
  // Additive counts: the structure is the sum of its dispositifs.
  const scopes = [...new Set(ids.map(scopeOf).filter((s): s is string => s !== null))];
  for (const id of ids.filter((i) => scopeOf(i) === null && ADDITIVE.some((re) => re.test(i)))) {
    const sum = scopes.reduce((a, s) => a + (v[`par_dispositif.${s}.${id}`] ?? 0), 0);
    expect(sum, `${label} ${id}: somme des dispositifs`).toBeCloseTo(v[id] ?? 0, 1);
  }
  for (const prefix of ['', ...scopes.map((s) => `par_dispositif.${s}.`)]) {
    const get = (id: string) => v[`${prefix}${id}`];
    if (get('sorties.constatees') === undefined) continue;
    expect(get('sorties.examinees'), `${label} ${prefix}examinées`).toBe(get('sorties.constatees')! - get('sorties.retraits')!);
    expect(get('sorties.constatees'), `${label} ${prefix}constatées = somme des catégories`).toBe(
      get('sorties.emploi_durable')! + get('sorties.emploi_transition')! + get('sorties.sorties_positives')! + get('sorties.autres')! + get('sorties.retraits')!,
    );
    // Rates are their declared numerator ÷ denominator, from the published (rounded) values.
    for (const { id: rate, derivation } of RATIOS) {
      const { numerator: num, denominator: den } = derivation;
      const value = get(rate);
      if (value === undefined) continue;
      const n = num.reduce((a, id) => a + (get(id) ?? 0), 0);
      const d = den.reduce((a, id) => a + (get(id) ?? 0), 0);
      if (d === 0 || value === null) {
        expect(value === null || d < 0.01, `${label} ${prefix}${rate}: taux sans dénominateur`).toBe(true);
        continue;
      }
      // Published ETP carry 2 decimals: allow what that rounding can move the quotient by.
      const slack = rate === 'activite.taux_realisation' ? 0.005 : 0;
      const low = Math.max(0, n - slack) / (d + slack);
      const high = (n + slack) / Math.max(d - slack, 1e-9);
      expect(value, `${label} ${prefix}${rate}`).toBeGreaterThanOrEqual(low - 5e-5);
      expect(value, `${label} ${prefix}${rate}`).toBeLessThanOrEqual(high + 5e-5);
    }
  }
}

describe('indicator invariants on random structures (issue 21)', () => {
  it.each(SEEDS)('seed %i: counts, drill-down lists, sums, rates, and the same map when imported again', async (seed) => {
    const folder = csvFolder(randomStructure(seed));
    const open = await importedBase(folder);
    const maps = mapsOf(open);
    for (const [i, v] of maps.entries()) {
      const year = RANDOM_YEARS[i]!;
      checkInvariants(v, `graine ${seed}, ${year} :`);
      // Every person-count has exactly as many persons in its drill-down list, and the counts of salariés list
      // only salariés en parcours of the same scope.
      for (const id of Object.keys(v).filter(hasPersonList)) {
        const listed = open.drillDown.persons(year, id).personnes;
        expect(listed.length, `graine ${seed}, ${year} : liste de ${id}`).toBe(v[id]);
        if (OF_SALARIES.some((re) => re.test(baseId(id)))) {
          const prefix = scopeOf(id) ? `par_dispositif.${scopeOf(id)}.` : '';
          const salaries = new Set(open.drillDown.persons(year, `${prefix}public.salaries_en_parcours`).personnes.map((p) => p.personneId));
          for (const p of listed) expect(salaries.has(p.personneId), `graine ${seed}, ${year} : ${id} liste ${p.nom}, qui n’est pas salarié en parcours`).toBe(true);
        }
      }
    }
    // The same facts imported again change nothing; imported into another base they give the same maps.
    const again = await importFolder(open, folder);
    expect(again.erreurs).toEqual([]);
    expect(mapsOf(open)).toEqual(maps);
    expect(mapsOf(await importedBase(folder))).toEqual(maps);
  });
});
