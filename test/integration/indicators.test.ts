/**
 * Each indicator of REPORT-SPEC §2 on hand-built data, with the boundary days: 3 months after the start for ACI
 * exits, 150 hours for AI, the age bands on the birthday, the first and last day of the year.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenRuntime } from '../../src-main/app-runtime';
import type { IndicatorMap } from '../../src-shared/observatoire/indicateurs';
import { TestApp } from '../helpers/app';
import { csvFolder, importFolder, STRUCTURE_ROW, type SheetRows } from '../helpers/import';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

async function indicatorsOf(sheets: SheetRows, year = 2024): Promise<{ v: IndicatorMap; open: OpenRuntime }> {
  app = await TestApp.start();
  const open = app.runtime.openOrNull()!;
  const report = await importFolder(open, csvFolder({ structure: [STRUCTURE_ROW], ...sheets }));
  expect(report.erreurs).toEqual([]);
  return { v: open.indicators.compute(year).indicateurs, open };
}

const person = (ref: string, naissance = '1980-01-01', civilite = 'M', extra: Record<string, string> = {}) => ({ ref, civilite, nom: `Nom${ref}`, prenom: 'Test', date_naissance: naissance, ...extra });
const aci = (ref: string, personne: string, debut: string, fin = '') => ({ ref, ref_personne: personne, kind: 'ACI', type: 'CDDI', date_debut: debut, date_fin_prevue: fin, heures_hebdo: 26 });
const ai = (ref: string, personne: string, debut: string, fin = '') => ({ ref, ref_personne: personne, kind: 'AI', type: 'CDD_USAGE', date_debut: debut, date_fin_prevue: fin, heures_hebdo: '' });
const hours = (contrat: string, mois: string, h: number | string, client = '') => ({ ref_contrat: contrat, mois, heures: h, ref_client: client });
const dispositifs = [
  { kind: 'ACI', annee: 2024, annexe_financiere: 'ACI 1', etp_conventionnes: '2,5' },
  { kind: 'AI', annee: 2024, annexe_financiere: 'AI 1', etp_conventionnes: 1 },
];

describe('exits (REPORT-SPEC §2.5)', () => {
  it('ACI: counted from the day 3 calendar months after the start, and only with hours in the year', async () => {
    const { v } = await indicatorsOf({
      dispositifs,
      personnes: [person('P1'), person('P2'), person('P3')],
      contrats: [aci('C1', 'P1', '2024-01-15'), aci('C2', 'P2', '2024-01-15'), aci('C3', 'P3', '2023-01-10')],
      heures: [hours('C1', '2024-01', 80), hours('C2', '2024-01', 80), hours('C3', '2023-06', 80)],
      sorties: [
        { ref_personne: 'P1', date: '2024-04-14', motif: 9 }, // the day before: not counted
        { ref_personne: 'P2', date: '2024-04-15', motif: 3 }, // the day itself: counted
        { ref_personne: 'P3', date: '2024-01-05', motif: 1 }, // no hours in 2024: not counted
      ],
    });
    expect(v['sorties.constatees']).toBe(1);
    expect(v['sorties.non_comptabilisees']).toBe(2);
    expect(v['sorties.par_motif.3']).toBe(1);
    expect(v['sorties.par_motif.9']).toBeUndefined();
    expect(v['sorties.emploi_durable']).toBe(1);
    expect(v['sorties.taux_emploi_durable']).toBe(1);
    // 91 days ÷ 30.4375
    expect(v['sorties.duree_moyenne_parcours_mois']).toBe(3);
  });

  it('AI: counted from 150 hours over the whole parcours; retraits leave the rates', async () => {
    const { v } = await indicatorsOf({
      dispositifs,
      clients: [{ ref: 'CL', nom: 'Client', type: 'particulier' }],
      personnes: [person('P1'), person('P2'), person('P3')],
      contrats: [ai('C1', 'P1', '2023-10-02'), ai('C2', 'P2', '2024-02-01'), ai('C3', 'P3', '2024-02-01')],
      heures: [hours('C1', '2023-11', 100, 'CL'), hours('C1', '2024-01', 49.99, 'CL'), hours('C2', '2024-02', 150, 'CL'), hours('C3', '2024-02', 160, 'CL')],
      sorties: [
        { ref_personne: 'P1', date: '2024-02-10', motif: 10 }, // 149.99 h: not counted
        { ref_personne: 'P2', date: '2024-03-10', motif: 7 }, // 150 h: counted, "autre"
        { ref_personne: 'P3', date: '2024-03-10', motif: 15 }, // counted, a retrait
      ],
    });
    expect(v['par_dispositif.AI.sorties.constatees']).toBe(2);
    expect(v['par_dispositif.AI.sorties.non_comptabilisees']).toBe(1);
    expect(v['par_dispositif.AI.sorties.retraits']).toBe(1);
    expect(v['par_dispositif.AI.sorties.examinees']).toBe(1);
    expect(v['par_dispositif.AI.sorties.autres']).toBe(1);
    expect(v['par_dispositif.AI.sorties.taux_sorties_dynamiques']).toBe(0);
    expect(v['par_dispositif.ACI.sorties.taux_sorties_dynamiques']).toBeNull();
  });
});

describe('public (REPORT-SPEC §2.2)', () => {
  it('age bands turn on the birthday, counted at the parcours start; a person counts once in the totals', async () => {
    const { v } = await indicatorsOf({
      dispositifs,
      personnes: [person('J', '1998-03-10'), person('K', '1998-03-10', 'MME'), person('L', '1974-06-01'), person('M', '1974-06-01', 'MME', { niveau_formation: '40', orienteur: '09' })],
      contrats: [aci('C1', 'J', '2024-03-09'), aci('C2', 'K', '2024-03-10'), aci('C3', 'L', '2024-05-31'), aci('C4', 'M', '2024-06-01'), ai('C5', 'M', '2024-07-01')],
      heures: [hours('C1', '2024-03', 10), hours('C2', '2024-03', 10), hours('C3', '2024-06', 10), hours('C4', '2024-06', 10), hours('C5', '2024-07', 10)],
      criteres: [{ ref_personne: 'M', critere: 'TH' }, { ref_personne: 'J', critere: 'JEUNE' }],
    });
    expect(v['public.moins_26_ans']).toBe(1); // 25 the day before the 26th birthday
    expect(v['public.de_26_a_49_ans']).toBe(2); // 26 on the day; 49 the day before the 50th
    expect(v['public.50_ans_et_plus']).toBe(1); // M, once although in two dispositifs
    expect(v['public.salaries_en_parcours']).toBe(4);
    expect(v['par_dispositif.ACI.public.salaries_en_parcours']).toBe(4);
    expect(v['par_dispositif.AI.public.salaries_en_parcours']).toBe(1);
    expect(v['public.femmes']).toBe(2);
    expect(v['public.hommes']).toBe(2);
    expect(v['public.criteres.TH']).toBe(1);
    expect(v['public.criteres.JEUNE']).toBe(1);
    expect(v['public.niveau_infra_bac']).toBe(0);
    expect(v['public.entrees']).toBe(5); // parcours, not persons
    expect(v['public.orienteur.09']).toBe(2);
  });

  it('only hours dated inside the year make a salarié; EITI counts by overlap', async () => {
    const { v } = await indicatorsOf({
      dispositifs: [...dispositifs, { kind: 'EITI', annee: 2024, etp_conventionnes: 1 }],
      personnes: [person('A'), person('B'), person('E')],
      contrats: [aci('C1', 'A', '2023-06-01', '2025-06-01'), aci('C2', 'B', '2023-06-01', '2025-06-01'), { ref: 'C3', ref_personne: 'E', kind: 'EITI', type: 'ACCOMPAGNEMENT_EITI', date_debut: '2022-01-01' }],
      heures: [hours('C1', '2023-12', 100), hours('C1', '2025-01', 100), hours('C2', '2024-12', 100), { ref_contrat: 'C2', date: '2024-01-01', heures: 7 }],
    });
    expect(v['par_dispositif.ACI.public.salaries_en_parcours']).toBe(1);
    expect(v['par_dispositif.EITI.public.salaries_en_parcours']).toBe(1);
    expect(v['activite.heures_travaillees']).toBe(107);
  });
});

describe('accueil (REPORT-SPEC §2.1)', () => {
  it('counts intakes of the year, decisions, the waiting list on 31 December and the median delay', async () => {
    const { v } = await indicatorsOf({
      personnes: [person('A'), person('B'), person('C'), person('D'), person('E')],
      accueils: [
        { ref_personne: 'A', date_premier_contact: '2023-12-31', decision: 'entree', date_decision: '2024-01-02' }, // decided in 2024, contact in 2023
        { ref_personne: 'B', date_premier_contact: '2024-01-01', date_offre_presentee: '2024-01-01', decision: 'reorientation', date_decision: '2024-01-11', motif_decision: 'no_position' },
        { ref_personne: 'C', date_premier_contact: '2024-12-31', date_diagnostic: '2024-12-31' }, // waiting
        { ref_personne: 'D', date_premier_contact: '2024-12-20', decision: 'refus_personne', date_decision: '2025-01-02' }, // waiting on 31/12
        { ref_personne: 'E', date_premier_contact: '2024-03-01', decision: 'non_eligible', date_decision: '2024-03-05' },
        { ref_personne: 'E', date_premier_contact: '2024-09-01', decision: 'sans_suite', date_decision: '2024-09-08', motif_decision: 'no_position' },
      ],
    });
    expect(v['accueil.personnes_accueillies']).toBe(4);
    expect(v['accueil.offre_presentee']).toBe(1);
    expect(v['accueil.diagnostics_realises']).toBe(1);
    expect(v['accueil.decisions.entree']).toBe(1);
    expect(v['accueil.decisions.refus_personne']).toBe(0);
    expect(v['accueil.en_attente_fin_annee']).toBe(2);
    expect(v['accueil.delai_median_decision_jours']).toBe(5.5); // 2, 4, 7, 10
    expect(v['territoire.demandes_non_satisfaites']).toBe(2);
  });
});

describe('activité and accompagnement (REPORT-SPEC §2.3, §2.4)', () => {
  it('ETP summed before rounding, hours by client type, the 480-hour AI cap over 24 months', async () => {
    const { v } = await indicatorsOf({
      dispositifs,
      clients: [{ ref: 'E1', nom: 'Entreprise', type: 'entreprise' }, { ref: 'P1', nom: 'Particulier', type: 'particulier' }],
      personnes: [person('A'), person('B')],
      contrats: [ai('C1', 'A', '2023-01-01'), aci('C2', 'B', '2024-01-01')],
      heures: [hours('C1', '2023-03', 300, 'E1'), hours('C1', '2024-02', 181, 'E1'), hours('C1', '2024-03', 20, 'P1'), hours('C2', '2024-01', 455), hours('C2', '2024-02', 455)],
    });
    expect(v['activite.depassements_480h']).toBe(1); // 300 + 181 > 480 within 24 months of March 2023
    expect(v['activite.heures_par_type_client.entreprise']).toBe(181);
    expect(v['activite.heures_par_type_client.particulier']).toBe(20);
    expect(v['activite.clients_actifs']).toBe(2);
    expect(v['par_dispositif.ACI.activite.etp_realises']).toBe(0.5);
    expect(v['activite.etp_realises']).toBe(0.63); // 0.5 + 201/1607 = 0.625 08…
    expect(v['activite.etp_conventionnes']).toBe(3.5);
    expect(v['activite.taux_realisation']).toBe(0.1786);
  });

  it('CER within the delay to the day, bilans, overdue bilans on 31 December, freins and trainings', async () => {
    const { v } = await indicatorsOf({
      dispositifs,
      personnes: [person('A'), person('B'), person('C')],
      contrats: [aci('C1', 'A', '2024-03-01'), aci('C2', 'B', '2024-03-01'), aci('C3', 'C', '2024-06-01')],
      heures: [hours('C1', '2024-03', 50), hours('C2', '2024-03', 50), hours('C3', '2024-06', 50)],
      cer: [{ ref_personne: 'A', date_signature: '2024-03-31' }, { ref_personne: 'B', date_signature: '2024-04-01' }],
      bilans: [{ ref_personne: 'A', date: '2024-10-01', type: 'etape' }, { ref_personne: 'C', date: '2024-09-30', type: 'etape' }],
      freins: [
        { ref_personne: 'A', type: 'sante', date_identification: '2023-01-01', date_levee: '2024-01-01' }, // lifted on 1 January: still concerned
        { ref_personne: 'B', type: 'sante', date_identification: '2023-01-01', date_levee: '2023-12-31' }, // lifted before: not
        { ref_personne: 'C', type: 'heberg', date_identification: '2025-01-01' }, // after the year: not
      ],
      actions_freins: [{ ref_personne: 'A', type_frein: 'sante', date: '2024-03-10', prestataire: 'interne' }, { ref_personne: 'A', type_frein: 'sante', date: '2024-04-10', prestataire: 'externe' }],
      formations: [{ ref_personne: 'A', intitule: 'CACES', date_debut: '2024-04-01', heures: 35, qualifiante: 'oui' }],
      pmsmp: [{ ref_personne: 'C', date_debut: '2024-12-31' }],
    });
    expect(v['accompagnement.cer_signes']).toBe(2);
    expect(v['accompagnement.cer_signes_dans_delai']).toBe(1); // 30 days after: in time; 31: late
    expect(v['accompagnement.bilans_realises']).toBe(2);
    expect(v['accompagnement.salaries_avec_bilan']).toBe(2);
    expect(v['accompagnement.bilans_en_retard_fin_annee']).toBe(2); // B never had one; A's of 1 October is not 3 months old; C's of 30 September is
    expect(v['accompagnement.freins.sante.concernes']).toBe(1);
    expect(v['accompagnement.freins.sante.les_deux']).toBe(1);
    expect(v['accompagnement.freins.heberg.concernes']).toBe(0);
    expect(v['accompagnement.formation.actions']).toBe(1);
    expect(v['accompagnement.formation.heures']).toBe(35);
    expect(v['accompagnement.formation.qualifiantes']).toBe(1);
    expect(v['accompagnement.formation.salaries_formes']).toBe(1);
    expect(v['accompagnement.pmsmp']).toBe(1);
  });
});

describe('defects found by independent random tests (issue 21)', () => {
  it('a training overlapping the year counts only for a salarié en parcours in the year', async () => {
    const { v, open } = await indicatorsOf(
      {
        dispositifs: [{ kind: 'ACI', annee: 2025, etp_conventionnes: 1 }],
        personnes: [person('A')],
        contrats: [aci('C1', 'A', '2024-01-15')],
        heures: [hours('C1', '2024-02', 80)],
        sorties: [{ ref_personne: 'A', date: '2024-06-30', motif: 9 }],
        formations: [{ ref_personne: 'A', intitule: 'CACES', date_debut: '2024-12-01', date_fin: '2025-01-15', heures: 35 }],
      },
      2025,
    );
    expect(v['accompagnement.formation.salaries_formes']).toBe(0);
    expect(v['par_dispositif.ACI.accompagnement.formation.salaries_formes']).toBe(0);
    expect(open.drillDown.persons(2025, 'accompagnement.formation.salaries_formes').personnes).toEqual([]);
    // The same training in 2024, when A was en parcours, does count.
    expect(open.indicators.compute(2024).indicateurs['accompagnement.formation.salaries_formes']).toBe(1);
  });

  it('a count of nobody is 0, not null, when no salarié has an education level recorded', async () => {
    const { v } = await indicatorsOf(
      { dispositifs: [{ kind: 'ACI', annee: 2025, etp_conventionnes: 1 }], personnes: [person('A')], contrats: [aci('C1', 'A', '2025-01-06')], heures: [hours('C1', '2025-01', 80)] },
      2025,
    );
    expect(v['public.salaries_en_parcours']).toBe(1);
    expect(v['public.niveau_infra_bac']).toBe(0);
    expect(v['par_dispositif.ACI.public.niveau_infra_bac']).toBe(0);
  });

  it('ETP conventionnés are summed unrounded, and the rate uses the unrounded values', async () => {
    const { v } = await indicatorsOf(
      {
        dispositifs: [
          { kind: 'ACI', annee: 2025, etp_conventionnes: '0,125' },
          { kind: 'EITI', annee: 2025, etp_conventionnes: '4,555' },
        ],
        personnes: [person('A')],
        contrats: [aci('C1', 'A', '2025-01-06')],
        heures: [hours('C1', '2025-01', '27,30')],
      },
      2025,
    );
    expect(v['activite.etp_conventionnes']).toBe(4.68);
    expect(v['par_dispositif.ACI.activite.etp_conventionnes']).toBe(0.13); // 0.125 shown with 2 decimals
    expect(v['par_dispositif.ACI.activite.taux_realisation']).toBe(0.12); // 27.30 / 1820 / 0.125
  });
});

