import { describe, expect, it } from 'vitest';
import { diagnosticValidUntil, evaluateEligibility, minimumDaysToExpire, proofStatus } from '../../src-shared/rules/eligibility';
import { VALIDITE_JUSTIFICATIFS_2021, valueOnDate } from '../../src-shared/domain/parametres';
import { birthDateProblem, compactId, formatPassNumber, isValidFranceTravailId, isValidNir, isValidPassNumber } from '../../src-shared/rules/identity';
import {
  computedPassEnd,
  defaultPassEnd,
  passEndsSoon,
  passStatus,
  prolongationProblems,
  suspensionProblems,
  waitingPeriodWarning,
  type PassDates,
} from '../../src-shared/rules/pass-iae';
import { addDaysIso, daysInclusive, isIsoDate } from '../../src-shared/rules/dates';
import { foldText } from '../../src-shared/rules/text';

describe('identifiers', () => {
  it('France Travail: 7 digits + a letter or digit, or 11 digits', () => {
    expect(isValidFranceTravailId('1234567A')).toBe(true);
    expect(isValidFranceTravailId('12345678')).toBe(true);
    expect(isValidFranceTravailId('12345678901')).toBe(true);
    for (const bad of ['1234567', '123456AB', '1234567a', '123456789012', '']) expect(isValidFranceTravailId(bad), bad).toBe(false);
    expect(compactId(' 1234 567 a ')).toBe('1234567A');
  });
  it('PASS IAE: 12 letters or digits, printed in three groups', () => {
    expect(isValidPassNumber('999992510000')).toBe(true);
    expect(isValidPassNumber('99999251000')).toBe(false);
    expect(isValidPassNumber('99999 25 10000')).toBe(false);
    expect(formatPassNumber('999992510000')).toBe('99999 25 10000');
  });
  it('NIR: checks the key, Corsica included', () => {
    expect(isValidNir('184127645108946')).toBe(true);
    expect(isValidNir('184127645108947')).toBe(false);
    expect(isValidNir('269022A00123442')).toBe(true);
    expect(isValidNir('18412764510894')).toBe(false);
    expect(isValidNir('584127645108946')).toBe(false);
  });
  it('folds accents, ligatures, case and punctuation for search', () => {
    expect(foldText('  Écœuré-DURAND ')).toBe('ecoeure durand');
    expect(foldText("N'Diaye Lætitia")).toBe('n diaye laetitia');
  });
  it('validates calendar dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
    expect(daysInclusive('2024-01-01', '2024-01-31')).toBe(31);
  });
});

describe('birth date (les-emplois validate_birthdate; Code du travail L4153-1)', () => {
  it('refuses before 1900 and anyone not over 16 on the day, 29 February included', () => {
    expect(birthDateProblem('1899-12-31', '2026-12-02')).toContain('1900');
    expect(birthDateProblem('1900-01-01', '2026-12-02')).toBeNull();
    // Born 2 December 2010: 16 today, not over 16 (les-emplois refuses birthdate >= today − 16 years).
    expect(birthDateProblem('2010-12-02', '2026-12-02')).toContain('plus de 16 ans');
    expect(birthDateProblem('2010-12-01', '2026-12-02')).toBeNull();
    expect(birthDateProblem('2012-02-29', '2028-02-29')).toContain('plus de 16 ans');
    expect(birthDateProblem('2012-02-28', '2028-02-29')).toBeNull();
    // Today's date comes from the caller's clock: the same person is refused in 2020 and accepted in 2026.
    expect(birthDateProblem('2008-06-01', '2020-01-01')).not.toBeNull();
    expect(birthDateProblem('2008-06-01', '2026-01-01')).toBeNull();
  });
});

describe('eligibility', () => {
  const d = '2024-06-15';
  const law2021 = () => VALIDITE_JUSTIFICATIFS_2021;
  it('one level-1 criterion with a valid proof is enough, in every dispositif', () => {
    for (const dispositif of ['AI', 'ACI', 'EI', 'ETTI', 'EITI'] as const) {
      expect(evaluateEligibility({ validitesAt: law2021, dispositif, auteur: 'structure', dateDiagnostic: d, criteres: [{ critere: 'RSA', dateJustificatif: '2024-06-01' }] }).eligible).toBe(true);
    }
  });
  it('needs 2 level-2 criteria in AI and ETTI, 3 in ACI, EI and EITI', () => {
    const two = [
      { critere: 'JEUNE' as const, dateJustificatif: '2020-01-01' },
      { critere: 'QPV' as const, dateJustificatif: '2024-05-01' },
    ];
    expect(evaluateEligibility({ validitesAt: law2021, dispositif: 'AI', auteur: 'structure', dateDiagnostic: d, criteres: two }).eligible).toBe(true);
    expect(evaluateEligibility({ validitesAt: law2021, dispositif: 'ETTI', auteur: 'structure', dateDiagnostic: d, criteres: two }).eligible).toBe(true);
    const aci = evaluateEligibility({ validitesAt: law2021, dispositif: 'ACI', auteur: 'structure', dateDiagnostic: d, criteres: two });
    expect(aci.eligible).toBe(false);
    expect(aci.problemes.at(-1)).toBe(
      'Il faut au moins un critère de niveau 1 ou trois critères de niveau 2 pour une auto-prescription en ACI (déclarés : 0 de niveau 1, 2 de niveau 2).',
    );
    expect(evaluateEligibility({ validitesAt: law2021, dispositif: 'ACI', auteur: 'structure', dateDiagnostic: d, criteres: [...two, { critere: 'PM', dateJustificatif: '2024-06-15' }] }).eligible).toBe(true);
  });
  it('measures each proof against the hire (the arrêté of 2021 as amended), and reports problems as proofs to complete', () => {
    // RSA proof: 3 months. Dated 2024-03-15, it counts for a hire up to 2024-06-14 included.
    expect(proofStatus({ critere: 'RSA', dateJustificatif: '2024-03-15' }, '2024-06-14')).toEqual({ critere: 'RSA', statut: 'valide', valableJusquau: '2024-06-14' });
    expect(proofStatus({ critere: 'RSA', dateJustificatif: '2024-03-15' }, '2024-06-15').statut).toBe('perime');
    expect(proofStatus({ critere: 'RSA', dateJustificatif: null }, d).statut).toBe('manquant');
    expect(proofStatus({ critere: 'RSA', dateJustificatif: '2024-06-16' }, d).statut).toBe('posterieur');
    // The RQTH decision and the residence title count while valid on the hire, however old.
    expect(proofStatus({ critere: 'TH', dateJustificatif: '2010-01-01' }, d).statut).toBe('valide');
    expect(proofStatus({ critere: 'TH', dateJustificatif: '2019-01-01', dateFinValidite: '2024-06-14' }, d)).toEqual({ critere: 'TH', statut: 'perime', valableJusquau: '2024-06-14' });
    expect(proofStatus({ critere: 'REF_DA', dateJustificatif: '2020-01-01', dateFinValidite: '2025-01-01' }, d).statut).toBe('valide');
    expect(proofStatus({ critere: 'REF_DA', dateJustificatif: '2020-01-01' }, d).statut).toBe('manquant');
    // A diploma never expires; an attestation of level lasts 3 months.
    expect(proofStatus({ critere: 'CAP_BEP', dateJustificatif: '1995-06-30', typeJustificatif: 'Diplôme' }, d).statut).toBe('valide');
    expect(proofStatus({ critere: 'CAP_BEP', dateJustificatif: '2023-01-01', typeJustificatif: 'Attestation sur l’honneur' }, d).statut).toBe('perime');
    expect(proofStatus({ critere: 'CAP_BEP', dateJustificatif: '2023-01-01', typeJustificatif: 'Diplôme ou attestation sur l’honneur' }, d).statut).toBe('perime');
    // Measured at the hire, not the diagnostic: a proof valid at the diagnostic may be stale three months later.
    const diagnostic = { validitesAt: law2021, dispositif: 'AI' as const, auteur: 'structure' as const, dateDiagnostic: '2024-04-01', criteres: [{ critere: 'RSA' as const, dateJustificatif: '2024-03-15' }] };
    expect(evaluateEligibility(diagnostic).avertissements).toEqual([]);
    const hiredLate = evaluateEligibility({ ...diagnostic, dateEmbauche: '2024-07-01' });
    // Declared criteria make the person eligible; the stale proof is a file to complete, not a refusal.
    expect(hiredLate.eligible).toBe(true);
    expect(hiredLate.avertissements).toEqual(['Bénéficiaire du RSA : justificatif plus valable à la date de l’embauche.']);
  });
  it('reads the validity months in force on the hire: a new arrêté is a dated value, earlier hires keep the old rule (issue 15 §8)', () => {
    // A hypothetical arrêté from 2025-01-01 giving the RSA attestation 6 months.
    const dated = { defaut: VALIDITE_JUSTIFICATIFS_2021, valeurs: [{ valideDu: '2025-01-01', valeur: { ...VALIDITE_JUSTIFICATIFS_2021, RSA: 6 } }] };
    const validitesAt = (day: string) => valueOnDate(dated, day);
    const hire = (dateEmbauche: string) =>
      evaluateEligibility({ validitesAt, dispositif: 'AI', auteur: 'structure', dateDiagnostic: '2024-09-01', dateEmbauche, criteres: [{ critere: 'RSA', dateJustificatif: '2024-09-01' }] });
    // Four and a half months after the proof: stale under the 2021 rule (hire in December), valid under the new one.
    expect(hire('2024-12-31').avertissements).toEqual(['Bénéficiaire du RSA : justificatif plus valable à la date de l’embauche.']);
    expect(hire('2025-01-15').criteres[0]).toEqual({ critere: 'RSA', statut: 'valide', valableJusquau: '2025-02-28' });
    expect(valueOnDate(dated, '2024-12-31').RSA).toBe(3);
    expect(VALIDITE_JUSTIFICATIFS_2021).toMatchObject({ RSA: 3, ASE: 12, QPV: 6, SENIOR: null, TH: null });
  });
  it('a proof is never stale before minimumDaysToExpire (the bound the list of files to complete reads by), on every day of six years', () => {
    const rsa = (months: number) => ({ ...VALIDITE_JUSTIFICATIFS_2021, RSA: months });
    let tightest = Infinity;
    for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
      const proof = new Date(day).toISOString().slice(0, 10);
      for (const months of [1, 2, 3, 6, 12, 24, 36]) {
        const bound = minimumDaysToExpire(months);
        // One day before the bound, still valid; the first stale day is at the bound or after.
        expect(proofStatus({ critere: 'RSA', dateJustificatif: proof }, addDaysIso(proof, bound - 1), rsa(months)).statut).toBe('valide');
        const lastDay = proofStatus({ critere: 'RSA', dateJustificatif: proof }, proof, rsa(months)).valableJusquau!;
        tightest = Math.min(tightest, daysInclusive(proof, lastDay) - bound);
      }
    }
    // The bound is close: a month from 31 January ends on 28 February.
    expect(tightest).toBeGreaterThanOrEqual(0);
    expect(tightest).toBeLessThanOrEqual(3);
  });
  it('refuses the exclusive pairs', () => {
    const r = evaluateEligibility({ validitesAt: law2021,
      dispositif: 'AI',
      auteur: 'structure',
      dateDiagnostic: d,
      criteres: [
        { critere: 'SENIOR', dateJustificatif: '2024-01-01' },
        { critere: 'JEUNE', dateJustificatif: '2024-01-01' },
        { critere: 'RSA', dateJustificatif: '2024-06-01' },
      ],
    });
    expect(r.eligible).toBe(false);
    expect(r.problemes[0]).toMatch(/ne peuvent pas être cochés ensemble/);
  });
  it('asks no minimum of an authorised prescriber', () => {
    expect(evaluateEligibility({ validitesAt: law2021, dispositif: 'ACI', auteur: 'prescripteur', dateDiagnostic: d, criteres: [] }).eligible).toBe(true);
  });
  it('a diagnostic is valid 92 days when made by the structure, 6 months by a prescriber', () => {
    expect(diagnosticValidUntil('2024-01-31', 'structure')).toBe('2024-05-02');
    expect(diagnosticValidUntil('2024-08-31', 'prescripteur')).toBe('2025-02-28');
  });
});

describe('PASS IAE', () => {
  const pass: PassDates = { dateDebut: '2024-01-15', dateFin: '2026-01-14', suspensions: [], prolongations: [] };

  it('lasts 24 months by default', () => {
    expect(defaultPassEnd('2024-01-15')).toBe('2026-01-14');
    expect(defaultPassEnd('2024-02-29')).toBe('2026-02-27');
  });

  it('is pushed back by suspensions as les-emplois computes it (end minus start, its trigger), and extended by prolongations', () => {
    // les-emplois, migration 0011 (trigger_update_approval_end_at): end_at + (suspension.end_at - suspension.start_at).
    const june = [{ dateDebut: '2024-06-01', dateFin: '2024-06-30' }];
    expect(computedPassEnd({ ...pass, suspensions: june })).toBe('2026-02-12');
    // les-emplois' own case (tests/www/apply: hiring during a suspension): the suspension ends the day before the
    // hire, and the PASS is pushed by (suspension.end_at - suspension.start_at).days.
    const beforeHire = [{ dateDebut: '2024-03-01', dateFin: '2024-04-09' }];
    expect(computedPassEnd({ ...pass, suspensions: beforeHire })).toBe('2026-02-22');
    // Two suspensions: each adds its own difference (one day less each than counting both ends).
    expect(computedPassEnd({ ...pass, suspensions: [...beforeHire, ...june] })).toBe(addDaysIso('2026-01-14', 39 + 29));
    // A prolongation (stored from the day after the current end) ends the PASS on its new end.
    const p = { ...pass, suspensions: june, prolongations: [{ dateDebut: '2026-02-13', dateFin: '2026-05-12' }] };
    expect(computedPassEnd(p)).toBe('2026-05-12');
  });

  it('warns about the two-year waiting period after a PASS expired', () => {
    const expired: PassDates = { dateDebut: '2021-03-01', dateFin: '2023-02-28', suspensions: [], prolongations: [] };
    expect(waitingPeriodWarning([expired], '2024-09-01')).toMatch(/^Le précédent PASS IAE a expiré le 28\/02\/2023 : pendant 2 ans \(jusqu’au 28\/02\/2025\), seul un prescripteur habilité/);
    expect(waitingPeriodWarning([expired], '2025-03-01')).toBeNull();
    expect(waitingPeriodWarning([], '2024-09-01')).toBeNull();
  });

  it('allows the contrat passerelle suspension in EI and ACI only, and historical reasons for imported history only', () => {
    const s = { dateDebut: '2024-03-01', dateFin: '2024-05-31' };
    expect(suspensionProblems(pass, { ...s, motif: 'CONTRAT_PASSERELLE' }, '2024-03-01', 'ACI')).toEqual([]);
    expect(suspensionProblems(pass, { ...s, motif: 'CONTRAT_PASSERELLE' }, '2024-03-01', 'EI')).toEqual([]);
    expect(suspensionProblems(pass, { ...s, motif: 'CONTRAT_PASSERELLE' }, '2024-03-01', 'AI')).toEqual(['La suspension pour contrat passerelle n’existe qu’en EI et en ACI.']);
    expect(suspensionProblems(pass, { ...s, motif: 'SICKNESS' }, '2024-03-01', 'ACI')[0]).toMatch(/plus en vigueur/);
  });

  it('has a status on any day, with exact boundaries', () => {
    const p = { ...pass, suspensions: [{ dateDebut: '2024-06-01', dateFin: '2024-06-30' }] };
    expect(passStatus(p, '2024-01-14')).toBe('FUTURE');
    expect(passStatus(p, '2024-01-15')).toBe('VALID');
    expect(passStatus(p, '2024-06-01')).toBe('SUSPENDED');
    expect(passStatus(p, '2024-06-30')).toBe('SUSPENDED');
    expect(passStatus(p, '2024-07-01')).toBe('VALID');
    expect(passStatus(p, '2026-02-12')).toBe('VALID');
    expect(passStatus(p, '2026-02-13')).toBe('EXPIRED');
  });

  it('raises the alert during the last 3 months only', () => {
    expect(passEndsSoon(pass, '2025-10-14')).toBe(false);
    expect(passEndsSoon(pass, '2025-10-15')).toBe(true);
    expect(passEndsSoon(pass, '2026-01-14')).toBe(true);
    expect(passEndsSoon(pass, '2026-01-15')).toBe(false);
  });

  it('refuses suspensions over 36 months, too far back, outside the PASS, or overlapping', () => {
    expect(suspensionProblems(pass, { dateDebut: '2024-03-01', dateFin: '2027-02-28' }, '2024-03-01')).toEqual([]);
    expect(suspensionProblems(pass, { dateDebut: '2024-03-01', dateFin: '2027-03-01' }, '2024-03-01')[0]).toMatch(/au plus 36 mois/);
    expect(suspensionProblems(pass, { dateDebut: '2024-03-01', dateFin: '2024-03-10' }, '2025-03-01')).toEqual([]);
    expect(suspensionProblems(pass, { dateDebut: '2024-03-01', dateFin: '2024-03-10' }, '2025-03-02')[0]).toMatch(/plus de 365 jours/);
    expect(suspensionProblems(pass, { dateDebut: '2023-12-01', dateFin: '2024-03-10' }, '2024-03-01')).toContain('La suspension doit commencer pendant la validité du PASS IAE.');
    const withOne = { ...pass, suspensions: [{ dateDebut: '2024-06-01', dateFin: '2024-06-30' }] };
    expect(suspensionProblems(withOne, { dateDebut: '2024-06-30', dateFin: '2024-07-10' }, '2024-07-01')).toEqual(['Cette suspension chevauche une suspension déjà enregistrée.']);
    expect(suspensionProblems(pass, { dateDebut: '2024-06-30', dateFin: '2024-06-01' }, '2024-07-01')).toEqual(['La fin de la suspension doit suivre son début.']);
  });

  it('applies the prolongation window, per-request and total caps, and the AI/ACI-only reason', () => {
    expect(prolongationProblems(pass, 'SENIOR', '2027-01-14', '2025-06-01', 'ACI')).toEqual([]);
    expect(prolongationProblems(pass, 'SENIOR', '2027-01-15', '2025-06-01', 'ACI')[0]).toMatch(/12 mois au plus/);
    expect(prolongationProblems(pass, 'SENIOR', '2026-06-01', '2025-01-13', 'ACI')[0]).toMatch(/entre 12 mois avant et 6 mois après/);
    expect(prolongationProblems(pass, 'SENIOR', '2026-06-01', '2025-01-14', 'ACI')).toEqual([]);
    expect(prolongationProblems(pass, 'SENIOR', '2026-06-01', '2026-07-14', 'ACI')).toEqual([]);
    expect(prolongationProblems(pass, 'SENIOR', '2026-06-01', '2026-07-15', 'ACI')[0]).toMatch(/entre 12 mois avant/);
    expect(prolongationProblems(pass, 'PARTICULAR_DIFFICULTIES', '2026-06-01', '2025-06-01', 'EI')[0]).toBe("Ce motif de prolongation n'est possible qu'en AI et ACI.");
    expect(prolongationProblems(pass, 'SENIOR', '2026-01-14', '2025-06-01', 'ACI')).toEqual(['La nouvelle date de fin doit être postérieure à la fin actuelle du PASS.']);
    // RQTH: 60 months in all. After three yearly prolongations the PASS ends 2029-01-14; a fourth would pass 2029-01-14.
    const long = { ...pass, prolongations: [{ dateDebut: '2026-01-15', dateFin: '2029-01-13' }] };
    expect(prolongationProblems(long, 'RQTH', '2029-06-01', '2028-06-01', 'ACI')).toEqual([expect.stringMatching(/60 mois au total \(ici jusqu'au 2029-01-14\)/)]);
  });
});
