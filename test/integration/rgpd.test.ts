import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { personneInput, team } from '../helpers/accueil';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('right of access', () => {
  it('gives the direction everything held about one person, readable and machine-readable, with who consulted it', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput(), t.cip);
    const id = created.personne.id;
    await app.call('personnes.get', { id }, t.encadrant);
    expect((await app.fail('rgpd.access', { id }, t.cip)).code).toBe('FORBIDDEN');
    const file = await app.call('rgpd.access', { id }, t.direction);
    expect(file.fileName).toBe('droit-d-acces-arnaud-julie-2026-03-02.zip');
    const entries = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(['donnees.json', 'donnees.pdf']);
    expect(Buffer.from(entries['donnees.pdf']!).subarray(0, 5).toString()).toBe('%PDF-');
    const json = JSON.parse(Buffer.from(entries['donnees.json']!).toString('utf8')) as { donnees: Record<string, Array<Record<string, unknown>>> };
    expect(json.donnees.personne![0]).toMatchObject({ nom: 'Arnaud', prenom: 'Julie', nir: '296050700012308', date_naissance: '1996-05-02' });
    expect(json.donnees.personne![0]).not.toHaveProperty('recherche');
    expect(json.donnees.accueils).toHaveLength(1);
    expect(json.donnees.consultations!.map((c) => c.utilisateur)).toContain('encadrant.test');
    expect((await app.fail('rgpd.access', { id: 'inconnu' }, t.direction)).code).toBe('NOT_FOUND');
    expect(app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where action = 'export' and entity = 'personne' and entity_id = ?").pluck().get(id)).toBe(1);
  }, 30_000);
});

describe('retention and anonymisation', () => {
  it('lists who is due (with notice), anonymises them, and past years give the same indicators afterwards', async () => {
    const { createDemo } = await import('../../src-main/services/demo/demo-service');
    const { checkConsistency } = await import('../../src-main/services/system/consistency-check');
    app = await TestApp.start();
    createDemo(app.runtime.openOrNull()!, { scale: 1, years: 3, seed: 21 }, app.clock.now());
    app.close();
    app = await TestApp.start(app.dataDir);
    const open = app.runtime.openOrNull()!;
    // Later, so that the first intakes of the demo are past their retention.
    app.clock.advanceMinutes(365 * 24 * 60);
    const again = (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    const cip = (await app.call('auth.login', { login: 'cip', password: 'demonstration' })).token;
    const before = [2024, 2025].map((y) => open.indicators.compute(y).indicateurs);

    const due = await app.call('rgpd.review', {}, again);
    expect(due.some((d) => d.motif === 'non_embauche' && d.echue)).toBe(true);
    expect(due.some((d) => d.motif === 'fin_accompagnement' && d.echue)).toBe(true);
    expect(due.some((d) => !d.echue)).toBe(true); // within the 30 days' notice
    expect((await app.fail('rgpd.review', {}, cip)).code).toBe('FORBIDDEN');
    const notYet = due.find((d) => !d.echue)!;
    expect((await app.fail('rgpd.anonymise', { ids: [notYet.personneId] }, again)).message).toMatch(/pas arrivées au terme/);

    const ripe = due.filter((d) => d.echue).map((d) => d.personneId);
    const remaining = await app.call('rgpd.anonymise', { ids: ripe }, again);
    expect(remaining.every((d) => !ripe.includes(d.personneId))).toBe(true);

    const after = [2024, 2025].map((y) => open.indicators.compute(y).indicateurs);
    expect(after).toEqual(before);
    const sample = open.sqlite.prepare('select nom, prenom, date_naissance, nir, telephone, recherche from personnes where id = ?').get(ripe[0]) as Record<string, string>;
    expect(sample).toMatchObject({ nom: 'Anonyme', prenom: '', nir: null, telephone: '', recherche: '' });
    expect(sample.date_naissance).toMatch(/^\d{4}-01-01$/);
    expect(open.sqlite.prepare("select count(*) from bilans b join parcours p on p.id = b.parcours_id where p.personne_id in (select id from personnes where anonymise_le is not null) and b.paroles_personne <> ''").pluck().get()).toBe(0);
    expect(checkConsistency(open.sqlite)).toEqual([]);
    expect(open.sqlite.prepare("select count(*) from audit_log where route = 'rgpd.anonymise'").pluck().get()).toBe(ripe.length);
  }, 60_000);
});

describe('retention periods', () => {
  it('are the defaults of domain-reference §6.2 and can be changed by the direction within bounds', async () => {
    app = await TestApp.start();
    const t = await team(app);
    expect(await app.call('rgpd.settings', {}, t.direction)).toEqual({ nonEmbaucheMois: 24, accompagnementMois: 24, preavisJours: 30 });
    expect((await app.fail('rgpd.setSettings', { nonEmbaucheMois: 6, accompagnementMois: 24, preavisJours: 30 }, t.direction)).fields).toEqual({ nonEmbaucheMois: 'Douze mois au moins.' });
    expect(await app.call('rgpd.setSettings', { nonEmbaucheMois: 36, accompagnementMois: 60, preavisJours: 15 }, t.direction)).toEqual({ nonEmbaucheMois: 36, accompagnementMois: 60, preavisJours: 15 });
    expect((await app.fail('rgpd.setSettings', { nonEmbaucheMois: 36, accompagnementMois: 60, preavisJours: 15 }, t.cip)).code).toBe('FORBIDDEN');
  });
});
