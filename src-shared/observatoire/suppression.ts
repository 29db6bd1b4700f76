/**
 * Small-cell suppression of the federation file (REPORT-SPEC §3): a count of 1 or 2 about a sensitive fact (health,
 * justice, sensitive orienteurs) could point at a person in a small structure, so it is written as null and listed.
 * The app's own screens keep the real values for authorised users.
 */
import { SENSITIVE_VALUES } from '../domain/need-to-know';
import { baseId, type IndicatorMap } from './indicateurs';
import { SENSITIVE_SITUATION_LINES } from './situation';

/**
 * Derived from the domain's sensitive codes (need-to-know.ts), so that a code classed there is suppressed here too:
 * eligibility criteria, orienteurs, exit motifs, fiche salarié lines and freins. It holds REPORT-SPEC §3's list (AAH,
 * TH, DETENTION_MJ, orienteurs 09 and 10, freins santé and justice) and the codes the domain added since: Cap emploi,
 * CIDFF, prevention clubs and ASE among orienteurs, exit motifs 16 (long sick leave) and 18 (judicial decision).
 */
const SENSITIVE_EXACT = new Set([
  ...Object.keys(SENSITIVE_VALUES.critere).map((code) => `public.criteres.${code}`),
  ...Object.keys(SENSITIVE_VALUES.orienteur).map((code) => `public.orienteur.${code}`),
  ...Object.keys(SENSITIVE_VALUES.motifSortie).map((code) => `sorties.par_motif.${code}`),
  ...SENSITIVE_SITUATION_LINES.map((line) => `public.situation.${line}`),
]);
const SENSITIVE_PREFIXES = Object.keys(SENSITIVE_VALUES.frein).map((frein) => `accompagnement.freins.${frein}.`);

export function isSensitiveIndicator(id: string): boolean {
  const base = baseId(id);
  return SENSITIVE_EXACT.has(base) || SENSITIVE_PREFIXES.some((p) => base.startsWith(p));
}

/**
 * The additive groups an id belongs to (REPORT-SPEC §3, amended): the id with its `par_dispositif.<KIND>.` values, and
 * for a frein's count, `concernes` with its `interne`, `externe` and `les_deux` in the same scope. Publishing one member
 * of a group next to the others would let a masked member be recovered by adding or subtracting.
 */
export function additiveGroupsOf(id: string, ids: readonly string[]): string[][] {
  const base = baseId(id);
  const byBase = ids.filter((other) => baseId(other) === base);
  const groups = [byBase];
  const frein = /^(par_dispositif\.[A-Z]+\.)?(accompagnement\.freins\.[a-z_]+\.)(concernes|interne|externe|les_deux)$/.exec(id);
  if (frein) {
    const scope = `${frein[1] ?? ''}${frein[2]}`;
    groups.push(['concernes', 'interne', 'externe', 'les_deux'].map((part) => `${scope}${part}`).filter((member) => ids.includes(member)));
  }
  return groups;
}

/**
 * Small cells of sensitive ids (1 or 2) are masked, then every member of a group holding a masked id, until nothing
 * changes (groups share ids), so that no masked value can be derived from published ones.
 */
export function suppressSmallCells(indicateurs: IndicatorMap): { indicateurs: IndicatorMap; suppressed: string[] } {
  const ids = Object.keys(indicateurs);
  const masked = new Set(ids.filter((id) => (indicateurs[id] === 1 || indicateurs[id] === 2) && isSensitiveIndicator(id)));
  const pending = [...masked];
  while (pending.length) {
    const id = pending.pop()!;
    for (const group of additiveGroupsOf(id, ids)) {
      for (const member of group) {
        if (masked.has(member)) continue;
        masked.add(member);
        pending.push(member);
      }
    }
  }
  const out: IndicatorMap = {};
  for (const [id, value] of Object.entries(indicateurs)) out[id] = masked.has(id) ? null : value;
  return { indicateurs: out, suppressed: [...masked].sort() };
}
