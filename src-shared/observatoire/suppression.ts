/**
 * Small-cell suppression of the federation file (REPORT-SPEC §3): a count of 1 or 2 about a sensitive fact (health,
 * justice, sensitive orienteurs) could point at a person in a small structure, so it is written as null and listed.
 * The app's own screens keep the real values for authorised users.
 */
import { baseId, type IndicatorMap } from './indicateurs';

const SENSITIVE_EXACT = new Set(['public.criteres.AAH', 'public.criteres.TH', 'public.criteres.DETENTION_MJ', 'public.orienteur.09', 'public.orienteur.10']);
const SENSITIVE_PREFIXES = ['accompagnement.freins.sante.', 'accompagnement.freins.justice.'];

export function isSensitiveIndicator(id: string): boolean {
  const base = baseId(id);
  return SENSITIVE_EXACT.has(base) || SENSITIVE_PREFIXES.some((p) => base.startsWith(p));
}

export function suppressSmallCells(indicateurs: IndicatorMap): { indicateurs: IndicatorMap; suppressed: string[] } {
  const out: IndicatorMap = {};
  const suppressed: string[] = [];
  for (const [id, value] of Object.entries(indicateurs)) {
    if ((value === 1 || value === 2) && isSensitiveIndicator(id)) {
      out[id] = null;
      suppressed.push(id);
    } else out[id] = value;
  }
  return { indicateurs: out, suppressed: suppressed.sort() };
}
