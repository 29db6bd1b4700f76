/**
 * Issue 19: the self-assessment needs ten of a year's figures; computing only the parts of the year that set them
 * (IndicatorsService.computeSome, partsFor) must give exactly the whole computation's values, for any set of figures.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INDICATOR_DEFINITIONS, type IndicatorId } from '../../src-shared/observatoire/indicateurs';
import { ROW_FAMILIES, familyOf } from '../../src-main/services/observatoire/counted-rows';
import { partsFor } from '../../src-main/services/observatoire/indicators-service';
import { EVIDENCE_FIGURES } from '../../src-main/services/qualite/evidence';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { TestApp } from '../helpers/app';
import { team } from '../helpers/accueil';
import { INDICATOR_SECTIONS, isInPart, OBSERVATOIRE_PARTS, type ObservatoirePart } from '../../src-shared/observatoire/page-parts';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  createDemo(app.runtime.openOrNull()!, { scale: 1, years: 3, seed: 11 }, app.clock.now());
});
afterAll(() => app.close());

const ALL_IDS = INDICATOR_DEFINITIONS.map((d) => d.id as IndicatorId);

describe('a year computed in parts (issue 19)', () => {
  it('every group of figures — each row family, each other pass, the evidence, one id at a time — equals the whole year', () => {
    const open = app.runtime.openOrNull()!;
    const year = app.clock.now().getUTCFullYear() - 1;
    const whole = open.indicators.computeFresh(year).indicateurs;
    const groups: Array<readonly IndicatorId[]> = [
      EVIDENCE_FIGURES,
      ...ROW_FAMILIES.map((family) => ALL_IDS.filter((id) => familyOf(id) === family)),
      ...['accueil.', 'activite.', 'accompagnement.', 'qualite.', 'territoire.'].map((prefix) => ALL_IDS.filter((id) => id.startsWith(prefix) && familyOf(id) === null)),
      ['sorties.duree_moyenne_parcours_mois', 'sorties.taux_emploi_durable', 'activite.taux_realisation'],
      ...ALL_IDS.map((id) => [id]),
    ];
    for (const [i, ids] of groups.entries()) {
      expect(ids.length, `groupe ${i}`).toBeGreaterThan(0);
      const some = open.indicators.computeSome(year, `essai-${i}`, ids).indicateurs;
      expect(some, `groupe ${i} : ${ids.slice(0, 3).join(', ')}`).toEqual(Object.fromEntries(ids.map((id) => [id, whole[id] ?? null])));
    }
  });

  it('reads only what its figures need, takes them from the whole year when it is kept, and computes again after a write', () => {
    const open = app.runtime.openOrNull()!;
    const year = app.clock.now().getUTCFullYear() - 1;
    expect(partsFor(EVIDENCE_FIGURES)).toMatchObject({ activite: false, accompagnement: false, families: new Set(['salaries', 'bilans', 'formations', 'cer', 'bilans_en_retard', 'sorties']) });
    expect(partsFor(ALL_IDS).families).toEqual(new Set(ROW_FAMILIES));
    const fresh = vi.spyOn(open.indicators, 'computeFresh');
    const exits = vi.spyOn(open.indicators, 'exitsOfYear');
    const first = open.indicators.computeSome(year - 1, 'preuves', EVIDENCE_FIGURES);
    expect(fresh).not.toHaveBeenCalled();
    expect(open.indicators.computeSome(year - 1, 'preuves', EVIDENCE_FIGURES)).toEqual(first);
    expect(exits).toHaveBeenCalledTimes(1);
    // The whole year kept (the Observatoire was opened): the evidence is taken from it.
    open.indicators.compute(year - 2);
    exits.mockClear();
    open.indicators.computeSome(year - 2, 'preuves', EVIDENCE_FIGURES);
    expect(exits).not.toHaveBeenCalled();
    // A write: computed again.
    open.sqlite.prepare("insert into clients (id, nom, type, siret, soumis_plafond_480, created_at, updated_at) values ('c-essai', 'Essai', 'entreprise', '', 1, '2026-01-01', '2026-01-01')").run();
    open.indicators.computeSome(year - 1, 'preuves', EVIDENCE_FIGURES);
    expect(exits).toHaveBeenCalledTimes(1);
    expect(() => partsFor(['inconnu.x' as IndicatorId])).toThrow(/sans calcul connu/);
  });
});

describe('the Observatoire page computed by parts (issue 19: what the page shows, not every figure of three years)', () => {
  const only = (figures: Record<string, number | null>, parts: readonly ObservatoirePart[]) => Object.fromEntries(Object.entries(figures).filter(([key]) => parts.some((p) => isInPart(p, key))));

  it('each part — the cards, each tab, the first screen — equals the whole year restricted to it, in every scope, for three years', () => {
    const open = app.runtime.openOrNull()!;
    const last = app.clock.now().getUTCFullYear() - 1;
    const combinations: ObservatoirePart[][] = [['apercu', 'accueil'], ...OBSERVATOIRE_PARTS.map((p) => [p])];
    for (const year of [last, last - 1, last - 2]) {
      const whole = open.indicators.computeFresh(year);
      expect(whole.dispositifs.length, 'plusieurs dispositifs').toBeGreaterThan(1);
      for (const parts of combinations) {
        open.indicators.cache.transactionEnded(false); // emptied: each part computed from the data, not cut from the whole year
        const computed = open.indicators.computeParts(year, parts);
        expect(computed.indicateurs, `${year} ${parts.join('+')}`).toEqual(only(whole.indicateurs, parts));
        expect(computed.dispositifs).toEqual(whole.dispositifs);
      }
    }
  });

  it('every figure of the year belongs to a tab, per dispositif and dynamic ids included', () => {
    const open = app.runtime.openOrNull()!;
    const whole = open.indicators.computeFresh(app.clock.now().getUTCFullYear() - 1).indicateurs;
    const orphans = Object.keys(whole).filter((key) => !INDICATOR_SECTIONS.some((s) => isInPart(s, key)));
    expect(orphans).toEqual([]);
    expect(Object.keys(whole).some((k) => k.startsWith('par_dispositif.') && isInPart('accompagnement', k))).toBe(true);
    expect(Object.keys(whole).some((k) => k.startsWith('sorties.par_motif.') && isInPart('sorties', k))).toBe(true);
  });

  it('the route gives the parts asked for, hides sensitive figures from roles without need to know, and refuses an unknown part', async () => {
    const t = await team(app);
    const year = app.clock.now().getUTCFullYear() - 1;
    const full = await app.call('observatoire.year', { annee: year }, t.direction);
    const first = await app.call('observatoire.year', { annee: year, parties: ['apercu', 'accueil'] }, t.direction);
    expect(first.parties).toEqual(['apercu', 'accueil']);
    expect(first.indicateurs).toEqual(only(full.indicateurs, ['apercu', 'accueil']));
    expect(first.precedents.map((p) => p.annee)).toEqual([year - 1, year - 2]);
    expect(first.precedents[1]!.indicateurs).toEqual(only(full.precedents[1]!.indicateurs, ['apercu', 'accueil']));
    expect(first.indicateurs['public.salaries_en_parcours']).toBe(full.indicateurs['public.salaries_en_parcours']);
    const reperes = await app.call('observatoire.year', { annee: year, parties: ['tout'] }, t.direction);
    expect(reperes.indicateurs).toEqual(full.indicateurs);
    expect(reperes.precedents).toEqual([]);
    // A role without need to know: the tab's sensitive figures are neither given nor given by another part.
    const lecture = await app.call('observatoire.year', { annee: year, parties: ['accompagnement'] }, t.lecture);
    expect(lecture.masques).toContain('accompagnement.freins.sante.concernes');
    for (const parts of OBSERVATOIRE_PARTS.map((p) => [p])) {
      const answer = await app.call('observatoire.year', { annee: year, parties: parts }, t.lecture);
      const given = [answer.indicateurs, ...answer.precedents.map((p) => p.indicateurs)].flatMap((m) => Object.keys(m));
      expect(given.filter((k) => answer.masques.includes(k)), parts.join()).toEqual([]);
      expect(given.filter((k) => k.includes('freins.sante') || k.includes('freins.justice')), parts.join()).toEqual([]);
    }
    const unknown = await app.fail('observatoire.year', { annee: year, parties: ['inconnue'] }, t.direction);
    expect(unknown.code).toBe('VALIDATION');
    expect(Object.values(unknown.fields ?? {})).toContain('Partie de l’Observatoire inconnue.');
    expect((await app.fail('observatoire.year', { annee: year, parties: [] }, t.direction)).code).toBe('VALIDATION');
  });
});
