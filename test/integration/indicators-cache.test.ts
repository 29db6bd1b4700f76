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
});
