import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

/** "27 novembre 2026" */
export function formatDate(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy', { locale: fr });
}

/** "27 novembre 2026 à 16:05" */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), "d MMMM yyyy 'à' HH:mm", { locale: fr });
}

/** "1 234,50" — with a plain no-break space, which every font has. */
export function formatNumber(value: number, decimals = 0): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

export { formatSiret } from '../../src-shared/siret';
