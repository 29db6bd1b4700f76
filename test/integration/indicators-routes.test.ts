/**
 * A small structure's year built through the app's own routes (intakes, decisions, PASS, contracts, monthly hours,
 * exits) gives exactly the whole indicator map that the same facts give when imported from a workbook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IndicatorMap } from '../../src-shared/observatoire/indicateurs';
import { TestApp, VALID_SETUP } from '../helpers/app';
import { personneInput, team, type Team } from '../helpers/accueil';
import { csvFolder, importFolder } from '../helpers/import';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

interface Salarie {
  nom: string;
  prenom: string;
  civilite: 'M' | 'MME';
  naissance: string;
  niveau: string;
  orienteur: string;
  contact: string;
  decision: string;
  pass: string;
  debut: string;
  fin: string;
  heures: Array<[string, number]>;
  sortie: [string, string] | null;
}

const PEOPLE: Salarie[] = [
  { nom: 'Arnaud', prenom: 'Julie', civilite: 'MME', naissance: '1996-05-02', niveau: '50', orienteur: '03', contact: '2024-01-03', decision: '2024-01-10', pass: '999992510000', debut: '2024-01-15', fin: '2024-07-14', heures: [['2024-01', 100], ['2024-02', 100], ['2024-03', 100], ['2024-04', 100], ['2024-05', 100], ['2024-06', 100]], sortie: ['2024-06-28', '9'] },
  { nom: 'Barre', prenom: 'Kevin', civilite: 'M', naissance: '1972-09-14', niveau: '70', orienteur: '01', contact: '2024-02-01', decision: '2024-02-15', pass: '999992610001', debut: '2024-02-19', fin: '2024-08-18', heures: [['2024-02', 90], ['2024-03', 90], ['2024-04', 40]], sortie: ['2024-04-30', '10'] },
  { nom: 'Chabert', prenom: 'Inès', civilite: 'MME', naissance: '2003-11-30', niveau: '00', orienteur: '05', contact: '2024-09-02', decision: '2024-09-09', pass: '999992710002', debut: '2024-09-16', fin: '2025-03-15', heures: [['2024-09', 60], ['2024-10', 104], ['2024-11', 104], ['2024-12', 80]], sortie: null },
];

async function throughRoutes(t: Team): Promise<void> {
  for (const p of PEOPLE) {
    const created = await app!.call(
      'personnes.create',
      personneInput({ nom: p.nom, prenom: p.prenom, civilite: p.civilite, dateNaissance: p.naissance, niveauFormation: p.niveau as never, orienteur: p.orienteur as never, nir: null as never, identifiantFt: '', qpv: false, accueil: { datePremierContact: p.contact, canal: 'physique' } }),
      t.cip,
    );
    const personneId = created.personne.id;
    const pass = `${p.pass.slice(0, 9)}${p.pass.slice(9)}`;
    await app!.call('pass.save', { personneId, numero: pass, dateDebut: p.debut, dateFin: `${Number(p.debut.slice(0, 4)) + 2}${p.debut.slice(4)}` }, t.cip);
    await app!.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: p.decision, dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
    const [parcours] = await app!.call('parcours.ofPersonne', { personneId }, t.cip);
    const saved = await app!.call('contrats.save', { parcoursId: parcours!.id, type: 'CDDI', dateDebut: p.debut, dateFinPrevue: p.fin, heuresHebdo: 24, derogations: [] }, t.cip);
    const contratId = saved[0]!.contrats[0]!.id;
    for (const [mois, h] of p.heures) await app!.call('heures.saveMonth', { mois, contratIds: [contratId], entrees: [{ contratId, date: `${mois}-01`, heures: h }], confirme: true }, t.encadrant);
    if (p.sortie) await app!.call('sorties.save', { parcoursId: parcours!.id, dateSortie: p.sortie[0], motif: p.sortie[1] as never, confirme: true }, t.cip);
  }
}

function asWorkbook(): string {
  return csvFolder({
    structure: [{ nom: VALID_SETUP.structure.nom, siret: '52000001500013', departement: '07' }],
    dispositifs: [{ kind: 'ACI', annee: 2024 }, { kind: 'AI', annee: 2024 }],
    personnes: PEOPLE.map((p, i) => ({ ref: `P${i}`, civilite: p.civilite, nom: p.nom, prenom: p.prenom, date_naissance: p.naissance, niveau_formation: p.niveau, orienteur: p.orienteur })),
    accueils: PEOPLE.map((p, i) => ({ ref_personne: `P${i}`, date_premier_contact: p.contact, decision: 'entree', date_decision: p.decision })),
    pass_iae: PEOPLE.map((p, i) => ({ ref_personne: `P${i}`, numero: p.pass, date_debut: p.debut, date_fin: `${Number(p.debut.slice(0, 4)) + 2}${p.debut.slice(4)}` })),
    contrats: PEOPLE.map((p, i) => ({ ref: `C${i}`, ref_personne: `P${i}`, kind: 'ACI', type: 'CDDI', date_debut: p.debut, date_fin_prevue: p.fin, heures_hebdo: 24 })),
    heures: PEOPLE.flatMap((p, i) => p.heures.map(([mois, h]) => ({ ref_contrat: `C${i}`, mois, heures: h }))),
    sorties: PEOPLE.flatMap((p, i) => (p.sortie ? [{ ref_personne: `P${i}`, date: p.sortie[0], motif: p.sortie[1] }] : [])),
  });
}

describe('indicators of a year built through the routes', () => {
  it('equal, indicator by indicator, those of the same facts imported', async () => {
    app = await TestApp.start();
    const t = await team(app);
    await throughRoutes(t);
    const viaRoutes = (await app.call('observatoire.year', { annee: 2024 }, t.direction)).indicateurs;
    app.close();

    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    expect((await importFolder(open, asWorkbook())).erreurs).toEqual([]);
    const viaImport: IndicatorMap = open.indicators.compute(2024).indicateurs;

    expect(viaRoutes).toEqual(viaImport);
    // And the numbers are the ones the facts say.
    expect(viaRoutes).toMatchObject({
      'public.salaries_en_parcours': 3,
      'public.entrees': 3,
      'public.moins_26_ans': 1,
      'public.50_ans_et_plus': 1,
      'activite.heures_travaillees': 1168,
      'sorties.constatees': 1,
      'sorties.non_comptabilisees': 1,
      'sorties.emploi_durable': 1,
      'accueil.decisions.entree': 3,
      'accueil.delai_median_decision_jours': 7,
      'accompagnement.bilans_en_retard_fin_annee': 1,
      'par_dispositif.ACI.activite.etp_realises': 0.64,
      'par_dispositif.AI.public.salaries_en_parcours': 0,
    });
  }, 60_000);
});
