import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
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
    // Readable by the person (issue 16 §6): French labels, codes translated, French dates; no column name, no code.
    const pdfFile = join(tempDir(), 'donnees.pdf');
    writeFileSync(pdfFile, entries['donnees.pdf']!);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/Date de naissance 2 mai 1996/);
    expect(text).toMatch(/Civilité Madame/);
    expect(text).toMatch(/Réside en quartier prioritaire (Oui|Non)/);
    expect(text).toMatch(/Orienté·e par France Travail/);
    expect(text).toMatch(/Consultation/);
    expect(text).toMatch(/Accueils \(1\)\s+Premier contact/); // a heading never alone at a page's foot
    expect(text).not.toMatch(/date_naissance|niveau formation|qpv [01]\b|\d{4}-\d{2}-\d{2}T|created at/);
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
    expect((await app.fail('rgpd.anonymise', { ids: [notYet.personneId] }, again)).message).toMatch(/pas arrivées? au terme/);

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

describe('register of requests', () => {
  it('records requests with their one-month deadline, answers them, and erases only what the law allows', async () => {
    const { createDemo } = await import('../../src-main/services/demo/demo-service');
    app = await TestApp.start();
    createDemo(app.runtime.openOrNull()!, { scale: 1, years: 3, seed: 4 }, app.clock.now());
    app.close();
    app = await TestApp.start(app.dataDir);
    const open = app.runtime.openOrNull()!;
    const direction = (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    const cip = (await app.call('auth.login', { login: 'cip', password: 'demonstration' })).token;
    const pick = (sql: string) => open.sqlite.prepare(sql).pluck().get() as string;
    const running = pick('select personne_id from parcours where date_debut is not null and date_sortie is null limit 1');
    const neverHired = pick('select id from personnes p where not exists (select 1 from parcours pa where pa.personne_id = p.id and pa.date_debut is not null) limit 1');
    const formerEmployee = pick(
      `select p.id from personnes p where exists (select 1 from parcours pa join contrats c on c.parcours_id = pa.id where pa.personne_id = p.id)
         and not exists (select 1 from parcours pa where pa.personne_id = p.id and pa.date_debut is not null and pa.date_sortie is null) limit 1`,
    );
    const request = (personneId: string | null, type: string, recueLe = '2026-02-20') => ({ id: null, personneId, type, recueLe, demandeur: 'La personne elle-même', objet: 'Demande écrite du 20 février' });

    // Bad input: a date to come, an unknown file, a missing kind; a CIP may not.
    expect((await app.fail('rgpd.saveDemande', request(neverHired, 'acces', '2026-04-01'), direction)).fields).toEqual({ recueLe: 'Date future.' });
    expect((await app.fail('rgpd.saveDemande', request('inconnu', 'acces'), direction)).fields).toEqual({ personneId: 'Personne inconnue.' });
    expect((await app.fail('rgpd.saveDemande', { ...request(neverHired, 'acces'), type: 'oubli' }, direction)).fields).toHaveProperty('type');
    expect((await app.fail('rgpd.saveDemande', request(neverHired, 'acces'), cip)).code).toBe('FORBIDDEN');
    expect(open.sqlite.prepare('select count(*) from demandes_rgpd').pluck().get()).toBe(0);

    for (const [who, type] of [[running, 'effacement'], [neverHired, 'effacement'], [formerEmployee, 'effacement'], [neverHired, 'rectification']] as const) {
      await app.call('rgpd.saveDemande', request(who, type), direction);
    }
    let list = await app.call('rgpd.demandes', {}, direction);
    expect(list).toHaveLength(4);
    expect(list.every((r) => r.echeance === '2026-03-20' && r.statut === 'en_cours' && !r.enRetard)).toBe(true);
    const find = (personneId: string, type: string) => list.find((r) => r.personneId === personneId && r.type === type)!;

    // An open parcours: nothing can be erased; the refusal keeps everything as it was.
    expect(await app.call('rgpd.verifierEffacement', { id: running }, direction)).toMatchObject({ etendue: 'aucune', motif: expect.stringMatching(/parcours est en cours/) });
    const runningName = pick(`select nom from personnes where id = '${running}'`);
    expect((await app.fail('rgpd.repondreDemande', { id: find(running, 'effacement').id, statut: 'acceptee', reponse: 'Effacé', effacer: true }, direction)).message).toMatch(/parcours est en cours/);
    expect(pick(`select nom from personnes where id = '${running}'`)).toBe(runningName);
    expect((await app.fail('rgpd.repondreDemande', { id: find(running, 'effacement').id, statut: 'refusee', reponse: '', effacer: false }, direction)).fields).toHaveProperty('reponse');
    list = await app.call('rgpd.repondreDemande', { id: find(running, 'effacement').id, statut: 'refusee', reponse: 'Parcours en cours : effacement possible après la sortie.', effacer: false }, direction);
    expect(find(running, 'effacement')).toMatchObject({ statut: 'refusee', reponseLe: '2026-03-02', traiteeParNom: expect.any(String) });
    expect((await app.fail('rgpd.repondreDemande', { id: find(running, 'effacement').id, statut: 'acceptee', reponse: 'Finalement oui', effacer: false }, direction)).code).toBe('CONFLICT');
    expect((await app.fail('rgpd.saveDemande', { ...request(running, 'acces'), id: find(running, 'effacement').id }, direction)).code).toBe('CONFLICT');

    // Never hired: the whole file is anonymised, the register keeps the request without its wording.
    expect(await app.call('rgpd.verifierEffacement', { id: neverHired }, direction)).toMatchObject({ etendue: 'totale' });
    list = await app.call('rgpd.repondreDemande', { id: find(neverHired, 'effacement').id, statut: 'acceptee', reponse: 'Dossier anonymisé le jour même.', effacer: true }, direction);
    expect(find(neverHired, 'effacement')).toMatchObject({ statut: 'acceptee', personne: 'Anonyme', objet: '' });
    expect(pick(`select anonymise_le from personnes where id = '${neverHired}'`)).not.toBeNull();

    // A former employee: identity and contracts kept 5 years after the last contract; accompaniment texts erased.
    const check = await app.call('rgpd.verifierEffacement', { id: formerEmployee }, direction);
    expect(check).toMatchObject({ etendue: 'partielle', conserverJusquAu: expect.stringMatching(/^20(2[7-9]|3\d)-/) });
    const name = pick(`select nom from personnes where id = '${formerEmployee}'`);
    list = await app.call('rgpd.repondreDemande', { id: find(formerEmployee, 'effacement').id, statut: 'acceptee', reponse: 'Textes effacés ; contrats gardés (obligation légale).', effacer: true }, direction);
    expect(find(formerEmployee, 'effacement').statut).toBe('partielle');
    expect(pick(`select nom from personnes where id = '${formerEmployee}'`)).toBe(name);
    const texts = open.sqlite
      .prepare("select count(*) from bilans b join parcours p on p.id = b.parcours_id where p.personne_id = ? and (b.paroles_personne <> '' or b.revue_objectifs <> '')")
      .pluck()
      .get(formerEmployee);
    expect(texts).toBe(0);
    expect(open.sqlite.prepare("select count(*) from audit_log where route = 'rgpd.repondreDemande' and action = 'delete'").pluck().get()).toBe(2);

    // A month and a day later, the open rectification is late.
    app.clock.advanceMinutes(20 * 24 * 60);
    const again = (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    expect((await app.call('rgpd.demandes', {}, again)).find((r) => r.type === 'rectification')).toMatchObject({ enRetard: true });
  }, 60_000);
});
