/**
 * The parts of the Observatoire page (issue 19: the page computes what it shows, not every figure of three years):
 * the headline figures of its cards and charts, each tab's section, and every figure of the asked year for the
 * Repères tab. A part's figures are computed from the passes that set them only (IndicatorsService.computeParts).
 */
import { baseId, indicatorDefinition, SECTION_LABELS, type IndicatorSection } from './indicateurs';

/** The sections in the order of their labels: one tab each. */
export const INDICATOR_SECTIONS = Object.keys(SECTION_LABELS) as readonly IndicatorSection[];

/** The cards' and the three-year charts' figures. */
export const HEADLINE_IDS = [
  'public.salaries_en_parcours',
  'public.entrees',
  'activite.taux_realisation',
  'sorties.taux_sorties_dynamiques',
  'sorties.constatees',
  'activite.etp_realises',
  'activite.etp_conventionnes',
] as const;

/** `tout`: every figure of the asked year, without the previous years (the Repères tab compares that year only). */
export const OBSERVATOIRE_PARTS = ['apercu', ...INDICATOR_SECTIONS, 'tout'] as const;
export type ObservatoirePart = (typeof OBSERVATOIRE_PARTS)[number];

const HEADLINE = new Set<string>(HEADLINE_IDS);

/** Whether a figure's key (`par_dispositif.<KIND>.` included) belongs to a part. */
export function isInPart(part: ObservatoirePart, key: string): boolean {
  if (part === 'tout') return true;
  const base = baseId(key);
  if (part === 'apercu') return HEADLINE.has(base);
  return indicatorDefinition(base)?.section === part;
}
