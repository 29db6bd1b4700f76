/** Indicator values as French readers expect them: thin spaces between thousands, decimal comma, rates in %. */
import { indicatorDefinition, UNIT_DECIMALS } from './indicateurs';

export function formatIndicator(id: string, value: number | null | undefined, suppressed = false): string {
  if (suppressed) return 's';
  if (value === null || value === undefined) return '—';
  const unit = indicatorDefinition(id)?.unit ?? 'count';
  if (unit === 'rate') return `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value * 100)}\u00a0%`;
  const decimals = UNIT_DECIMALS[unit];
  // A plain no-break space between thousands: every font has it.
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: unit === 'count' ? 0 : Math.min(decimals, 1), maximumFractionDigits: decimals }).format(value).replace(/\u202f/g, '\u00a0');
}
