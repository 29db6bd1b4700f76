/**
 * Text folded for search and duplicate detection: lower case, accents and ligatures removed, punctuation as spaces.
 * "Écœuré-DURAND" → "ecoeure durand". The same function indexes and queries, so both sides always agree.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
