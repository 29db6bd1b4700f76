/**
 * The benchmark's hand-written SQL (bench/plain-sql.ts, issue 19) computes every value of a year in every scope
 * without the engine's code: on a demo base, each of the engine's values must equal it. A second, independent
 * writing of REPORT-SPEC's definitions, and the guarantee that `npm run bench` compares like with like.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePlainSql } from '../../bench/plain-sql';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { MIGRATIONS } from '../helpers/temp';
import { TestApp } from '../helpers/app';

let dataDir: string;
let lastYear: number;
beforeAll(async () => {
  const app = await TestApp.start();
  createDemo(app.runtime.openOrNull()!, { scale: 1, years: 4, seed: 19 }, app.clock.now());
  dataDir = app.dataDir;
  lastYear = app.clock.now().getUTCFullYear() - 1;
  app.close();
});

describe('the hand-written SQL of the benchmark', () => {
  it('gives every value of the engine’s year, per dispositif too, on four years of a demo', async () => {
    for (const year of [lastYear + 1, lastYear, lastYear - 1, lastYear - 3]) {
      const comparison = await comparePlainSql(dataDir, MIGRATIONS, year, 1);
      expect(comparison.differences, String(year)).toEqual([]);
      expect(comparison.values, String(year)).toBe(comparison.engineValues);
      expect(comparison.values, String(year)).toBeGreaterThan(250);
    }
  }, 120_000);
});
