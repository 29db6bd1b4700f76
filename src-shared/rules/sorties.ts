/** Exits (sorties): whether one counts, its category, the length of the parcours (REPORT-SPEC §2.5). */
import type { CategorieSortie, MotifSortie } from '../domain/insertion';
import type { SiaeKind } from '../siae';
import { addMonthsIso, calendarDaysBetween } from './dates';

export const MOIS_MOYEN_JOURS = 30.4375;

/** The thresholds in force at the exit's date (dated parameters, src-shared/domain/parametres.ts). */
export interface ExitThresholds {
  moisAciEi: number;
  heuresAiEtti: number;
}

export interface ExitFacts {
  dispositif: SiaeKind;
  parcoursDebut: string;
  dateSortie: string;
  /** Hours of the parcours dated in the exit's calendar year. */
  heuresAnneeSortie: number;
  /** Hours of the parcours, all years. */
  heuresTotales: number;
}

/**
 * ACI, EI: the exit is at least 3 calendar months after the start and the parcours has hours in the exit year;
 * AI, ETTI: the parcours has at least 150 hours; EITI: always (pilotage-airflow `dbt/models`: the State's exit
 * dashboards by kind). The thresholds are dated parameters.
 */
export function isExitCounted(f: ExitFacts, seuils: ExitThresholds): boolean {
  switch (f.dispositif) {
    case 'ACI':
    case 'EI':
      return f.dateSortie >= addMonthsIso(f.parcoursDebut, seuils.moisAciEi) && f.heuresAnneeSortie > 0;
    case 'AI':
    case 'ETTI':
      return f.heuresTotales >= seuils.heuresAiEtti;
    case 'EITI':
      return true;
  }
}

export function exitCategory(motif: MotifSortie, mapping: Record<MotifSortie, CategorieSortie>): CategorieSortie {
  return mapping[motif];
}

/** Length of a parcours at its exit, in average months (days ÷ 30.4375). */
export function parcoursMonths(debut: string, sortie: string): number {
  return calendarDaysBetween(debut, sortie) / MOIS_MOYEN_JOURS;
}
