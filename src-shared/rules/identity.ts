/** Formats of the identifiers a person file holds (domain-reference §2.3, V12). */

/** France Travail id: 7 digits and a letter or digit, or 11 digits. */
export function isValidFranceTravailId(value: string): boolean {
  return /^\d{7}[A-Z0-9]$/.test(value) || /^\d{11}$/.test(value);
}

/** PASS IAE number: 12 letters or digits. */
export function isValidPassNumber(value: string): boolean {
  return /^[A-Z0-9]{12}$/.test(value);
}

/** "999992510000" → "99999 25 10000", as the State prints it. */
export function formatPassNumber(value: string): string {
  return value.length === 12 ? `${value.slice(0, 5)} ${value.slice(5, 7)} ${value.slice(7)}` : value;
}

/**
 * NIR (numéro de sécurité sociale): 13 characters then a 2-digit key = 97 − (number mod 97), with Corsica's 2A and
 * 2B counted as 19 and 18.
 */
export function isValidNir(value: string): boolean {
  if (!/^[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(\d{2}|2A|2B)\d{6}\d{2}$/.test(value)) return false;
  const body = value.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(value.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}

/** Strips the spaces and dots people type in identifiers, and upper-cases letters. */
export function compactId(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/** The earliest birth date accepted (les-emplois `itou/utils/validators.py`, `get_min_birthdate`). */
export const MIN_BIRTH_DATE = '1900-01-01';
/** Work is forbidden under 16 (Code du travail, art. L4153-1); les-emplois refuses a younger candidate. */
export const MIN_WORKING_AGE = 16;

/**
 * Why a birth date cannot be a job seeker's, or null: before 1900, or a person not over 16 today (les-emplois
 * `validate_birthdate`: `birthdate >= today − 16 years` is refused). One rule for the form, the import and the demo.
 */
export function birthDateProblem(dateNaissance: string, today: string): string | null {
  if (dateNaissance < MIN_BIRTH_DATE) return 'Date de naissance invraisemblable : elle doit être postérieure au 1er janvier 1900.';
  // Shifting the year keeps the day: string order then says whether the 16th birthday is past (29 February included).
  const sixteenYearsAgo = `${String(Number(today.slice(0, 4)) - MIN_WORKING_AGE).padStart(4, '0')}${today.slice(4)}`;
  if (dateNaissance >= sixteenYearsAgo) return `La personne doit avoir plus de ${MIN_WORKING_AGE} ans (Code du travail, art. L4153-1) : vérifiez l’année de naissance.`;
  return null;
}
