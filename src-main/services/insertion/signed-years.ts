/**
 * A change to a year whose annual report is already signed (issue 14 §5): the signed file does not change, the
 * year's figures on screen do. The person is told so and confirms.
 */
import type Database from 'better-sqlite3';
import type { Plausibility } from '../../../src-shared/rules/plausibility';

/** The years of these dates whose report is signed, each as a warning. */
export function signedYearWarnings(sqlite: Database.Database, dates: ReadonlyArray<string | null | undefined>): Plausibility[] {
  const years = [...new Set(dates.filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))))];
  if (years.length === 0) return [];
  const signed = sqlite.prepare(`select distinct annee from rapports_annuels where annee in (${years.map(() => '?').join(', ')}) order by annee`).pluck().all(...years) as number[];
  return signed.map((annee) => ({
    level: 'warning' as const,
    message: `Le rapport annuel ${annee} est déjà signé : il restera tel qu’il a été signé, mais les indicateurs ${annee} affichés changeront.`,
  }));
}

/** Every year a period touches, from its start to its end (or its start alone). */
export function yearsOf(start: string, end: string | null): string[] {
  const from = Number(start.slice(0, 4));
  const to = end ? Number(end.slice(0, 4)) : from;
  return Array.from({ length: Math.max(0, to - from) + 1 }, (_, i) => `${from + i}-01-01`);
}
