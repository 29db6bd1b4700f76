import { describe, expect, it } from 'vitest';
import { FREIN_TYPES } from '../../src-shared/domain/freins';
import { MAPPING_SORTIES_DEFAUT } from '../../src-shared/domain/insertion';
import { PARAMETRES_DEFAUT } from '../../src-shared/domain/parametres';
import { checkContrat, type ContratContext, type ContratInput } from '../../src-shared/rules/contrats';
import { cerDueDate, cerSignedInTime, isBilanOverdue, nextBilanDue } from '../../src-shared/rules/echeances';
import { etp, fromCentiemes, hoursWithinContract, periodOfEntry, round, toCentiemes, windows480 } from '../../src-shared/rules/heures';
import { exitCategory, isExitCounted, parcoursMonths } from '../../src-shared/rules/sorties';

const pass = { dateDebut: '2024-01-15', finCalculee: '2026-01-14' };
const aci: ContratContext = { dispositif: 'ACI', autres: [], pass };
const cddi = (over: Partial<ContratInput> = {}): ContratInput => ({ type: 'CDDI', dateDebut: '2024-01-15', dateFin: '2024-07-14', heuresHebdo: 24, derogations: [], ...over });

describe('work contracts', () => {
  it('accepts the fixture ACI contract', () => {
    expect(checkContrat(cddi(), aci)).toEqual({ bloquants: [], avertissements: [] });
  });
  it('refuses a contract type the dispositif may not sign', () => {
    expect(checkContrat(cddi({ type: 'CDD_USAGE' }), aci).bloquants).toEqual(["Un contrat « CDD d’usage » n'est pas possible en ACI."]);
    expect(checkContrat(cddi({ type: 'MISSION' }), { ...aci, dispositif: 'ETTI' }).bloquants).toEqual([]);
    expect(checkContrat(cddi({ type: 'AUTRE' }), aci).avertissements[0]).toMatch(/Autre/);
  });
  it('needs a PASS IAE valid on the start, and an end no later than the PASS end', () => {
    expect(checkContrat(cddi(), { ...aci, pass: null }).bloquants[0]).toMatch(/^Aucun PASS IAE valide le 15\/01\/2024/);
    expect(checkContrat(cddi({ dateDebut: '2024-01-14', dateFin: '2024-06-30' }), aci).bloquants[0]).toMatch(/Aucun PASS IAE valide/);
    expect(checkContrat(cddi({ dateFin: '2026-01-14', dateDebut: '2025-09-01' }), aci).bloquants).toEqual([]);
    expect(checkContrat(cddi({ dateFin: '2026-01-15', dateDebut: '2025-09-01' }), aci).bloquants).toEqual([
      'La fin du contrat (15/01/2026) dépasse la fin du PASS IAE (14/01/2026) : raccourcissez-le ou prolongez d\'abord le PASS.',
    ]);
  });
  it('a first CDDI lasts 4 months at least, to the day, unless a sentence adjustment', () => {
    expect(checkContrat(cddi({ dateFin: '2024-05-14' }), aci).bloquants).toEqual([]);
    expect(checkContrat(cddi({ dateFin: '2024-05-13' }), aci).bloquants[0]).toMatch(/au moins 4 mois/);
    expect(checkContrat(cddi({ dateFin: '2024-05-13', derogations: ['AMENAGEMENT_PEINE'] }), aci).bloquants).toEqual([]);
    // Concluded for 6 months, ended after 2 by an exit (a job found): the minimum is met by the contract as signed.
    expect(checkContrat(cddi({ dateFin: '2024-03-31', dateFinPrevue: '2024-07-14' }), aci).bloquants).toEqual([]);
    expect(checkContrat(cddi({ dateFin: '2024-03-31', dateFinPrevue: '2024-04-30' }), aci).bloquants[0]).toMatch(/au moins 4 mois/);
    // A renewal may be shorter.
    const renewal = checkContrat(cddi({ dateDebut: '2024-07-15', dateFin: '2024-08-14' }), { ...aci, autres: [{ type: 'CDDI', dateDebut: '2024-01-15', dateFin: '2024-07-14' }] });
    expect(renewal.bloquants).toEqual([]);
  });
  it('caps successive CDDI at 24 months, 60 in ACI for particular difficulties', () => {
    const first = { type: 'CDDI' as const, dateDebut: '2024-01-15', dateFin: '2025-01-14' };
    const ctx = { ...aci, autres: [first], pass: { dateDebut: '2024-01-15', finCalculee: '2029-12-31' } };
    expect(checkContrat(cddi({ dateDebut: '2025-01-15', dateFin: '2026-01-14' }), ctx).bloquants).toEqual([]);
    expect(checkContrat(cddi({ dateDebut: '2025-01-15', dateFin: '2026-01-15' }), ctx).bloquants[0]).toMatch(/dépassent 24 mois/);
    expect(checkContrat(cddi({ dateDebut: '2025-01-15', dateFin: '2026-06-30', derogations: ['RQTH'] }), ctx)).toMatchObject({ bloquants: [], avertissements: [expect.stringMatching(/Au-delà de 24 mois/)] });
    expect(checkContrat(cddi({ dateDebut: '2025-01-15', dateFin: '2028-01-14', derogations: ['ACI_PARTICULAR_DIFFICULTIES'] }), ctx).bloquants).toEqual([]);
    expect(checkContrat(cddi({ dateDebut: '2025-01-15', dateFin: '2029-01-15', derogations: ['ACI_PARTICULAR_DIFFICULTIES'] }), ctx).bloquants[0]).toMatch(/dépassent 60 mois/);
  });
  it('asks 20 hours a week in ACI unless a prefectoral derogation, and warns above 35', () => {
    expect(checkContrat(cddi({ heuresHebdo: 19.5 }), aci).bloquants[0]).toMatch(/au moins 20 heures/);
    expect(checkContrat(cddi({ heuresHebdo: 19.5, derogations: ['PREFECTORAL_HOURS'] }), aci).bloquants).toEqual([]);
    expect(checkContrat(cddi({ heuresHebdo: 20 }), aci).bloquants).toEqual([]);
    expect(checkContrat(cddi({ heuresHebdo: 36 }), aci).avertissements[0]).toMatch(/35 heures/);
    expect(checkContrat(cddi({ heuresHebdo: 12 }), { ...aci, dispositif: 'EI' })).toMatchObject({ bloquants: [], avertissements: [expect.stringMatching(/Moins de 20 heures/)] });
  });
  it('caps ETTI missions at 24 months in total', () => {
    const etti = { dispositif: 'ETTI' as const, autres: [{ type: 'MISSION' as const, dateDebut: '2024-01-15', dateFin: '2025-06-30' }], pass: { dateDebut: '2024-01-15', finCalculee: '2027-01-14' } };
    const mission = (dateFin: string): ContratInput => ({ type: 'MISSION', dateDebut: '2025-07-01', dateFin, heuresHebdo: null, derogations: [] });
    expect(checkContrat(mission('2026-01-14'), etti).bloquants).toEqual([]);
    expect(checkContrat(mission('2026-01-15'), etti).bloquants).toEqual(['Les missions d’une même personne en ETTI ne peuvent pas dépasser 24 mois au total.']);
  });
});

/** The State's thresholds, the dated parameters' defaults. */
const SEUILS = { moisAciEi: PARAMETRES_DEFAUT.seuil_sortie_aci_ei_mois, heuresAiEtti: PARAMETRES_DEFAUT.seuil_sortie_ai_etti_heures };

describe('CDI inclusion (L5132-15-1-1, L5132-5-1, L5132-11-1)', () => {
  const aci = {
    dispositif: 'ACI' as const,
    autres: [{ type: 'CDDI' as const, dateDebut: '2024-03-01', dateFin: '2025-02-28' }],
    pass: { dateDebut: '2024-03-01', finCalculee: '2026-02-28' },
    dateNaissance: '1960-01-01',
    debutParcours: '2024-03-01',
    cdiInclusionAci: { enCours: 0, etpConventionnes: 12 },
  };
  const cdi = (dateDebut: string): ContratInput => ({ type: 'CDI_INCLUSION', dateDebut, dateFin: null, heuresHebdo: 26, derogations: [] });
  it('needs 57 years of age and 12 months of parcours', () => {
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dateNaissance: '1968-05-10' }).bloquants).toEqual(['Un CDI inclusion se conclut avec une personne de 57 ans ou plus (article L5132-15-1-1 du code du travail pour l’ACI, L5132-5-1 pour l’EI).']);
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dateNaissance: '1968-03-01' }).bloquants).toEqual([]);
    expect(checkContrat(cdi('2025-02-28'), { ...aci, dateNaissance: '1960-01-01' }).bloquants).toEqual(['Un CDI inclusion suppose au moins 12 mois de parcours dans la structure (possible à partir du 01/03/2025).']);
  });
  it('is possible in AI and EI too, and warns beyond 20 % of the ACI’s insertion posts', () => {
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dispositif: 'AI', dateNaissance: '1960-01-01' }).bloquants).toEqual([]);
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dispositif: 'EI', dateNaissance: '1960-01-01' }).bloquants).toEqual([]);
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dateNaissance: '1960-01-01', cdiInclusionAci: { enCours: 1, etpConventionnes: 12 } }).avertissements).toEqual([]);
    expect(checkContrat(cdi('2025-03-01'), { ...aci, dateNaissance: '1960-01-01', cdiInclusionAci: { enCours: 2, etpConventionnes: 12 } }).avertissements[0]).toMatch(/^Ce serait le 3e CDI inclusion en cours pour 12 ETP conventionnés : la loi les limite à 20 %/);
  });
});

describe('the ACI 20 h derogation (D5132-43-5 ff.)', () => {
  const first = { dateDebut: '2024-01-15', derogations: ['PREFECTORAL_HOURS' as const] };
  const ctx = { dispositif: 'ACI' as const, autres: [{ type: 'CDDI' as const, dateDebut: '2024-01-15', dateFin: '2024-07-14' }], pass: { dateDebut: '2024-01-15', finCalculee: '2026-01-14' }, derogationsAutres: [first] };
  const renewal = (dateFin: string): ContratInput => ({ type: 'CDDI', dateDebut: '2024-07-15', dateFin, heuresHebdo: 16, derogations: ['PREFECTORAL_HOURS'] });
  it('lasts 12 months from its first contract; beyond, its renewal follows a bilan', () => {
    expect(checkContrat(renewal('2025-01-14'), ctx).avertissements).toEqual([]);
    expect(checkContrat(renewal('2025-03-14'), ctx).avertissements[0]).toMatch(/^La dérogation préfectorale sous 20 heures vaut 12 mois au plus \(depuis le 15\/01\/2024, jusqu’au 14\/01\/2025\)/);
    expect(checkContrat(renewal('2025-03-14'), { ...ctx, bilans: ['2024-01-20'] }).avertissements).toHaveLength(1); // the entry bilan is not a renewal
    expect(checkContrat(renewal('2025-03-14'), { ...ctx, bilans: ['2024-07-01'] }).avertissements).toEqual([]);
  });
});

describe('the EITI experiment end (a dated parameter)', () => {
  const eiti = { dispositif: 'EITI' as const, autres: [], pass: { dateDebut: '2026-01-05', finCalculee: '2028-01-04' }, finExperimentationEiti: '2026-12-22' };
  const contract = (dateDebut: string, dateFin: string): ContratInput => ({ type: 'ACCOMPAGNEMENT_EITI', dateDebut, dateFin, heuresHebdo: null, derogations: [] });
  it('flags a contract that runs past it, and not one that ends before', () => {
    expect(checkContrat(contract('2026-03-02', '2026-12-22'), eiti).avertissements).toEqual([]);
    expect(checkContrat(contract('2026-03-02', '2027-03-01'), eiti).avertissements).toEqual([expect.stringMatching(/^L’expérimentation EITI prend fin le 22\/12\/2026 : ce contrat va au-delà/)]);
    // Once an extension is entered, the same contract passes.
    expect(checkContrat(contract('2026-03-02', '2027-03-01'), { ...eiti, finExperimentationEiti: '2028-12-31' }).avertissements).toEqual([]);
  });
});

describe('exits', () => {
  it('count ACI and EI exits from 3 months after the start, with hours in the exit year (fixture E1, E2, E3)', () => {
    expect(isExitCounted({ dispositif: 'ACI', parcoursDebut: '2024-01-15', dateSortie: '2024-06-28', heuresAnneeSortie: 600, heuresTotales: 600 }, SEUILS)).toBe(true);
    expect(isExitCounted({ dispositif: 'ACI', parcoursDebut: '2024-02-19', dateSortie: '2024-04-30', heuresAnneeSortie: 220, heuresTotales: 220 }, SEUILS)).toBe(false);
    expect(isExitCounted({ dispositif: 'EI', parcoursDebut: '2024-02-19', dateSortie: '2024-05-19', heuresAnneeSortie: 1, heuresTotales: 1 }, SEUILS)).toBe(true);
    expect(isExitCounted({ dispositif: 'EI', parcoursDebut: '2024-02-19', dateSortie: '2024-05-18', heuresAnneeSortie: 1, heuresTotales: 1 }, SEUILS)).toBe(false);
    expect(isExitCounted({ dispositif: 'ACI', parcoursDebut: '2023-05-02', dateSortie: '2024-10-31', heuresAnneeSortie: 950, heuresTotales: 1710 }, SEUILS)).toBe(true);
    // No hour in the exit year: not counted, however long the parcours.
    expect(isExitCounted({ dispositif: 'ACI', parcoursDebut: '2023-05-02', dateSortie: '2024-10-31', heuresAnneeSortie: 0, heuresTotales: 760 }, SEUILS)).toBe(false);
  });
  it('count AI and ETTI exits from 150 hours in all (fixture E4 has 120)', () => {
    expect(isExitCounted({ dispositif: 'AI', parcoursDebut: '2024-03-25', dateSortie: '2024-07-15', heuresAnneeSortie: 120, heuresTotales: 120 }, SEUILS)).toBe(false);
    expect(isExitCounted({ dispositif: 'ETTI', parcoursDebut: '2024-03-25', dateSortie: '2024-07-15', heuresAnneeSortie: 0, heuresTotales: 150 }, SEUILS)).toBe(true);
    expect(isExitCounted({ dispositif: 'EITI', parcoursDebut: '2024-03-25', dateSortie: '2024-03-26', heuresAnneeSortie: 0, heuresTotales: 0 }, SEUILS)).toBe(true);
  });
  it('follow the thresholds in force: a new value of the dated parameter changes the rule, not the code', () => {
    const e4 = { dispositif: 'AI' as const, parcoursDebut: '2024-03-25', dateSortie: '2024-07-15', heuresAnneeSortie: 120, heuresTotales: 120 };
    expect(isExitCounted(e4, { ...SEUILS, heuresAiEtti: 100 })).toBe(true);
    const e3 = { dispositif: 'ACI' as const, parcoursDebut: '2024-02-19', dateSortie: '2024-04-30', heuresAnneeSortie: 220, heuresTotales: 220 };
    expect(isExitCounted(e3, { ...SEUILS, moisAciEi: 2 })).toBe(true);
  });
  it('take their category from the mapping, and their length in average months', () => {
    expect(exitCategory('9', MAPPING_SORTIES_DEFAUT)).toBe('EMPLOI_DURABLE');
    expect(exitCategory('15', MAPPING_SORTIES_DEFAUT)).toBe('RETRAIT');
    expect(exitCategory('10', MAPPING_SORTIES_DEFAUT)).toBe('EMPLOI_TRANSITION');
    expect(exitCategory('9', { ...MAPPING_SORTIES_DEFAUT, '9': 'EMPLOI_TRANSITION' })).toBe('EMPLOI_TRANSITION');
    // Fixture: E1 165 days and E3 548 days → 11.7 months on average.
    expect(round((parcoursMonths('2024-01-15', '2024-06-28') + parcoursMonths('2023-05-02', '2024-10-31')) / 2, 1)).toBe(11.7);
  });
});

describe('hours and ETP', () => {
  it('keep hours exact in hundredths, and sum ETP before rounding (fixture: 1.05, not 0.97 + 0.07)', () => {
    expect(toCentiemes(151.67)).toBe(15167);
    expect(fromCentiemes(toCentiemes(0.1) + toCentiemes(0.2))).toBe(0.3);
    const aciEtp = etp(1770, PARAMETRES_DEFAUT.h_ref.ACI);
    const aiEtp = etp(120, PARAMETRES_DEFAUT.h_ref.AI);
    expect([round(aciEtp, 2), round(aiEtp, 2), round(aciEtp + aiEtp, 2)]).toEqual([0.97, 0.07, 1.05]);
    expect(round((aciEtp + aiEtp) / 7.5, 4)).toBe(0.1396);
  });
  it('count the AI 480 hours in 24-month windows opened by the first placement', () => {
    const w = windows480([
      { date: '2024-03-01', heures: 200 },
      { date: '2026-02-28', heures: 300 },
      { date: '2026-03-01', heures: 50 },
      { date: '2024-06-01', heures: 100 },
    ], 480);
    expect(w).toEqual([
      { debut: '2024-03-01', fin: '2026-02-28', heures: 600, depassementLe: '2026-02-28' },
      { debut: '2026-03-01', fin: '2028-02-29', heures: 50, depassementLe: null },
    ]);
  });
});

describe('CER and bilans', () => {
  it('a CER counts as signed in time up to the 30th day after the start (fixture E1 yes, E2 no)', () => {
    expect(cerDueDate('2024-01-15', 30)).toBe('2024-02-14');
    expect(cerSignedInTime('2024-01-15', '2024-01-31', 30)).toBe(true);
    expect(cerSignedInTime('2024-01-15', '2024-02-14', 30)).toBe(true);
    expect(cerSignedInTime('2024-01-15', '2024-02-15', 30)).toBe(false);
    expect(cerSignedInTime('2024-02-19', '2024-04-10', 30)).toBe(false);
    expect(cerSignedInTime('2024-02-19', '2024-02-12', 30)).toBe(true);
  });
  it('a bilan is due 3 months after the latest one or the start, and late the day after', () => {
    expect(nextBilanDue('2024-01-15', [], 3)).toBe('2024-04-15');
    expect(nextBilanDue('2024-01-15', ['2024-04-10', '2024-02-01'], 3)).toBe('2024-07-10');
    expect(isBilanOverdue('2024-01-15', ['2024-04-10'], 3, '2024-07-10')).toBe(false);
    expect(isBilanOverdue('2024-01-15', ['2024-04-10'], 3, '2024-07-11')).toBe(true);
  });
});

describe('timeline of a parcours', () => {
  it('orders every dated event, contracts first on a shared day and follow-ups last', async () => {
    const { chronologie } = await import('../../src-shared/rules/chronologie');
    const events = chronologie({
      id: 'p',
      personneId: 'x',
      dispositif: 'ACI',
      dateDebut: '2024-01-15',
      referent: null,
      heuresTotales: 0,
      contrats: [{ id: 'c', type: 'CDDI', dateDebut: '2024-01-15', dateFinPrevue: '2024-07-14', dateFinReelle: '2024-06-28', heuresHebdo: 24, derogations: [], avertissements: [], heures: 0 }],
      sortie: { date: '2024-06-28', motif: '9', categorie: 'EMPLOI_DURABLE', comptee: true },
      cer: [{ id: 'v', version: 1, objectifs: 'x', moyensFormation: '', moyensEncadrement: '', moyensAccompagnement: '', heuresHebdo: null, dateSignature: '2024-01-31', signePersonne: true, signeStructure: true, createdAt: '' }],
      bilans: [{ id: 'b', type: 'sortie', date: '2024-06-28', revueObjectifs: '', revueFreins: '', revueCompetences: '', parolesPersonne: '', prochainesEtapes: '', signePersonne: false, signeStructure: false }],
      echeances: { cerAttenduLe: null, cerSigneDansDelai: null, prochainBilan: null, bilanEnRetard: false },
      formations: [{ id: 'f', intitule: 'Permis B', organismeId: null, organisme: null, dateDebut: '2024-03-01', dateFin: null, heures: null, qualifiante: false }],
      pmsmp: [],
      actionsFreins: [{ id: 'a', typeFrein: 'mobilite', date: '2024-02-01', prestataire: 'externe', partenaireId: 'p', partenaire: 'Auto-école', description: '' }],
      suivis: [{ echeanceMois: 1, date: '2024-07-30', situation: 'emploi_durable', commentaire: '' }],
    });
    expect(events.map((e) => [e.date, e.type])).toEqual([
      ['2024-01-15', 'contrat'],
      ['2024-01-31', 'cer'],
      ['2024-02-01', 'action'],
      ['2024-03-01', 'formation'],
      ['2024-06-28', 'bilan'],
      ['2024-06-28', 'fin_contrat'],
      ['2024-06-28', 'sortie'],
      ['2024-07-30', 'suivi'],
    ]);
    expect(events[2]!.libelle).toBe('Action sur le frein « Manque de mobilité » avec Auto-école');
  });
});

describe('hours within their contract (one rule for the grid and the import, issue 18 §1)', () => {
  it('reads a monthly total as the whole month, a day as that day', () => {
    expect(periodOfEntry('2024-02-01', true)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOfEntry('2025-02-01', true)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodOfEntry('2024-02-17', false)).toEqual({ from: '2024-02-17', to: '2024-02-17' });
  });

  it('accepts hours on the days the contract ran, and a month it ran part of', () => {
    const contract = { dateDebut: '2024-03-15', end: '2024-06-10' };
    expect(hoursWithinContract(periodOfEntry('2024-03-01', true), contract)).toBe(true);
    expect(hoursWithinContract(periodOfEntry('2024-06-01', true), contract)).toBe(true);
    expect(hoursWithinContract(periodOfEntry('2024-07-01', true), contract)).toBe(false);
    expect(hoursWithinContract(periodOfEntry('2024-02-01', true), contract)).toBe(false);
    expect(hoursWithinContract(periodOfEntry('2024-03-14', false), contract)).toBe(false);
    expect(hoursWithinContract(periodOfEntry('2024-03-15', false), contract)).toBe(true);
    expect(hoursWithinContract(periodOfEntry('2024-06-11', false), contract)).toBe(false);
    expect(hoursWithinContract(periodOfEntry('2031-01-01', true), { dateDebut: '2024-03-15', end: null })).toBe(true);
  });
});

describe('frein labels (issue 15 §7)', () => {
  it('are the State’s, key by key and word for word: gip-inclusion/pilotage-airflow dbt/seeds/acc_freins_libelle.csv', () => {
    // The seed as published; the one spelling fixed on screen is « Illetrisme » → « Illettrisme ».
    const seed = `type_frein,type_frein_libelle
illetrisme,"Illetrisme / analphabétisme / Français langues étrangères"
demarch,"Démarches administratives et accès aux droits"
heberg,"Hébergement / Logement"
mobilite,"Manque de mobilité"
sante,"Santé (addiction, souffrance et handicap psy, autres)"
justice,"Justice"
surendet,"Surendettement et finances"
manque_dispo,"Manque de disponibilité"`;
    const state = Object.fromEntries(seed.split('\n').slice(1).map((line) => /^([a-z_]+),"(.*)"$/.exec(line)!.slice(1, 3) as [string, string]));
    expect({ ...FREIN_TYPES, illetrisme: FREIN_TYPES.illetrisme.replace('Illettrisme', 'Illetrisme') }).toEqual(state);
  });
});
