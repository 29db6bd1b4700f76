import { describe, expect, it } from 'vitest';
import { isValidDepartement } from '../../src-shared/departements';
import { isValidSiret, normalizeSiret } from '../../src-shared/siret';

describe('SIRET (Luhn)', () => {
  it('accepts the fixture structure and other valid numbers', () => {
    expect(isValidSiret('52000001500013')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });
  it('refuses a wrong check digit, a wrong length or letters', () => {
    expect(isValidSiret('52000001500014')).toBe(false);
    expect(isValidSiret('5200000150001')).toBe(false);
    expect(isValidSiret('520000015000130')).toBe(false);
    expect(isValidSiret('5200000150001A')).toBe(false);
  });
  it("follows La Poste's exception (sum of digits multiple of 5)", () => {
    expect(isValidSiret('35600000000015')).toBe(true); // digit sum 20; Luhn alone would refuse it
    expect(isValidSiret('35600000000048')).toBe(false); // Luhn-valid, but digit sum 26
  });
  it('removes the spaces and dots people copy from letterheads', () => {
    expect(normalizeSiret('520 000 015 00013')).toBe('52000001500013');
    expect(normalizeSiret('520.000.015.00013')).toBe('52000001500013');
  });
});

describe('département', () => {
  it('knows metropolitan, Corsican and overseas codes', () => {
    for (const code of ['01', '07', '95', '2A', '2b', '971', '976']) expect(isValidDepartement(code)).toBe(true);
  });
  it('refuses codes that do not exist', () => {
    for (const code of ['00', '20', '96', '977', '7', 'AB', '']) expect(isValidDepartement(code)).toBe(false);
  });
});
