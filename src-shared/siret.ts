/**
 * SIRET check: 14 digits whose Luhn sum is a multiple of 10.
 * La Poste's establishments (SIREN 356000000) are the one documented exception: their digits sum to a multiple of 5.
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) {
    const digitSum = [...value].reduce((sum, d) => sum + Number(d), 0);
    return digitSum % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Spaces are common when a SIRET is copied from a letterhead ("520 000 015 00013"). */
export function normalizeSiret(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/** "520 000 015 00013": the SIRET as printed on letterheads, on screen and in PDFs. */
export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
}
