/**
 * Issue 19: the Observatoire page computes three years; past years' figures are reused until a write touches the
 * base. Reused figures must never be stale: after a write through a route, a write by another connection, or a
 * transaction that wrote and rolled back, the figures are computed again and agree with a fresh computation.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyKey, encryptionOf } from '../../db/encryption';
import { TestApp } from '../helpers/app';
import { createDemo } from '../../src-main/services/demo/demo-service';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const YEAR = 2025;

/** A demo structure (scale 1, three years), reopened as the app would after creating it. */
async function demo() {
  const created = await TestApp.start();
  createDemo(created.runtime.openOrNull()!, { scale: 1, years: 3, seed: 7 }, created.clock.now());
  created.close();
  app = await TestApp.start(created.dataDir);
  const t = { direction: (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token };
  const open = app.runtime.openOrNull()!;
  const fresh = vi.spyOn(open.indicators, 'computeFresh');
  return { t, open, fresh };
}

describe('year figures reused until a write (issue 19)', () => {
  it('a second opening of the Observatoire page computes nothing, nor one after a drill-down (an audited read); a client saved through a route makes it compute again', async () => {
    const { t, open, fresh } = await demo();
    const first = await app!.call('observatoire.year', { annee: YEAR }, t.direction);
    expect(fresh).toHaveBeenCalledTimes(3);
    const again = await app!.call('observatoire.year', { annee: YEAR }, t.direction);
    expect(fresh).toHaveBeenCalledTimes(3);
    expect(again).toEqual(first);
    // Reading who is behind a figure writes an audit row, not data: the figures stay.
    await app!.call('observatoire.detail', { annee: YEAR, id: 'public.salaries_en_parcours' }, t.direction);
    expect(open.sqlite.prepare(`select count(*) from audit_log where route = 'observatoire.detail'`).pluck().get()).toBe(1);
    await app!.call('observatoire.year', { annee: YEAR }, t.direction);
    expect(fresh).toHaveBeenCalledTimes(3);

    await app!.call('clients.save', { nom: 'Mairie de Privas', type: 'collectivite', siret: '', soumisPlafond480: false }, t.direction);
    await app!.call('observatoire.year', { annee: YEAR }, t.direction);
    expect(fresh).toHaveBeenCalledTimes(6);
    // What is served is what a computation from scratch gives.
    expect(open.indicators.compute(YEAR)).toEqual(open.indicators.computeFresh(YEAR));
  }, 120_000);

  it('a computation from scratch (a report, the benchmark) does not throw the kept figures away', async () => {
    const { open, fresh } = await demo();
    open.indicators.compute(YEAR);
    open.indicators.computeFresh(YEAR - 1);
    open.indicators.countedRows(YEAR - 2, 'freins');
    open.indicators.compute(YEAR);
    expect(fresh).toHaveBeenCalledTimes(2);
  }, 120_000);

  it('a write by another connection (the command line, a restore) is seen', async () => {
    const { open, fresh } = await demo();
    const before = open.indicators.compute(YEAR).indicateurs['sorties.constatees'];
    open.indicators.compute(YEAR);
    expect(fresh).toHaveBeenCalledTimes(1);

    const other = new Database(open.sqlite.name);
    applyKey(other, encryptionOf(open.sqlite)!.key);
    const exit = other.prepare(`select id from parcours where date_sortie between '${YEAR}-01-01' and '${YEAR}-12-31' limit 1`).pluck().get() as string;
    other.prepare('update parcours set date_sortie = null, motif_sortie = null where id = ?').run(exit);
    other.close();

    const after = open.indicators.compute(YEAR).indicateurs['sorties.constatees'];
    expect(fresh).toHaveBeenCalledTimes(2);
    expect(after).toBe((before as number) - 1);
  }, 120_000);

  it('figures computed inside a transaction that wrote are not kept: after its rollback, the next figures are right', async () => {
    const { open } = await demo();
    const truth = open.indicators.computeFresh(YEAR).indicateurs['sorties.constatees'] as number;
    expect(() =>
      open.transaction(() => {
        open.sqlite.prepare(`update parcours set date_sortie = null, motif_sortie = null where date_sortie between '${YEAR}-01-01' and '${YEAR}-12-31'`).run();
        expect(open.indicators.compute(YEAR).indicateurs['sorties.constatees']).toBe(0);
        throw new Error('annulé');
      }),
    ).toThrow('annulé');
    expect(open.indicators.compute(YEAR).indicateurs['sorties.constatees']).toBe(truth);
  }, 120_000);

  it('the year’s salariés are gathered once until a write: three years of parts and a drill-down read them; after a write, gathered again', async () => {
    const { t, open } = await demo();
    const indicators = open.indicators as unknown as { fillSalaries: (year: number) => unknown };
    const fills = vi.spyOn(indicators, 'fillSalaries');
    const first = await app!.call('observatoire.year', { annee: YEAR, parties: ['apercu', 'accueil'] }, t.direction);
    expect(fills.mock.calls.map(([year]) => year)).toEqual([YEAR, YEAR - 1, YEAR - 2]);
    await app!.call('observatoire.year', { annee: YEAR, parties: ['accompagnement'] }, t.direction);
    await app!.call('observatoire.detail', { annee: YEAR - 1, id: 'public.salaries_en_parcours' }, t.direction);
    expect(fills).toHaveBeenCalledTimes(3);
    // Each year's rows kept apart: every part of each year equals its computation from scratch (which gathers again).
    const parts = [YEAR, YEAR - 1, YEAR - 2].map((year) => open.indicators.computeParts(year, ['sorties', 'public']).indicateurs);
    expect(fills).toHaveBeenCalledTimes(3);
    for (const [i, year] of [YEAR, YEAR - 1, YEAR - 2].entries()) {
      const whole = open.indicators.computeFresh(year).indicateurs;
      for (const [key, value] of Object.entries(parts[i]!)) expect(value, `${year} ${key}`).toBe(whole[key]);
    }
    expect(fills).toHaveBeenCalledTimes(6);
    fills.mockClear();

    // A salarié of the year loses every hour of it: gathered again, counted one less.
    const salarie = open.sqlite
      .prepare(
        `select p.id from parcours p where p.dispositif = 'ACI' and exists (select 1 from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = p.id and h.date between '${YEAR}-01-01' and '${YEAR}-12-31')
          and not exists (select 1 from parcours q where q.personne_id = p.personne_id and q.id <> p.id) limit 1`,
      )
      .pluck()
      .get() as string;
    open.sqlite.prepare(`delete from heures where date between '${YEAR}-01-01' and '${YEAR}-12-31' and contrat_id in (select id from contrats where parcours_id = ?)`).run(salarie);
    const after = await app!.call('observatoire.year', { annee: YEAR, parties: ['apercu'] }, t.direction);
    expect(fills).toHaveBeenCalledTimes(3);
    expect(after.indicateurs['public.salaries_en_parcours']).toBe((first.indicateurs['public.salaries_en_parcours'] as number) - 1);
    expect(after.indicateurs).toEqual(Object.fromEntries(Object.entries(open.indicators.computeFresh(YEAR).indicateurs).filter(([key]) => key in after.indicateurs)));
  }, 120_000);

  it('salariés gathered inside a transaction that wrote, or by a computation that failed, are not reused after the rollback', async () => {
    const { open } = await demo();
    const truth = open.indicators.computeFresh(YEAR).indicateurs['public.salaries_en_parcours'] as number;
    expect(() =>
      open.transaction(() => {
        open.sqlite.prepare(`delete from heures where date between '${YEAR}-01-01' and '${YEAR}-12-31'`).run();
        expect(open.indicators.computeParts(YEAR, ['apercu']).indicateurs['public.salaries_en_parcours']).toBe(0);
        throw new Error('annulé');
      }),
    ).toThrow('annulé');
    expect(open.indicators.computeParts(YEAR, ['apercu']).indicateurs['public.salaries_en_parcours']).toBe(truth);

    // A computation that fails after gathering the salariés rolls its read transaction back, and the rows with it:
    // the table holds the year's salariés as they were before the last write, which must not be served.
    const previous = open.indicators.computeFresh(YEAR - 1).indicateurs['public.salaries_en_parcours'] as number;
    const leaving = open.sqlite
      .prepare(`select c.parcours_id from contrats c join heures h on h.contrat_id = c.id join parcours p on p.id = c.parcours_id
                 where h.date between '${YEAR - 1}-01-01' and '${YEAR - 1}-12-31' and not exists (select 1 from parcours q where q.personne_id = p.personne_id and q.id <> p.id) limit 1`)
      .pluck()
      .get() as string;
    open.sqlite.prepare(`delete from heures where date between '${YEAR - 1}-01-01' and '${YEAR - 1}-12-31' and contrat_id in (select id from contrats where parcours_id = ?)`).run(leaving);
    const exits = vi.spyOn(open.indicators, 'exitsOfYear').mockImplementationOnce(() => {
      throw new Error('panne');
    });
    expect(() => open.indicators.computeFresh(YEAR - 1)).toThrow('panne');
    exits.mockRestore();
    expect(open.indicators.computeParts(YEAR - 1, ['apercu']).indicateurs['public.salaries_en_parcours']).toBe(previous - 1);
    expect(open.indicators.countedRows(YEAR, 'salaries').filter((r) => r.scope === null)).toHaveLength(truth);
  }, 120_000);
});
