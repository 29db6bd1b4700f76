import { describe, expect, it } from 'vitest';
import {
  etpConventionnesProrata,
  numeroAnnexeWarning,
  numeroComplet,
  statedHrefPeriods,
  versionInForce,
  type AnnexeVersionFigures,
} from '../../src-shared/domain/annexes-financieres';

const version = (avenant: number, dateDebut: string, dateFin: string, etp: number | null, hRef: number | null = null): AnnexeVersionFigures => ({
  avenant,
  modification: 0,
  dateDebut,
  dateFin,
  etpDixMilliemes: etp === null ? null : etp * 10_000,
  hRefCentiemes: hRef === null ? null : hRef * 100,
});

describe('annexe financière numbers (les-emplois itou/utils/validators.py validate_af_number)', () => {
  it('accepts the ASP base number, spaced or not, and prints the amendment suffix', () => {
    expect(numeroAnnexeWarning('ACI075240013', 'ACI_DC')).toBeNull();
    expect(numeroAnnexeWarning('ACI 075 24 0013', 'ACI_MP')).toBeNull();
    expect(numeroAnnexeWarning('EI59V182019', 'EI_DC')).toBeNull();
    expect(numeroComplet('ACI 075 24 0013', 1, 2)).toBe('ACI075240013A1M2');
  });
  it('warns, without blocking, on a suffix typed in, another dispositif, or a free-text number, kept as typed', () => {
    expect(numeroAnnexeWarning('ACI075240013A0M0', 'ACI_DC')).toMatch(/sans le suffixe/);
    expect(numeroAnnexeWarning('EI075240013', 'ACI_DC')).toMatch(/dispositif EI, pas ACI/);
    expect(numeroAnnexeWarning('convention 2019', 'AI_DC')).toMatch(/forme des numéros/);
    expect(numeroComplet('convention 2019', 0, 0)).toBe('convention 2019');
    expect(numeroComplet('convention 2019', 2, 0)).toBe('convention 2019 (avenant 2)');
    expect(numeroComplet('', 0, 0)).toBe('');
  });
});

describe('the version in force and the ETP conventionnés of a year', () => {
  const initial = version(0, '2025-01-01', '2025-12-31', 10);
  const avenant = version(1, '2025-07-01', '2025-12-31', 12);

  it('is the highest amendment covering the day', () => {
    expect(versionInForce([initial, avenant], '2025-06-30')).toBe(initial);
    expect(versionInForce([avenant, initial], '2025-07-01')).toBe(avenant);
    expect(versionInForce([initial], '2026-01-01')).toBeNull();
  });

  it('gives back exactly the stated value for a version covering the whole year', () => {
    expect(etpConventionnesProrata([version(0, '2024-01-01', '2024-12-31', 4.5)], '2024-01-01', '2024-12-31')).toBe(45_000);
    expect(etpConventionnesProrata([version(0, '2023-01-01', '2025-12-31', 0.125)], '2024-01-01', '2024-12-31')).toBe(1_250);
  });

  it('weights each version by the days it is in force: an avenant from July counts for 184 of 365 days', () => {
    expect(etpConventionnesProrata([initial, avenant], '2025-01-01', '2025-12-31')).toBeCloseTo((10 * 181 + 12 * 184) / 365 * 10_000, 6);
  });

  it('splits an annexe from July to June between its two years (2024 has 366 days)', () => {
    const straddling = [version(0, '2024-07-01', '2025-06-30', 6)];
    expect(etpConventionnesProrata(straddling, '2024-01-01', '2024-12-31')).toBeCloseTo((6 * 184) / 366 * 10_000, 6);
    expect(etpConventionnesProrata(straddling, '2025-01-01', '2025-12-31')).toBeCloseTo((6 * 181) / 365 * 10_000, 6);
  });

  it('is null when no version in force states ETP, and ignores the days without a version', () => {
    expect(etpConventionnesProrata([version(0, '2025-01-01', '2025-12-31', null)], '2025-01-01', '2025-12-31')).toBeNull();
    expect(etpConventionnesProrata([version(0, '2026-01-01', '2026-12-31', 3)], '2025-01-01', '2025-12-31')).toBeNull();
  });

  it('knows the stretches of a year where an annexe states its own H_ref', () => {
    expect(statedHrefPeriods([initial, version(1, '2025-09-01', '2025-12-31', 10, 1600)], '2025-01-01', '2025-12-31')).toEqual([{ debut: '2025-09-01', fin: '2025-12-31', hRef: 1600 }]);
  });
});
