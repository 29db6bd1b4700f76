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
