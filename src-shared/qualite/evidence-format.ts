/** How an evidence figure and its target read, on screen and in the audit pack. */
import type { EvidenceValue, GridRow } from './grid';

export function formatEvidence(e: EvidenceValue | null): string {
  if (!e || e.value === null) return e ? 'pas de donnée' : '—';
  if (e.unit === 'part') return `${Math.round(e.value * 100)} %${e.denominator !== null ? ` (${e.numerator}/${e.denominator})` : ''}`;
  if (e.unit === 'note') return `${e.value.toFixed(1).replace('.', ',')} / 5`;
  if (e.unit === 'jours') return `${Math.round(e.value)} j`;
  return String(e.value);
}

export function formatTarget(row: GridRow): string {
  if (row.cible === null || !row.evidence) return '—';
  const value = row.evidence.unit === 'part' ? `${Math.round(row.cible * 100)} %` : String(row.cible);
  return row.evidence.direction === 'min' ? `≥ ${value}` : `≤ ${value}`;
}

