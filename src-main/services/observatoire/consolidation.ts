/**
 * The federation's consolidation (issue 5 §6): every report verified, the invalid ones refused and listed, one table
 * of all structures' indicators, plus totals by département, by dispositif and overall. Totals add counts, hours and
 * ETP; rates are recomputed from the summed numerators and denominators, never averaged; a median cannot be added and
 * is left empty; a total that would include a suppressed (1 or 2) cell is suppressed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { baseId, indicatorDefinition, type IndicatorMap } from '../../../src-shared/observatoire/indicateurs';
import type { ReportPayload } from '../../../src-shared/observatoire/report-format';
import { round } from '../../../src-shared/rules/heures';
import { SIAE_KINDS } from '../../../src-shared/siae';
import { verifyReport } from './report-verifier';

export interface ConsolidationRow {
  niveau: 'structure' | 'departement' | 'dispositif' | 'ensemble';
  libelle: string;
  siret: string;
  departement: string;
  annee: number | null;
  valeurs: IndicatorMap;
}

export interface Consolidation {
  colonnes: string[];
  lignes: ConsolidationRow[];
  refuses: Array<{ fichier: string; echecs: string[] }>;
}

/** Numerator and denominator ids of each rate, so totals recompute it. */
export const RATES: Record<string, { num: string[]; den: string[] }> = {
  'activite.taux_realisation': { num: ['activite.etp_realises'], den: ['activite.etp_conventionnes'] },
  'sorties.taux_sorties_dynamiques': { num: ['sorties.emploi_durable', 'sorties.emploi_transition', 'sorties.sorties_positives'], den: ['sorties.examinees'] },
  'sorties.taux_emploi_durable': { num: ['sorties.emploi_durable'], den: ['sorties.examinees'] },
};
/** Means recomputed as weighted by their population. */
const MEANS: Record<string, string> = { 'sorties.duree_moyenne_parcours_mois': 'sorties.constatees' };
/** Neither additive nor recomputable from the file: left empty in totals. */
const NOT_ADDITIVE = new Set(['accueil.delai_median_decision_jours', 'qualite.satisfaction_moyenne']);

export async function consolidateFolder(folder: string, registry: Map<string, string> = new Map()): Promise<Consolidation> {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === '.zip')
    .sort();
  const valid: Array<{ fichier: string; payload: ReportPayload }> = [];
  const refuses: Consolidation['refuses'] = [];
  for (const fichier of files) {
    const bytes = readFileSync(join(folder, fichier));
    const first = await verifyReport(bytes);
    const registered = first.payload ? registry.get(first.payload.structure.siret) : undefined;
    const result = registered ? await verifyReport(bytes, { thumbprint: registered }) : first;
    if (result.valide && result.payload) valid.push({ fichier, payload: result.payload });
    else refuses.push({ fichier, echecs: result.echecs });
  }
  return consolidate(valid.map((v) => v.payload), refuses);
}

export function consolidate(reports: ReportPayload[], refuses: Consolidation['refuses'] = []): Consolidation {
  const colonnes = [...new Set(reports.flatMap((r) => Object.keys(r.indicateurs)))].sort(columnOrder);
  const baseColumns = colonnes.filter((c) => !c.startsWith('par_dispositif.'));
  const lignes: ConsolidationRow[] = reports
    .map((r) => ({ niveau: 'structure' as const, libelle: r.structure.nom, siret: r.structure.siret, departement: r.structure.departement, annee: r.annee, valeurs: r.indicateurs }))
    .sort((a, b) => a.departement.localeCompare(b.departement) || a.libelle.localeCompare(b.libelle, 'fr'));
  const years = [...new Set(reports.map((r) => r.annee))];
  const annee = years.length === 1 ? years[0]! : null;

  for (const dep of [...new Set(reports.map((r) => r.structure.departement))].sort()) {
    const maps = reports.filter((r) => r.structure.departement === dep).map((r) => r.indicateurs);
    lignes.push({ niveau: 'departement', libelle: `Total département ${dep}`, siret: '', departement: dep, annee, valeurs: total(maps, colonnes) });
  }
  for (const kind of SIAE_KINDS) {
    const maps = reports
      .map((r) => Object.fromEntries(Object.entries(r.indicateurs).filter(([id]) => id.startsWith(`par_dispositif.${kind}.`)).map(([id, v]) => [baseId(id), v])))
      .filter((m) => Object.keys(m).length > 0);
    if (maps.length) lignes.push({ niveau: 'dispositif', libelle: `Total ${kind}`, siret: '', departement: '', annee, valeurs: total(maps, baseColumns) });
  }
  lignes.push({ niveau: 'ensemble', libelle: 'Ensemble des structures', siret: '', departement: '', annee, valeurs: total(reports.map((r) => r.indicateurs), colonnes) });
  return { colonnes, lignes, refuses };
}

function total(maps: IndicatorMap[], columns: string[]): IndicatorMap {
  const sums: IndicatorMap = {};
  for (const id of columns) {
    const base = baseId(id);
    if (NOT_ADDITIVE.has(base) || RATES[base] || MEANS[base]) continue;
    const values = maps.map((m) => m[id]);
    sums[id] = values.some((v) => v === null) ? null : round(values.reduce<number>((s, v) => s + (v ?? 0), 0), 4);
  }
  const prefixOf = (id: string) => id.slice(0, id.length - baseId(id).length);
  for (const id of columns) {
    const base = baseId(id);
    const prefix = prefixOf(id);
    const rate = RATES[base];
    if (rate) {
      const num = rate.num.map((n) => sums[prefix + n]);
      const den = rate.den.map((d) => sums[prefix + d]);
      const denominator = den.reduce<number>((s, v) => s + (v ?? 0), 0);
      sums[id] = num.some((v) => v === null) || den.some((v) => v === null) || denominator === 0 ? null : round(num.reduce<number>((s, v) => s + (v ?? 0), 0) / denominator, 4);
    }
    const weight = MEANS[base];
    if (weight) {
      let weighted = 0;
      let population = 0;
      for (const m of maps) {
        const mean = m[id];
        const n = m[prefix + weight] ?? 0;
        if (mean !== null && mean !== undefined && n) {
          weighted += mean * n;
          population += n;
        }
      }
      sums[id] = population ? round(weighted / population, 1) : null;
    }
    if (NOT_ADDITIVE.has(base)) sums[id] = null;
  }
  return sums;
}

/** Structure-level ids first, in the spec's order of sections, then per dispositif. */
function columnOrder(a: string, b: string): number {
  const pa = a.startsWith('par_dispositif.') ? 1 : 0;
  const pb = b.startsWith('par_dispositif.') ? 1 : 0;
  return pa - pb || a.localeCompare(b, 'fr', { numeric: true });
}

export function columnLabel(id: string): string {
  const def = indicatorDefinition(id);
  const kind = /^par_dispositif\.([A-Z]+)\./.exec(id)?.[1];
  return def ? `${kind ? `${kind} — ` : ''}${def.label}` : id;
}
