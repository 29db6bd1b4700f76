/**
 * The signed annual report file (REPORT-SPEC §4): names, the payload's shape, the CSV of indicators. Shared by the
 * app that writes it and the verifier that reads it, so both agree on every byte.
 */
import type { CategorieSortie, MotifSortie } from '../domain/insertion';
import type { SiaeKind } from '../siae';
import type { IndicatorMap } from './indicateurs';
import { CSV_MASKED, csvDocument } from '../format/csv';

export const REPORT_FORMAT = 'cadre-commun-rapport-annuel';
export const REPORT_VERSION = 1;
export const REPORT_JSON = 'rapport.json';
export const REPORT_PDF = 'rapport.pdf';
export const REPORT_CSV = 'indicateurs.csv';

export interface ReportPayload {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  structure: {
    nom: string;
    siret: string;
    departement: string;
    dispositifs: Array<{ kind: SiaeKind; annexe_financiere: string | null; etp_conventionnes: number | null }>;
  };
  annee: number;
  genere_le: string;
  logiciel: { nom: string; version: string };
  parametres: {
    h_ref: Record<SiaeKind, number>;
    delai_cer_jours: number;
    intervalle_bilan_mois: number;
    mapping_sorties: Record<MotifSortie, CategorieSortie>;
  };
  indicateurs: IndicatorMap;
  suppressed: string[];
  documents: Array<{ nom: string; sha256: string }>;
}

export function reportFileName(siret: string, annee: number): string {
  return `rapport-${siret}-${annee}.zip`;
}

/** `id;valeur`, one indicator a line, UTF-8 with BOM; nulls empty, decimals with a point (machine-readable). */
/**
 * `indicateurs.csv` (REPORT-SPEC §3–4): a suppressed value is written `s`, a missing one (no denominator) is left
 * empty, so that a reader tells « masked » from « not computable ». Values keep the dot: a machine file.
 */
export function indicatorsCsv(indicateurs: IndicatorMap, suppressed: readonly string[] = []): string {
  const masked = new Set(suppressed);
  return csvDocument(['id', 'valeur'], Object.entries(indicateurs).map(([id, v]) => [id, masked.has(id) ? CSV_MASKED : v]), { decimal: 'dot' });
}
