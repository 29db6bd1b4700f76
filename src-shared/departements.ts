/** French département codes: 01–95 (with 2A/2B instead of 20) and the overseas 971–976. */
const METROPOLE = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20');
export const DEPARTEMENT_CODES: readonly string[] = [...METROPOLE, '2A', '2B', '971', '972', '973', '974', '975', '976'];

export function isValidDepartement(code: string): boolean {
  return DEPARTEMENT_CODES.includes(code.toUpperCase());
}
