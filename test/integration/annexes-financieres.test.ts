/**
 * Annexes financières as records (issue 15 §1): the routes, the figures they feed (ETP conventionnés pro rata,
 * realisation rate, H_ref of an annexe, the état mensuel), and migration 0017 on a demo base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import type { RouteInput } from '../../src-shared/contract';
import { TestApp } from '../helpers/app';
import { undoMigrationsSince } from '../helpers/undo-migrations';
import { team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

/** A demo structure, reopened as the app would after creating it. */
async function demoApp(options: { scale: number; years: number; seed: number }): Promise<TestApp> {
  const created = await TestApp.start();
  createDemo(created.runtime.openOrNull()!, options, created.clock.now());
  created.close();
  return TestApp.start(created.dataDir);
}

async function demoDirection(app: TestApp): Promise<{ direction: string }> {
  return { direction: (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token };
}

type AnnexeInput = RouteInput<'annexes.save'>;
const initial = (over: Partial<AnnexeInput['version']> = {}): AnnexeInput['version'] => ({
  id: null,
  avenant: 0,
  modification: 0,
  dateDebut: '2025-01-01',
  dateFin: '2025-12-31',
  etpConventionnes: 10,
  hRef: null,
  aideSocle: null,
  aideModulee: null,
  ...over,
});

describe('annexes financières', () => {
  it('records an annexe and its avenant; the year counts each version for the days it is in force', async () => {
    app = await TestApp.start();
    const t = await team(app);
    let list = await app.call('annexes.save', { annexeId: null, numero: 'ACI 007 25 0100', mesure: 'ACI_DC', version: initial() }, t.direction);
    const annexeId = list[0]!.id;
    list = await app.call('annexes.save', { annexeId, numero: 'ACI 007 25 0100', mesure: 'ACI_DC', version: initial({ avenant: 1, dateDebut: '2025-07-01', etpConventionnes: 12 }) }, t.direction);
    expect(list[0]!.versions.map((v) => [v.numeroComplet, v.etpConventionnes])).toEqual([
      ['ACI007250100A0M0', 10],
      ['ACI007250100A1M0', 12],
    ]);
    // The same avenant twice is refused with a French message, and nothing changes.
    const twice = await app.fail('annexes.save', { annexeId, numero: 'ACI 007 25 0100', mesure: 'ACI_DC', version: initial({ avenant: 1, dateDebut: '2025-07-01' }) }, t.direction);
    expect(twice.message).toMatch(/avenant 1 .* déjà saisi/);
    expect(app.count('annexes_financieres_versions')).toBe(2);
    // An end before the start, and a dispositif the structure does not run, are refused.
    expect((await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version: initial({ dateFin: '2024-12-31' }) }, t.direction)).fields).toEqual({ 'version.dateFin': 'La fin d’effet précède le début.' });
    expect((await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'EI_DC', version: initial() }, t.direction)).message).toMatch(/EI n’est pas déclaré/);
    expect((await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version: initial({ dateFin: '2029-12-31' }) }, t.direction)).fields).toEqual({ 'version.dateFin': 'Une annexe financière couvre au plus trois ans.' });
    expect(app.count('annexes_financieres')).toBe(1);

    const year = await app.call('observatoire.year', { annee: 2025 }, t.direction);
    const expected = (10 * 181 + 12 * 184) / 365;
    expect(year.indicateurs['par_dispositif.ACI.activite.etp_conventionnes']).toBeCloseTo(expected, 2);
    const preview = await app.call('rapports.preview', { annee: 2025 }, t.direction);
    expect(preview.payload.structure.dispositifs.find((d) => d.kind === 'ACI')).toMatchObject({ annexe_financiere: 'ACI 007 25 0100' });
    expect(preview.payload.structure.dispositifs.find((d) => d.kind === 'ACI')!.etp_conventionnes).toBeCloseTo(expected, 6);

    // Deleting the avenant brings the year back to the initial version; the last version takes the annexe with it.
    const avenantId = list[0]!.versions[1]!.id;
    list = await app.call('annexes.deleteVersion', { id: avenantId }, t.direction);
    expect((await app.call('observatoire.year', { annee: 2025 }, t.direction)).indicateurs['par_dispositif.ACI.activite.etp_conventionnes']).toBe(10);
    await app.call('annexes.deleteVersion', { id: list[0]!.versions[0]!.id }, t.direction);
    expect(app.count('annexes_financieres')).toBe(0);
  });

  it('a change to a signed year is confirmed first', async () => {
    app = await TestApp.start();
    const t = await team(app);
    await app.call('annexes.save', { annexeId: null, numero: '', mesure: 'AI_DC', version: initial({ dateDebut: '2024-01-01', dateFin: '2024-12-31' }) }, t.direction);
    await app.call('rapports.produce', { annee: 2024 }, t.direction);
    const refused = await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version: initial({ dateDebut: '2024-06-01' }) }, t.direction);
    expect(refused.code).toBe('CONFIRMATION_REQUIRED');
    expect(app.count('annexes_financieres')).toBe(1);
    await app.call('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version: initial({ dateDebut: '2024-06-01' }), confirme: true }, t.direction);
    expect(app.count('annexes_financieres')).toBe(2);
  }, 60_000);

  it('hours count for the annexe in force at their date, with the H_ref the annexe states', async () => {
    app = await demoApp({ scale: 1, years: 2, seed: 5 });
    const open = app.runtime.openOrNull()!;
    const t = await demoDirection(app);
    const sqlite = open.sqlite;
    const year = 2025;
    const aciHours = sqlite
      .prepare("select coalesce(sum(h.centiemes), 0) from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where p.dispositif = 'ACI' and h.date between ? and ?")
      .pluck();
    const total = (aciHours.get(`${year}-01-01`, `${year}-12-31`) as number) / 100;
    const autumn = (aciHours.get(`${year}-09-01`, `${year}-12-31`) as number) / 100;
    expect(autumn).toBeGreaterThan(0);
    const before = (await app.call('observatoire.year', { annee: year }, t.direction)).indicateurs;
    // Indicators are rounded to 2 decimals (UNIT_DECIMALS).
    expect(before['par_dispositif.ACI.activite.etp_realises']).toBeCloseTo(total / 1820, 2);

    // The demo's 2025 ACI annexe (initial, avenant 1 from July) gains an avenant 2 from September stating H_ref 1 600 h.
    const annexe = (await app.call('annexes.list', {}, t.direction)).find((a) => a.kind === 'ACI' && a.debut === `${year}-01-01`)!;
    expect(annexe.versions.map((v) => v.avenant)).toEqual([0, 1]);
    const { numeroComplet: _printed, ...latest } = annexe.versions[1]!;
    await app.call('annexes.save', { annexeId: annexe.id, numero: annexe.numero, mesure: annexe.mesure, version: { ...latest, id: null, avenant: 2, dateDebut: `${year}-09-01`, hRef: 1600 } }, t.direction);
    const after = (await app.call('observatoire.year', { annee: year }, t.direction)).indicateurs;
    expect(after['par_dispositif.ACI.activite.etp_realises']).toBeCloseTo((total - autumn) / 1820 + autumn / 1600, 2);
    expect(after['par_dispositif.ACI.activite.etp_realises']).not.toBe(before['par_dispositif.ACI.activite.etp_realises']);
    expect(after['par_dispositif.ACI.activite.taux_realisation']).toBeCloseTo(after['par_dispositif.ACI.activite.etp_realises']! / after['par_dispositif.ACI.activite.etp_conventionnes']!, 2);

    // On the screen, the annexe's own realisation over its period.
    const shown = (await app.call('annexes.list', {}, t.direction)).find((a) => a.id === annexe.id)!;
    expect(shown.realise.heures).toBeCloseTo(total, 2);
    expect(shown.realise.etpRealises).toBeCloseTo((total - autumn) / 1820 + autumn / 1600, 6);

    // The état mensuel names the annexe in force, with its amendment suffix.
    const december = await app.call('heures.exportMonth', { mois: `${year}-12` }, t.direction);
    const csv = december.content;
    expect(csv).toContain(`ACI007${String(year).slice(2)}0100A2M0`);
    expect((await app.call('heures.exportMonth', { mois: `${year}-08` }, t.direction)).content).toContain(`ACI007${String(year).slice(2)}0100A1M0`);
    const june = (await app.call('heures.exportMonth', { mois: `${year}-06` }, t.direction)).content;
    expect(june).toContain(`ACI007${String(year).slice(2)}0100A0M0`);
  }, 120_000);

  it('migration 0017 turns each yearly convention of a demo base into an annexe: every row kept, a past year’s report unchanged', async () => {
    app = await demoApp({ scale: 1, years: 3, seed: 17 });
    const open = app.runtime.openOrNull()!;
    const t = await demoDirection(app);
    const sqlite = open.sqlite;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").pluck().all() as string[];
    const counts = () => Object.fromEntries(tables.map((name) => [name, sqlite.prepare(`select count(*) from "${name}"`).pluck().get()]));
    // The demo's current-year avenant has no equivalent in the old schema: leave the base as the previous release
    // could have held it, one full-year annexe per dispositif and year.
    sqlite.prepare('delete from annexes_financieres_versions where avenant > 0').run();
    const countsBefore = counts();
    const reportOf = async () => {
      const { payload } = await app.call('rapports.preview', { annee: 2025 }, t.direction);
      return { ...payload, genere_le: null };
    };
    const reportBefore = await reportOf();
    expect(reportBefore.structure.dispositifs.every((d) => d.etp_conventionnes !== null && d.annexe_financiere !== null)).toBe(true);

    // Back to the schema of 0016: the yearly conventions table, filled from the annexes, and 0017 onwards not applied.
    undoMigrationsSince(sqlite, '0017_annexes_financieres');
    const conventions = sqlite.prepare('select count(*) from dispositifs_annees').pluck().get() as number;
    expect(conventions).toBe(countsBefore.annexes_financieres);
    app.close();

    app = await TestApp.start(app.dataDir);
    const migrated = app.runtime.openOrNull()!.sqlite;
    expect(migrated.prepare("select count(*) from sqlite_master where name = 'dispositifs_annees'").pluck().get()).toBe(0);
    const countsAfter = Object.fromEntries(tables.map((name) => [name, migrated.prepare(`select count(*) from "${name}"`).pluck().get()]));
    expect(countsAfter).toEqual(countsBefore);
    const login = await demoDirection(app);
    const reportAfter = { ...(await app.call('rapports.preview', { annee: 2025 }, login.direction)).payload, genere_le: null };
    expect(reportAfter).toEqual(reportBefore);
  }, 180_000);
});
