import { afterEach, describe, expect, it } from 'vitest';
import { createDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src-main/services/demo/demo-service';
import { generateDemo } from '../../src-main/services/demo/demo-generator';
import { checkConsistency } from '../../src-main/services/system/consistency-check';
import { TestApp } from '../helpers/app';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('demo structure', () => {
  it('is deterministic for a seed, and different for another', () => {
    const a = generateDemo({ scale: 1, years: 2, seed: 7, today: '2026-03-02' });
    const b = generateDemo({ scale: 1, years: 2, seed: 7, today: '2026-03-02' });
    const c = generateDemo({ scale: 1, years: 2, seed: 8, today: '2026-03-02' });
    expect(b).toEqual(a);
    expect(c.personnes).not.toEqual(a.personnes);
    // Nothing is dated after today, but the end of the current year's annexes financières (they cover the year).
    const { annexes_financieres: annexes, ...dated } = a;
    expect(annexes!.every((v) => String(v[5]) <= '2026-03-02' && String(v[6]) <= '2026-12-31')).toBe(true);
    const dates = Object.values(dated).flatMap((rows) => rows!.flat()).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(String(v)));
    expect(dates.filter((d) => String(d) > '2026-03-02' && !a.contrats!.some((k) => k[5] === d) && !a.pass_iae!.some((p) => p[3] === d))).toEqual([]);
  });

  it('at scale 5, every contract passes the contract form’s rules and the consistency check finds nothing (issue 18 §1)', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    const { report } = createDemo(open, { scale: 5, years: 3, seed: 2026 }, app.clock.now());
    expect(report.erreurs).toEqual([]);
    expect(report.avertissements).toEqual([]);
    expect(report.feuilles.find((f) => f.feuille === 'contrats')!.lignes).toBeGreaterThan(2000);
    expect(open.sqlite.prepare("select count(*) from contrats where avertissements <> '[]'").pluck().get()).toBe(0);
    expect(checkConsistency(open.sqlite)).toEqual([]);
  }, 120_000);

  it('imports through the app’s checks, passes the consistency checks, and its accounts log in', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    const { report } = createDemo(open, { scale: 1, years: 3, seed: 2026 }, app.clock.now());
    expect(report.erreurs).toEqual([]);
    expect(checkConsistency(open.sqlite)).toEqual([]);
    const v = open.indicators.compute(2025).indicateurs;
    // A typical structure: about 150 salariés a year, about twice as many intakes as entries.
    expect(v['public.salaries_en_parcours']).toBeGreaterThan(100);
    expect(v['public.salaries_en_parcours']).toBeLessThan(220);
    expect(v['accueil.personnes_accueillies']! / v['public.entrees']!).toBeGreaterThan(1.6);
    expect(v['activite.taux_realisation']).toBeGreaterThan(0.8);
    expect(v['sorties.constatees']).toBeGreaterThan(20);
    expect(open.sqlite.prepare('select count(*) from parcours where referent_id is null').pluck().get()).toBe(0);
    // A new runtime on the same file sees a set-up structure; every demo account logs in.
    app.close();
    app = await TestApp.start(app.dataDir);
    expect(app.runtime.stateKind()).toBe('ready');
    for (const account of DEMO_ACCOUNTS) {
      const session = await app.call('auth.login', { login: account.login, password: DEMO_PASSWORD });
      expect(session.user.role).toBe(account.role);
    }
  });

  it('refuses to overwrite a structure', async () => {
    app = await TestApp.start();
    await app.setUp();
    const open = app.runtime.openOrNull()!;
    expect(() => createDemo(open, { scale: 1, years: 1, seed: 1 }, app!.clock.now())).toThrow(/déjà une structure/);
  });
});

describe('first run: demo or an imported structure', () => {
  it('the wizard can open the demo instead of an empty structure', async () => {
    app = await TestApp.start();
    const status = await app.call('setup.demo', {});
    expect(status).toMatchObject({ state: 'ready', demonstration: true, structureName: 'Ensemble Solidaire des Coteaux (démonstration)' });
    expect((await app.fail('setup.demo', {})).code).toBe('CONFLICT');
    expect((await app.call('auth.login', { login: 'cip', password: 'demonstration' })).user.role).toBe('cip');
    // Complete (issue 14 §10): the three years the observatoire shows are established years, partners took part,
    // and the insertion offer is written, so the welcome booklet prints.
    const open = app.runtime.openOrNull()!;
    const shownYear = app.clock.now().getFullYear() - 1;
    for (const year of [shownYear - 2, shownYear - 1, shownYear]) expect(open.indicators.compute(year).indicateurs['public.salaries_en_parcours'], String(year)).toBeGreaterThan(100);
    const direction = (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    const partners = await app.call('partenaires.list', {}, direction);
    expect(partners.length).toBeGreaterThanOrEqual(6);
    expect(partners.filter((p) => p.interventions > 0).length).toBeGreaterThanOrEqual(5);
    expect((await app.call('documents.livret', {}, direction)).fileName).toMatch(/\.pdf$/);
  }, 60_000);

  it('after an import into a new file, the wizard shows the imported structure and only adds the administrator', async () => {
    const { importFolder, EXEMPLE_2024 } = await import('../helpers/import');
    const { VALID_SETUP } = await import('../helpers/app');
    app = await TestApp.start();
    await importFolder(app.runtime.openOrNull()!, EXEMPLE_2024);
    const status = await app.call('system.status', {});
    expect(status).toMatchObject({ state: 'setup', structure: { siret: '52000001500013', nom: 'Chantier des Coteaux (exemple)', dispositifs: ['AI', 'ACI'] } });
    const session = await app.call('setup.complete', { ...VALID_SETUP, structure: { ...VALID_SETUP.structure, nom: 'Chantier des Coteaux' } });
    expect(session.user.isAdmin).toBe(true);
    expect(app.count('structure')).toBe(1);
    expect(app.count('dispositifs')).toBe(2);
    expect(app.count('personnes')).toBe(6);
    expect(await app.call('system.status', {})).toMatchObject({ state: 'ready', structureName: 'Chantier des Coteaux', demonstration: false });
  });
});
