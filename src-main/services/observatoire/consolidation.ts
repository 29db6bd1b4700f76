/**
 * The federation's consolidation (issue 5 §6): every report verified, the invalid ones refused and listed, one table
 * of all structures' indicators, plus totals by département, by dispositif and overall. Totals add counts, hours and
 * ETP; rates are recomputed from the summed numerators and denominators, never averaged; a median cannot be added and
 * is left empty; a total that would include a suppressed (1 or 2) cell is suppressed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { baseId, derivationOf, indicatorDefinition, ratioValue, type IndicatorMap } from '../../../src-shared/observatoire/indicateurs';
import type { ReportPayload } from '../../../src-shared/observatoire/report-format';
import { round } from '../../../src-shared/rules/heures';
import { SIAE_KINDS } from '../../../src-shared/siae';
import { authenticateReport, type KeyRegister } from '../federation/authenticate';

export interface ConsolidationRow {
  niveau: 'structure' | 'departement' | 'dispositif' | 'ensemble';
  libelle: string;
  siret: string;
  departement: string;
  annee: number | null;
  valeurs: IndicatorMap;
  /** Ids masked for privacy in this row (a report's `suppressed`, or a total that includes one): written « s ». */
  masques: string[];
}

export interface Consolidation {
  colonnes: string[];
  lignes: ConsolidationRow[];
  /** `siret` when the file could be read as a report (a wrong key, another year, a superseded report). */
  refuses: Array<{ fichier: string; echecs: string[]; siret?: string }>;
  /** The one year consolidated (null when no report was valid). */
  annee?: number | null;
  /** Files that are the same signed report as another one, counted once. */
  doublons?: Array<{ fichier: string; memeQue: string }>;
}

export interface ConsolidationOptions {
  /** The members' registered keys; when kept, a report whose key is not registered for its SIRET is refused. */
  register?: KeyRegister | null;
  /** The year consolidated; by default the latest year among the valid reports. */
  annee?: number | null;
}

/**
 * Every .zip of a folder, verified, then made one report per (SIRET, year) of one year (issue 17 §2): a file that is
 * the same signed report as another is counted once and said; two different reports of one SIRET and year keep the
 * later signature and name the other; reports of another year are set aside, never mixed. Every refusal names its
 * file and why.
 */
export async function consolidateFolder(folder: string, options: ConsolidationOptions = {}): Promise<Consolidation> {
  const names = readdirSync(folder).filter((f) => extname(f).toLowerCase() === '.zip');
  // Read one at a time: 4 000 reports are never all in memory (issue 17 §6).
  return consolidateFiles(
    names.map((fichier) => ({ fichier, read: () => readFileSync(join(folder, fichier)) })),
    options,
  );
}

/** The same, for files given (the federation's screen uploads them): `read` gives each file's bytes when its turn comes. */
export async function consolidateFiles(files: Array<{ fichier: string; read: () => Uint8Array }>, options: ConsolidationOptions = {}): Promise<Consolidation> {
  const valid: Array<{ fichier: string; payload: ReportPayload; identity: string }> = [];
  const refuses: Consolidation['refuses'] = [];
  const register = options.register && !options.register.isEmpty() ? options.register : null;
  for (const { fichier, read } of [...files].sort((a, b) => FRENCH.compare(a.fichier, b.fichier))) {
    const result = await authenticateReport(read(), null, register);
    if (!result.valide || !result.payload) refuses.push({ fichier, echecs: result.echecs });
    else if (register && !result.cleVerifiee) refuses.push({ fichier, siret: result.payload.structure.siret, echecs: [result.registre ?? 'Clé non enregistrée pour ce SIRET.'] });
    else valid.push({ fichier, payload: result.payload, identity: JSON.stringify(result.payload) });
  }
  const years = [...new Set(valid.map((v) => v.payload.annee))].sort((a, b) => b - a);
  const annee = options.annee ?? years[0] ?? null;
  // The same signed report under two names (a download made twice) is one report: found before anything else.
  const doublons: Consolidation['doublons'] = [];
  const distinct = new Map<string, (typeof valid)[number]>();
  // The shortest name is taken for the original: « rapport (1).zip » is the copy of « rapport.zip ».
  for (const report of [...valid].sort((a, b) => a.fichier.length - b.fichier.length || FRENCH.compare(a.fichier, b.fichier))) {
    const twin = distinct.get(report.identity);
    if (twin) doublons.push({ fichier: report.fichier, memeQue: twin.fichier });
    else distinct.set(report.identity, report);
  }
  const kept = new Map<string, (typeof valid)[number]>();
  for (const report of distinct.values()) {
    const { siret } = report.payload.structure;
    if (report.payload.annee !== annee) {
      refuses.push({ fichier: report.fichier, siret, echecs: [`Rapport de l’année ${report.payload.annee} : cette consolidation porte sur ${annee}. Consolidez cette année à part (--annee ${report.payload.annee}).`] });
      continue;
    }
    const previous = kept.get(siret);
    if (!previous) {
      kept.set(siret, report);
    } else {
      const [later, earlier] = report.payload.genere_le > previous.payload.genere_le ? [report, previous] : [previous, report];
      kept.set(siret, later);
      refuses.push({
        fichier: earlier.fichier,
        siret,
        echecs: [
          `Deux rapports différents pour ${siret} (${later.payload.structure.nom}) et ${annee} : « ${earlier.fichier} » (signé le ${earlier.payload.genere_le.slice(0, 10)}) et « ${later.fichier} » (signé le ${later.payload.genere_le.slice(0, 10)}). Le plus récent est retenu ; retirez l’autre du dossier si c’est voulu.`,
        ],
      });
    }
  }
  const result = consolidate([...kept.values()].map((v) => v.payload), refuses);
  return { ...result, annee, doublons };
}

export function consolidate(reports: ReportPayload[], refuses: Consolidation['refuses'] = []): Consolidation {
  const seen = new Set<string>();
  for (const r of reports) for (const id in r.indicateurs) seen.add(id);
  const colonnes = [...seen].sort(columnOrder);
  const baseColumns = colonnes.filter((c) => !c.startsWith('par_dispositif.'));
  // The ids masked in any of a group's reports, gathered once per group.
  const maskedIn = (rs: ReportPayload[], ids: string[], idIn: (id: string) => string = (id) => id) => {
    const any = new Set(rs.flatMap((r) => r.suppressed ?? []));
    return any.size === 0 ? [] : ids.filter((id) => any.has(idIn(id)));
  };
  const lignes: ConsolidationRow[] = reports
    .map((r) => ({ niveau: 'structure' as const, libelle: r.structure.nom, siret: r.structure.siret, departement: r.structure.departement, annee: r.annee, valeurs: r.indicateurs, masques: [...(r.suppressed ?? [])] }))
    .sort((a, b) => FRENCH.compare(a.departement, b.departement) || FRENCH.compare(a.libelle, b.libelle));
  const years = [...new Set(reports.map((r) => r.annee))];
  const annee = years.length === 1 ? years[0]! : null;

  for (const dep of [...new Set(reports.map((r) => r.structure.departement))].sort()) {
    const ofDep = reports.filter((r) => r.structure.departement === dep);
    lignes.push({ niveau: 'departement', libelle: `Total département ${dep}`, siret: '', departement: dep, annee, valeurs: total(ofDep.map((r) => r.indicateurs), colonnes), masques: maskedIn(ofDep, colonnes) });
  }
  // Each report's per-dispositif values, split once (not once per dispositif: 4 000 reports × 350 ids).
  const byKind = new Map<string, IndicatorMap[]>();
  for (const r of reports) {
    const split = new Map<string, IndicatorMap>();
    for (const [id, v] of Object.entries(r.indicateurs)) {
      if (!id.startsWith('par_dispositif.')) continue;
      const dot = id.indexOf('.', 'par_dispositif.'.length);
      const kind = id.slice('par_dispositif.'.length, dot);
      let map = split.get(kind);
      if (!map) split.set(kind, (map = {}));
      map[id.slice(dot + 1)] = v;
    }
    for (const [kind, map] of split) {
      const list = byKind.get(kind);
      if (list) list.push(map);
      else byKind.set(kind, [map]);
    }
  }
  for (const kind of SIAE_KINDS) {
    const maps = byKind.get(kind) ?? [];
    if (maps.length) {
      const masques = maskedIn(reports, baseColumns, (id) => `par_dispositif.${kind}.${id}`);
      lignes.push({ niveau: 'dispositif', libelle: `Total ${kind}`, siret: '', departement: '', annee, valeurs: total(maps, baseColumns), masques });
    }
  }
  lignes.push({ niveau: 'ensemble', libelle: 'Ensemble des structures', siret: '', departement: '', annee, valeurs: total(reports.map((r) => r.indicateurs), colonnes), masques: maskedIn(reports, colonnes) });
  return { colonnes, lignes, refuses };
}

function total(maps: IndicatorMap[], columns: string[]): IndicatorMap {
  const sums: IndicatorMap = {};
  for (const id of columns) {
    const base = baseId(id);
    if (derivationOf(base)) continue;
    let sum = 0;
    let masked = false;
    for (const m of maps) {
      const v = m[id];
      // Suppressed in one report, or absent from it (a report of an older version without this indicator, issue 15
      // §2): the total cannot be known, and a partial sum would read as the network's.
      if (v === null || v === undefined) {
        masked = true;
        break;
      }
      sum += v;
    }
    sums[id] = masked ? null : round(sum, 4);
  }
  const prefixOf = (id: string) => id.slice(0, id.length - baseId(id).length);
  for (const id of columns) {
    const base = baseId(id);
    const prefix = prefixOf(id);
    // Rates and means from their declaration (src-shared/observatoire/indicateurs.ts DERIVATIONS), never averaged.
    const derivation = derivationOf(base);
    if (derivation?.kind === 'ratio') {
      // A part suppressed somewhere (null) makes the rate unknown; a part no report holds counts as 0.
      const value = ratioValue(derivation, (part) => (sums[prefix + part] === undefined ? 0 : sums[prefix + part]));
      sums[id] = value === null ? null : round(value, 4);
    }
    if (derivation?.kind === 'mean') {
      const weight = derivation.weight;
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
    if (derivation?.kind === 'not_additive') sums[id] = null;
  }
  return sums;
}

/** Structure-level ids first, in the spec's order of sections, then per dispositif. */
function columnOrder(a: string, b: string): number {
  const pa = a.startsWith('par_dispositif.') ? 1 : 0;
  const pb = b.startsWith('par_dispositif.') ? 1 : 0;
  return pa - pb || FRENCH_NUMERIC.compare(a, b);
}

/** One collator each (localeCompare builds one per call: seconds for 4 000 structures). */
const FRENCH = new Intl.Collator('fr');
const FRENCH_NUMERIC = new Intl.Collator('fr', { numeric: true });

export function columnLabel(id: string): string {
  const def = indicatorDefinition(id);
  const kind = /^par_dispositif\.([A-Z]+)\./.exec(id)?.[1];
  return def ? `${kind ? `${kind} — ` : ''}${def.label}` : id;
}
