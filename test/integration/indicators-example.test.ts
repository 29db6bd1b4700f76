import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suppressSmallCells } from '../../src-shared/observatoire/suppression';
import { TestApp } from '../helpers/app';
import { FAMILIES_ON_SALARIES, ROW_FAMILIES } from '../../src-main/services/observatoire/counted-rows';
import { EXEMPLE_2024, EXEMPLE_2024_SITUATION, importFolder, splitSituationLines } from '../helpers/import';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('REPORT-SPEC worked example (exemple-2024)', () => {
  it('gives exactly the expected indicators, suppressed cells included', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    expect((await importFolder(open, EXEMPLE_2024)).ok).toBe(true);
    const expected = JSON.parse(readFileSync(join(EXEMPLE_2024, 'expected.json'), 'utf8')) as { indicateurs: Record<string, number | null>; suppressed: string[] };
    const computed = open.indicators.compute(2024);
    const exported = suppressSmallCells(computed.indicateurs);
    const { frame, situation } = splitSituationLines(exported.indicateurs);
    expect(frame).toEqual(expected.indicateurs);
    expect(situation).toEqual(EXEMPLE_2024_SITUATION);
    expect(exported.suppressed.filter((id) => !id.includes('public.situation.'))).toEqual(expected.suppressed);
    expect(exported.suppressed.filter((id) => id.includes('public.situation.'))).toEqual(['public.situation.aah', 'par_dispositif.ACI.public.situation.aah', 'par_dispositif.AI.public.situation.aah'].sort());
    // The app's own screens keep the real values.
    expect(computed.indicateurs['public.criteres.AAH']).toBe(1);
    expect(computed.dispositifs).toEqual(['AI', 'ACI']);
  });

  it('a drill-down gathers the year’s salariés only for the families that read them, and each family matches its counts', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    expect((await importFolder(open, EXEMPLE_2024)).ok).toBe(true);
    // On a fresh connection the salariés table does not exist yet: a family that read it without gathering would fail.
    const tally = (rows: ReturnType<typeof open.indicators.countedRows>) => {
      const n: Record<string, number> = {};
      for (const r of rows) for (const id of Object.keys(r.counts)) if (r.scope === null) n[id] = (n[id] ?? 0) + 1;
      return n;
    };
    const byFamily = ROW_FAMILIES.filter((f) => !FAMILIES_ON_SALARIES.has(f)).map((family) => tally(open.indicators.countedRows(2024, family)));
    const year = open.indicators.computeFresh(2024).indicateurs;
    for (const counts of byFamily) for (const [id, n] of Object.entries(counts)) expect(n, id).toBe(year[id]);
  });
});
