/** Indicator values as French readers expect them: one fixed number of decimals per kind of figure, rates in %. */
import { formatFigure } from '../format/french-number';
import { indicatorDefinition } from './indicateurs';

export function formatIndicator(id: string, value: number | null | undefined, suppressed = false): string {
  if (suppressed) return 's';
  if (value === null || value === undefined) return '—';
  return formatFigure(value, indicatorDefinition(id)?.unit ?? 'count');
}
