/**
 * The fiche salarié of a parcours (issue 15 §2): made at hire from what the base knows, completed by the CIP with
 * the ASP's codes, health facts for need-to-know roles only, bad input refused in French with nothing changed, its
 * profile lines in the observatoire, and migration 0018 on a demo base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import type { RouteInput } from '../../src-shared/contract';
import { TestApp } from '../helpers/app';
import { undoMigrationsSince } from '../helpers/undo-migrations';
import { personneInput, team, type Team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

/** Julie, RSA and TH criteria and registered 24 months and more, hired in ACI. */
async function hired(t: Team): Promise<string> {
  const file = await app.call('personnes.create', personneInput({ rsa: 'OUI-M', dureeInscriptionFt: '04' }), t.cip);
  const personneId = file.personne.id;
  await app.call(
    'eligibilite.save',
    { personneId, date: '2026-02-04', auteur: 'structure', prescripteur: '', dispositif: 'ACI', criteres: [{ critere: 'RSA', dateJustificatif: '2026-01-20' }, { critere: 'TH', dateJustificatif: '2024-01-01' }] },
    t.cip,
  );
  await app.call('pass.save', { personneId, numero: '999992610000', dateDebut: '2026-02-16', dateFin: '2028-02-15' }, t.cip);
  await app.call('accueils.decide', { id: file.accueils![0]!.id, decision: 'entree', dateDecision: '2026-02-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
  return (app.runtime.openOrNull()!.sqlite.prepare('select id from parcours where personne_id = ?').pluck().get(personneId) as string);
}

describe('fiche salarié', () => {
  it('is made at hire from the person’s situation and the entry diagnosis', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const parcoursId = await hired(t);
    expect(await app.call('fiches.get', { parcoursId }, t.cip)).toMatchObject({
      niveauFormation: '50',
      rsa: 'OUI-M',
      inscritFt: true,
      inscritFtDepuis: '04',
      rqth: true,
      aah: false,
      ass: false,
      qpv: true,
      zrr: false,
      nirConnu: true,
    });
  });

  it('is completed with the ASP codes and read back; impossible combinations are refused in French and change nothing', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const parcoursId = await hired(t);
    const { id: _id, nirConnu: _nir, updatedAt: _at, ...current } = await app.call('fiches.get', { parcoursId }, t.cip);
    const input = { ...current, rsaDepuis: '03', sansEmploiDepuis: '04', ass: true, assDepuis: '02', communeNaissance: '07186', paysNaissance: '' } as RouteInput<'fiches.save'>;
    const saved = await app.call('fiches.save', input, t.cip);
    expect(saved).toMatchObject({ rsaDepuis: '03', sansEmploiDepuis: '04', ass: true, assDepuis: '02', communeNaissance: '07186', paysNaissance: null });

    const before = app.runtime.openOrNull()!.sqlite.prepare('select * from fiches_salarie').all();
    const refused = await app.fail('fiches.save', { ...input, rsa: 'NON', aahDepuis: '01', communeNaissance: 'Privas' }, t.cip);
    expect(refused.fields).toEqual({
      rsaDepuis: 'Une durée suppose le RSA.',
      aahDepuis: 'Une durée suppose l’AAH.',
      communeNaissance: 'Commune de naissance : un code INSEE de 5 caractères (par exemple 07186, ou 99109 pour un pays).',
    });
    expect((await app.fail('fiches.save', { ...input, rsaDepuis: '07' }, t.cip)).fields).toEqual({ rsaDepuis: 'Allocataire du RSA depuis : durée inconnue.' });
    // A country's code is not a commune's, and the other way round.
    expect((await app.fail('fiches.save', { ...input, communeNaissance: '99109', paysNaissance: '07186' }, t.cip)).fields).toEqual({
      communeNaissance: 'Un code commençant par 99 est celui d’un pays : saisissez-le dans « Pays de naissance ».',
      paysNaissance: 'Le code INSEE d’un pays commence par 99 (par exemple 99109).',
    });
    expect(app.runtime.openOrNull()!.sqlite.prepare('select * from fiches_salarie').all()).toEqual(before);
  });

  it('shows RQTH, OETH and AAH to need-to-know roles only, and only they write it', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const parcoursId = await hired(t);
    for (const role of ['encadrant', 'accueil', 'lecture'] as const) {
      const seen = await app.call('fiches.get', { parcoursId }, t[role]);
      expect({ rqth: seen.rqth, oeth: seen.oeth, aah: seen.aah, aahDepuis: seen.aahDepuis }, role).toEqual({ rqth: 'reserve', oeth: 'reserve', aah: 'reserve', aahDepuis: 'reserve' });
      expect(seen.rsa, role).toBe('OUI-M');
      const { id: _id, nirConnu: _nir, updatedAt: _at, ...rest } = seen;
      expect((await app.fail('fiches.save', { ...rest, rqth: false, oeth: false, aah: false, aahDepuis: null }, t[role])).code, role).toBe('FORBIDDEN');
    }
    expect((await app.call('fiches.get', { parcoursId }, t.direction)).rqth).toBe(true);
  });

  it('feeds the State’s profile lines; each count is its drill-down list', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const parcoursId = await hired(t);
    const open = app.runtime.openOrNull()!;
    const contrat = { parcoursId, type: 'CDDI', dateDebut: '2026-02-16', dateFinPrevue: '2026-08-15', heuresHebdo: 26, derogations: [] };
    await app.call('contrats.save', contrat, t.cip);
    const contratId = open.sqlite.prepare('select id from contrats').pluck().get() as string;
    await app.call('heures.saveMonth', { mois: '2026-02', contratIds: [contratId], entrees: [{ contratId, date: '2026-02-16', heures: 7 }], confirme: true }, t.cip);
    const year = await app.call('observatoire.year', { annee: 2026 }, t.direction);
    expect(year.indicateurs).toMatchObject({
      'public.situation.rsa': 1,
      'public.situation.rqth': 1,
      'public.situation.inscrit_ft_24_mois_et_plus': 1,
      'public.situation.qpv': 1,
      'public.situation.formation_cap_bep': 1,
      'public.situation.formation_infra_cap': 0,
      'par_dispositif.ACI.public.situation.rsa': 1,
    });
    const list = await app.call('observatoire.detail', { annee: 2026, id: 'public.situation.rsa' }, t.direction);
    expect(list.personnes.map((l) => [l.prenom, l.precision])).toEqual([['Julie', 'Bénéficiaires du RSA']]);
    // RQTH is a health fact: not for the read-only role, neither as a count nor as a list.
    expect((await app.call('observatoire.year', { annee: 2026 }, t.lecture)).masques).toEqual(expect.arrayContaining(['public.situation.rqth', 'public.situation.aah']));
    expect((await app.fail('observatoire.detail', { annee: 2026, id: 'public.situation.rqth' }, t.lecture)).code).toBe('FORBIDDEN');
  });

  it('migration 0018 gives every parcours of a demo base its fiche, filled from the person and the entry diagnosis', async () => {
    const created = await TestApp.start();
    createDemo(created.runtime.openOrNull()!, { scale: 1, years: 2, seed: 23 }, created.clock.now());
    const sqlite = created.runtime.openOrNull()!.sqlite;
    const parcours = sqlite.prepare('select count(*) from parcours').pluck().get() as number;
    const expected = sqlite.prepare('select parcours_id, niveau_formation, rsa, aah, qpv from fiches_salarie order by parcours_id').all();
    expect(expected).toHaveLength(parcours);
    // Back to the schema before 0018.
    undoMigrationsSince(sqlite, '0018_fiches_salarie');
    created.close();
    app = await TestApp.start(created.dataDir);
    expect(app.runtime.openOrNull()!.sqlite.prepare('select parcours_id, niveau_formation, rsa, aah, qpv from fiches_salarie order by parcours_id').all()).toEqual(expected);
  }, 120_000);
});
