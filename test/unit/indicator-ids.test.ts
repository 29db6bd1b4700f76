/**
 * Indicator ids are a union checked at compile time (issue 18 §2): the engine's `acc.set`/`acc.add` and any code that
 * names an indicator take `IndicatorId`, so a typo fails `npm run typecheck` instead of giving a silent `null`. The
 * `@ts-expect-error` lines below are the test: if a typo ever type-checks, the typecheck fails on them.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_DEFINITIONS, type IndicatorId } from '../../src-shared/observatoire/indicateurs';

describe('indicator ids', () => {
  it('accept the frame’s ids and refuse a typo or an unknown code', () => {
    const ids: IndicatorId[] = ['public.salaries_en_parcours', 'public.criteres.RSA', 'accompagnement.freins.sante.les_deux', 'public.orienteur.09', 'sorties.par_motif.16'];
    // @ts-expect-error a letter missing
    const typo: IndicatorId = 'public.salarie_en_parcours';
    // @ts-expect-error not an eligibility criterion
    const unknownCriterion: IndicatorId = 'public.criteres.PAS_UN_CRITERE';
    // @ts-expect-error frein counts are concernes, interne, externe or les_deux
    const unknownProvider: IndicatorId = 'accompagnement.freins.sante.partout';
    expect([typo, unknownCriterion, unknownProvider]).toHaveLength(3);
    const defined = new Set<string>(INDICATOR_DEFINITIONS.map((d) => d.id));
    expect(ids.filter((id) => !defined.has(id))).toEqual(['public.orienteur.09', 'sorties.par_motif.16']);
    expect(defined.size).toBe(INDICATOR_DEFINITIONS.length);
  });
});
