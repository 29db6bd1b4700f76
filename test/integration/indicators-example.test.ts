import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suppressSmallCells } from '../../src-shared/observatoire/suppression';
import { TestApp } from '../helpers/app';
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
});
