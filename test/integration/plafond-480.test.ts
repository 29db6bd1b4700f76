/**
 * The AI 480-hour rule as Code du travail L5132-9 2° writes it (issue 15 §5): every mise à disposition counts except
 * to private individuals for their own needs and to private non-profit bodies; a prefect's derogation lifts the cap
 * while it runs. Alerts on saving, the dashboard and the observatoire's count follow the same rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { TestApp } from '../helpers/app';
import { undoMigrationsSince } from '../helpers/undo-migrations';
import { personneInput, team, type Team } from '../helpers/accueil';
import { SEUIL_ALERTE_480, windows480 } from '../../src-shared/rules/heures';

let app: TestApp;
afterEach(() => app?.close());

/** Omar, in AI from June 2025 on a CDD d'usage; returns his contract. */
async function omarInAi(t: Team): Promise<string> {
  const created = await app.call('personnes.create', personneInput({ nom: 'Denis', prenom: 'Omar', dateNaissance: '2002-07-07', accueil: { datePremierContact: '2025-06-01', canal: 'physique' } }), t.cip);
  await app.call('pass.save', { personneId: created.personne.id, numero: '999992810003', dateDebut: '2025-06-02', dateFin: '2027-06-01' }, t.cip);
  await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2025-06-01', dispositif: 'AI', referentId: t.ids.direction, motifDecision: null, reorientationVers: '' }, t.cip);
  const [ai] = await app.call('parcours.ofPersonne', { personneId: created.personne.id }, t.cip);
  const [withContract] = await app.call('contrats.save', { parcoursId: ai!.id, type: 'CDD_USAGE', dateDebut: '2025-06-02', dateFinPrevue: '2026-12-31', heuresHebdo: null, derogations: [] }, t.cip);
  return withContract!.contrats[0]!.id;
}

async function client(t: Team, nom: string, type: string, soumisPlafond480?: boolean): Promise<string> {
  const all = await app.call('clients.save', { nom, type, ...(soumisPlafond480 === undefined ? {} : { soumisPlafond480 }) } as never, t.cip);
  return all.find((c) => c.nom === nom)!.id;
}

const placed = (contratId: string, mois: string, clientId: string, heures: number) => ({ mois, contratIds: [contratId], entrees: [{ contratId, clientId, date: `${mois}-01`, heures }], confirme: true });

describe('the AI 480-hour cap (L5132-9 2°)', () => {
  it('counts companies, public bodies, and a private individual’s professional needs; not associations nor personal needs', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const contrat = await omarInAi(t);
    const mairie = await client(t, 'Mairie du Teil', 'collectivite', false);
    const association = await client(t, 'Restos du cœur', 'association', true);
    const voisine = await client(t, 'Mme Roux (ménage)', 'particulier');
    const artisan = await client(t, 'M. Faure, plombier', 'particulier', true);
    // The type decides where the law does, whatever is sent.
    expect((await app.call('clients.list', {}, t.cip)).map((c) => [c.nom, c.soumisPlafond480])).toEqual([
      ['M. Faure, plombier', true],
      ['Mairie du Teil', true],
      ['Mme Roux (ménage)', false],
      ['Restos du cœur', false],
    ]);
    for (const [mois, who] of [['2025-07', association], ['2025-08', voisine]] as const) await app.call('heures.saveMonth', placed(contrat, mois, who, 150), t.cip);
    const afterExempt = await app.call('heures.saveMonth', placed(contrat, '2025-09', mairie, 200), t.cip);
    expect(afterExempt.alertes480).toEqual([]);
    const near = await app.call('heures.saveMonth', placed(contrat, '2025-10', artisan, 240), t.cip);
    expect(near.alertes480).toEqual(["Omar DENIS : 440 h de mise à disposition soumise au plafond sur 480 h autorisées sur 24 mois (jusqu'au 31/08/2027)."]);
    const over = await app.call('heures.saveMonth', placed(contrat, '2025-11', mairie, 60), t.cip);
    expect(over.alertes480[0]).toMatch(/500 h .* au-delà de 480 h/);
    expect((await app.call('observatoire.year', { annee: 2025 }, t.direction)).indicateurs['activite.depassements_480h']).toBe(1);
    expect((await app.call('insertion.dueWork', {}, t.direction)).alertes480).toEqual([expect.objectContaining({ nom: 'Denis', detail: '500 h soumises au plafond : 480 h dépassées' })]);
  });

  it('a prefect’s derogation lifts the cap while it runs: no alert, no overrun counted', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const contrat = await omarInAi(t);
    const entreprise = await client(t, 'Transports Giraud', 'entreprise');
    // Granted on 1 September 2025 for three years.
    await app.call('parametres.add', { cle: 'derogation_480h_jusquau', valideDu: '2025-09-01', valeur: '2028-08-31' }, t.direction);
    await app.call('heures.saveMonth', placed(contrat, '2025-09', entreprise, 300), t.cip);
    const over = await app.call('heures.saveMonth', placed(contrat, '2025-10', entreprise, 300), t.cip);
    expect(over.alertes480).toEqual([]);
    expect((await app.call('observatoire.year', { annee: 2025 }, t.direction)).indicateurs['activite.depassements_480h']).toBe(0);
    expect((await app.call('insertion.dueWork', {}, t.direction)).alertes480).toEqual([]);
    // An end date that is not a date is refused in French.
    expect((await app.fail('parametres.add', { cle: 'derogation_480h_jusquau', valideDu: '2028-09-01', valeur: 'bientôt' }, t.direction)).code).toBe('VALIDATION');
  });

  it('migration 0019 marks the clients of a demo base by type: companies, public bodies and « autre » count', async () => {
    const created = await TestApp.start();
    createDemo(created.runtime.openOrNull()!, { scale: 1, years: 2, seed: 31 }, created.clock.now());
    const sqlite = created.runtime.openOrNull()!.sqlite;
    const before = sqlite.prepare('select id, nom, type from clients order by id').all() as Array<{ type: string }>;
    undoMigrationsSince(sqlite, '0019_clients_plafond_480');
    created.close();
    app = await TestApp.start(created.dataDir);
    const after = app.runtime.openOrNull()!.sqlite.prepare('select id, nom, type, soumis_plafond_480 as soumis from clients order by id').all() as Array<{ type: string; soumis: number }>;
    expect(after.map(({ soumis: _s, ...c }) => c)).toEqual(before);
    expect(new Set(after.map((c) => c.type))).toEqual(new Set(['particulier', 'association', 'collectivite', 'entreprise', 'autre']));
    for (const c of after) expect(c.soumis, c.type).toBe(['entreprise', 'collectivite', 'autre'].includes(c.type) ? 1 : 0);
  }, 120_000);
});

describe('the dashboard’s 480-hour alerts read only recent placements (issue 19)', () => {
  it('on ten years of a demo structure, they are exactly those of every AI person’s whole history, on any day', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 1, years: 10, seed: 11 }, app.clock.now());
    // A low cap so that many persons are near it: the comparison must cover alerts, not an empty list.
    const admin = open.sqlite.prepare('select id from users limit 1').pluck().get() as string;
    open.parametres.add('plafond_ai_entreprises_heures', '2000-01-01', 150, admin, app.clock.now());
    const all = open.sqlite
      .prepare(
        `select p.personne_id, h.date, h.centiemes from heures h join clients cl on cl.id = h.client_id and cl.soumis_plafond_480 = 1
           join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id where p.dispositif = 'AI' order by h.date`,
      )
      .all() as Array<{ personne_id: string; date: string; centiemes: number }>;
    const byPerson = new Map<string, Array<{ date: string; heures: number }>>();
    for (const r of all) byPerson.set(r.personne_id, [...(byPerson.get(r.personne_id) ?? []), { date: r.date, heures: r.centiemes / 100 }]);
    let compared = 0;
    for (const today of ['2019-03-15', '2022-07-01', '2024-12-31', '2026-03-02']) {
      const expected = [...byPerson]
        .map(([personneId, rows]) => ({ personneId, current: windows480(rows).find((w) => w.fin >= today) }))
        .filter((p) => p.current && p.current.heures >= 150 * SEUIL_ALERTE_480)
        .map((p) => `${p.personneId} ${p.current!.fin} ${p.current!.heures}`)
        .sort();
      const shown = open.dueWork
        .list(today, null)
        .alertes480.map((a) => `${a.personneId} ${a.date} ${/^([\d.]+) h/.exec(a.detail)![1]}`)
        .sort();
      expect({ today, shown }).toEqual({ today, shown: expected });
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(10);
  }, 120_000);
});
