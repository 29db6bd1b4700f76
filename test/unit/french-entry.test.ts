/** The rules behind the number and date fields, the French formats and the plausibility checks (issue 14). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { formatDateTime, formatLongDate, formatShortDate, readDateText, readMonthText, withDateSlashes } from '../../src-shared/format/french-date';
import { formatFigure, formatTypedNumber, plural, readNumberText } from '../../src-shared/format/french-number';
import { assertPlausible, contractDaysInMonth, dayHoursPlausibility, exitWarnings, futureFactWarning, monthHoursPlausibility } from '../../src-shared/rules/plausibility';

describe('numbers typed key by key', () => {
  it('keeps partial input meaningful and never rounds', () => {
    const typed = (keys: string) => [...keys].map((_, i) => readNumberText(keys.slice(0, i + 1)));
    expect(typed('151,67').map((r) => (r.kind === 'number' ? r.value : r.kind))).toEqual([1, 15, 151, 151, 151.6, 151.67]);
    expect(typed('12.5').map((r) => (r.kind === 'number' ? r.value : r.kind))).toEqual([1, 12, 12, 12.5]);
    expect(readNumberText('1 234,5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(readNumberText('1\u202f234,567')).toEqual({ kind: 'number', value: 1234.567 });
    expect(readNumberText(',5')).toEqual({ kind: 'number', value: 0.5 });
    expect(readNumberText('')).toEqual({ kind: 'empty' });
  });

  it('refuses letters, two separators and negatives with a message', () => {
    for (const bad of ['12h', 'abc', '1,2,3', '1.2,3', '--1']) expect(readNumberText(bad).kind, bad).toBe('invalid');
    expect(readNumberText('-3')).toEqual({ kind: 'invalid', message: 'Un nombre positif, s’il vous plaît.' });
    expect(readNumberText('-3', true)).toEqual({ kind: 'number', value: -3 });
  });

  it('shows French figures with a fixed number of decimals per kind', () => {
    expect(formatTypedNumber(1234.5)).toBe('1\u00a0234,5');
    expect(formatFigure(151.666, 'hours')).toBe('151,67');
    expect(formatFigure(0.5, 'rate')).toBe('50,0\u00a0%');
    expect(formatFigure(0.68181, 'rate')).toBe('68,2\u00a0%');
    expect(formatFigure(12, 'count')).toBe('12');
    expect(plural(1, 'heure')).toBe('1\u00a0heure');
    expect(plural(0, 'heure')).toBe('0\u00a0heure');
    expect(plural(2, 'ligne modifiée', 'lignes modifiées')).toBe('2\u00a0lignes modifiées');
  });
});

describe('dates typed key by key', () => {
  it('reads JJ/MM/AAAA and its variants, and partial input is never a date', () => {
    expect(readDateText('15/01/2025')).toEqual({ kind: 'date', iso: '2025-01-15' });
    expect(readDateText('15.01.2025')).toEqual({ kind: 'date', iso: '2025-01-15' });
    expect(readDateText('15012025')).toEqual({ kind: 'date', iso: '2025-01-15' });
    expect(readDateText('2025-01-15')).toEqual({ kind: 'date', iso: '2025-01-15' });
    expect(readDateText('5/1/2025')).toEqual({ kind: 'date', iso: '2025-01-05' });
    for (const partial of ['1', '15/', '15/01', '15/01/2', '15/01/202', '1501']) expect(readDateText(partial).kind, partial).toBe('partial');
    expect(readDateText('')).toEqual({ kind: 'empty' });
  });

  it('refuses dates that do not exist or are out of bounds', () => {
    expect(readDateText('31/02/2024')).toEqual({ kind: 'invalid', message: 'Cette date n’existe pas.' });
    expect(readDateText('29/02/2023')).toEqual({ kind: 'invalid', message: 'Cette date n’existe pas.' });
    expect(readDateText('29/02/2024')).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(readDateText('12/13/2024').kind).toBe('invalid');
    expect(readDateText('01/01/1850').kind).toBe('invalid');
    expect(readDateText('15/01/2025', { max: '2025-01-10' })).toEqual({ kind: 'invalid', message: 'Date trop lointaine : au plus tard le 10/01/2025.' });
    expect(readDateText('abc').kind).toBe('invalid');
  });

  it('adds the slashes while digits are typed, not while deleting', () => {
    expect(withDateSlashes('15', '150')).toBe('15/0');
    expect(withDateSlashes('15/01', '15/012')).toBe('15/01/2');
    expect(withDateSlashes('15/0', '15/')).toBe('15/');
  });

  it('months and French display', () => {
    expect(readMonthText('02/2024')).toEqual({ kind: 'month', month: '2024-02' });
    expect(readMonthText('2024-02')).toEqual({ kind: 'month', month: '2024-02' });
    expect(readMonthText('13/2024').kind).toBe('invalid');
    expect(readMonthText('02/20').kind).toBe('partial');
    expect(formatLongDate('2026-12-01')).toBe('1er décembre 2026');
    expect(formatLongDate('2026-11-30')).toBe('30 novembre 2026');
    expect(formatShortDate('2026-11-30')).toBe('30/11/2026');
    expect(formatDateTime('2026-12-01T15:05:00')).toBe('1er décembre 2026 à 15:05');
  });
});

describe('plausibility rules (src-shared/rules/plausibility.ts)', () => {
  const contract = { dateDebut: '2024-01-15', dateFin: '2024-12-31', heuresHebdo: 26 };
  it('counts the days of the month a contract covers', () => {
    expect(contractDaysInMonth('2024-01', contract)).toBe(17);
    expect(contractDaysInMonth('2024-02', contract)).toBe(29);
    expect(contractDaysInMonth('2025-01', contract)).toBe(0);
    expect(contractDaysInMonth('2024-03', { dateDebut: '2024-01-01', dateFin: null })).toBe(31);
  });

  it('month: within the contract passes, above it warns, above the days it covers is impossible', () => {
    expect(monthHoursPlausibility(107.71, '2024-02', contract)).toBeNull();
    expect(monthHoursPlausibility(107.8, '2024-02', contract)?.level).toBe('warning');
    expect(monthHoursPlausibility(600, '2024-03', contract)?.message).toBe('600,00 h : au-delà de ce que permet un contrat de 26 h par semaine sur 31 jours (115,14 h). Confirmez si c’est exact.');
    expect(monthHoursPlausibility(17 * 24 + 0.01, '2024-01', contract)?.level).toBe('limit');
    // Without weekly hours, the legal maximum of 48 h a week.
    expect(monthHoursPlausibility(200, '2024-03', { ...contract, heuresHebdo: null })).toBeNull();
    expect(monthHoursPlausibility(213, '2024-03', { ...contract, heuresHebdo: null })?.level).toBe('warning');
  });

  it('day: over 10 h warns (L3121-18), over 24 h is impossible', () => {
    expect(dayHoursPlausibility(10)).toBeNull();
    expect(dayHoursPlausibility(10.5)?.level).toBe('warning');
    expect(dayHoursPlausibility(24.5)?.level).toBe('limit');
  });

  it('past facts dated in the future, and exits that end contracts early', () => {
    expect(futureFactWarning('2026-11-30', '2026-11-30', 'Le bilan')).toBeNull();
    expect(futureFactWarning('2026-12-01', '2026-11-30', 'Le bilan')?.message).toBe('Le bilan est daté du 01/12/2026, après aujourd’hui. Confirmez si c’est bien la date.');
    expect(exitWarnings('2024-06-28', '2026-11-30', [{ dateDebut: '2024-01-15', dateFin: '2024-07-14', label: 'Le CDDI' }]).map((w) => w.message)).toEqual(['Le CDDI prévu jusqu’au 14/07/2024 s’arrêtera le 28/06/2024.']);
    expect(exitWarnings('2024-07-14', '2026-11-30', [{ dateDebut: '2024-01-15', dateFin: '2024-07-14', label: 'Le CDDI' }])).toEqual([]);
    expect(exitWarnings('2027-01-01', '2026-11-30', [])).toHaveLength(1);
  });

  it('a route refuses limits, asks to confirm warnings, and lets confirmed warnings through', () => {
    const warning = futureFactWarning('2030-01-01', '2026-11-30', 'Le bilan');
    const limit = dayHoursPlausibility(30);
    const code = (f: () => void) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(() => assertPlausible([['date', warning]], false))).toBe('CONFIRMATION_REQUIRED');
    expect(code(() => assertPlausible([['date', warning]], true))).toBe('ok');
    expect(code(() => assertPlausible([['date', warning], ['heures', limit]], true))).toBe('VALIDATION');
    expect(code(() => assertPlausible([['date', null]], false))).toBe('ok');
  });
});
