import { foldText } from '../../../src-shared/rules/text';

/** The text the search index holds for a person: names, France Travail id and PASS numbers, folded. */
export function searchText(p: { nom: string; prenom: string; identifiantFt: string | null }, passNumeros: readonly string[]): string {
  return foldText([p.nom, p.prenom, p.identifiantFt ?? '', ...passNumeros].join(' '));
}

/** Same folded name and birth date: the key of a likely duplicate. */
export function duplicateKey(nom: string, prenom: string, dateNaissance: string): string {
  return `${foldText(nom)}|${foldText(prenom)}|${dateNaissance}`;
}

/** An FTS5 query where every typed word must start a word of the index: "dur jul" → "dur"* "jul"*. */
export function ftsQuery(typed: string): string | null {
  const words = foldText(typed).split(' ').filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Alphabetical order of lists, accents ignored: "Élodie" sorts with the E. */
export function sortKey(nom: string, prenom: string): string {
  return foldText(`${nom} ${prenom}`);
}
