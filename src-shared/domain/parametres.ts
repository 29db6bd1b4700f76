/**
 * Parameters that change with the law or the structure's choices. Stored as dated rows (table `parametres`,
 * valid from a date); these defaults apply where no row covers a date (REPORT-SPEC §2.3, §2.4; domain-reference §1.3).
 */
import type { SiaeKind } from '../siae';
import { MAPPING_SORTIES_DEFAUT, type CategorieSortie, type MotifSortie } from './insertion';
import { CRITERE_KEYS, CRITERES, type Critere } from './criteres';

export interface ParametresValeurs {
  /** Reference annual hours of one full-time post, per kind (ETP = hours ÷ H_ref). */
  h_ref: Record<SiaeKind, number>;
  /** A CER is expected within this many days of the parcours start. */
  delai_cer_jours: number;
  /** A bilan is due at least every this many months. */
  intervalle_bilan_mois: number;
  /** AI: cap of hours placed with companies over 24 months (480 h, a prefect may derogate). */
  plafond_ai_entreprises_heures: number;
  mapping_sorties: Record<MotifSortie, CategorieSortie>;
  /**
   * ACI, EI: an exit counts from this many months of parcours (pilotage-airflow `dbt/models` sorties ACI/EI:
   * `nombre_mois_travailles >= 3`; REPORT-SPEC §2.5).
   */
  seuil_sortie_aci_ei_mois: number;
  /** AI, ETTI: an exit counts from this many hours worked (pilotage-airflow: `total_heures_travaillees >= 150`). */
  seuil_sortie_ai_etti_heures: number;
  /**
   * End of the EITI experiment (loi 2018-771 art. 83, extended to 22 December 2026 unless extended again): a new
   * EITI contract running past it is flagged. A later extension is a new value from its date, not a release.
   */
  fin_experimentation_eiti: string;
  /**
   * AI: end of a prefect's derogation to the 480-hour cap ('' without one), valid from the day it is granted
   * (Code du travail L5132-9 2°, D5132-18-1: three years at most, renewable). While it runs, going past the cap is
   * neither alerted nor counted as an overrun.
   */
  derogation_480h_jusquau: string;
  /**
   * How old each eligibility proof may be on the reference date (the hire), in months; null: it does not expire
   * (arrêté of 1 September 2021 on the eligibility criteria and their proofs, amended 4 September 2025). Dated, so that
   * a new arrêté is a value from its date of effect and hires before it keep the old rule.
   */
  validite_justificatifs_mois: Record<Critere, number | null>;
}

/** The validity months of the arrêté of 1 September 2021 (domain/criteres.ts), the parameter's default. */
export const VALIDITE_JUSTIFICATIFS_2021 = Object.fromEntries(CRITERE_KEYS.map((k) => [k, CRITERES[k].validiteMois])) as Record<Critere, number | null>;

export const PARAMETRES_DEFAUT: ParametresValeurs = {
  h_ref: { ACI: 1820, AI: 1607, ETTI: 1607, EI: 1607, EITI: 1505 },
  delai_cer_jours: 30,
  intervalle_bilan_mois: 3,
  plafond_ai_entreprises_heures: 480,
  mapping_sorties: MAPPING_SORTIES_DEFAUT,
  seuil_sortie_aci_ei_mois: 3,
  seuil_sortie_ai_etti_heures: 150,
  fin_experimentation_eiti: '2026-12-22',
  derogation_480h_jusquau: '',
  validite_justificatifs_mois: VALIDITE_JUSTIFICATIFS_2021,
};

/** A dated parameter's values as the screens receive them: the default, and each value from its date on. */
export interface DatedValues<T> {
  defaut: T;
  valeurs: ReadonlyArray<{ valideDu: string; valeur: T }>;
}

/** The value in force on a day: the latest value valid from that day or before, else the default (as ParametresService). */
export function valueOnDate<T>(dated: DatedValues<T>, date: string): T {
  let found: { valideDu: string; valeur: T } | null = null;
  for (const v of dated.valeurs) if (v.valideDu <= date && (!found || v.valideDu > found.valideDu)) found = v;
  return found ? found.valeur : dated.defaut;
}

export type CleParametre = keyof ParametresValeurs;
export const CLES_PARAMETRES = Object.keys(PARAMETRES_DEFAUT) as CleParametre[];
