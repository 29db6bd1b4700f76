/**
 * Numbers as French users type and read them (issue 14): `151,67`, `151.67` and `1 234,5` are the same kind of
 * input; what is shown uses the comma, a no-break space between thousands and a fixed number of decimals per kind
 * of figure. Screens, PDFs and CSV files all format through here.
 */

/** Decimals shown for each kind of figure: hours and ETP 2, rates 1 (in %), counts none. */
export const FIGURE_DECIMALS = { count: 0, hours: 2, etp: 2, rate: 1, days: 1, months: 1, score: 2, amount: 2 } as const;
export type FigureKind = keyof typeof FIGURE_DECIMALS;

/** Spaces a French number may hold between thousands: plain, no-break, narrow no-break (what Intl writes). */
const THOUSANDS = /[ \u00a0\u202f]/g;
/** A number being typed: digits with thousands spaces, then at most one decimal separator and digits. */
const TYPING = /^-?[0-9 \u00a0\u202f]*([.,][0-9]*)?$/;

export type NumberText =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  /** Not a number and never becoming one by typing more (letters, two separators…). */
  | { kind: 'invalid'; message: string };

export const NUMBER_TYPING_MESSAGE = 'Saisissez un nombre : des chiffres et une virgule, par exemple 151,67.';

/**
 * Reads what a person typed, complete or not: `151,` reads 151 (the comma waits for decimals), `,5` reads 0,5,
 * `-` alone is still empty. Never rounds: rounding happens once, when the value is saved.
 */
export function readNumberText(text: string, allowNegative = false): NumberText {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return allowNegative || trimmed === '' ? { kind: 'empty' } : { kind: 'invalid', message: 'Un nombre positif, s’il vous plaît.' };
  if (!TYPING.test(trimmed)) return { kind: 'invalid', message: NUMBER_TYPING_MESSAGE };
  if (trimmed.startsWith('-') && !allowNegative) return { kind: 'invalid', message: 'Un nombre positif, s’il vous plaît.' };
  const normalized = trimmed.replace(THOUSANDS, '').replace(',', '.');
  const digits = normalized.replace(/^-/, '');
  if (digits === '.' || digits === '') return { kind: 'empty' };
  const value = Number(normalized.endsWith('.') ? normalized.slice(0, -1) : normalized);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', message: NUMBER_TYPING_MESSAGE };
}

/** "1 234,50": French digits with a plain no-break space, which every font (and PDF) has. */
export function formatNumber(value: number, decimals = 0): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

/** What a number field shows once the person leaves it: French, every decimal kept (nothing rounded yet). */
export function formatTypedNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 }).format(value).replace(/\u202f/g, '\u00a0');
}

export function formatFigure(value: number, kind: FigureKind): string {
  if (kind === 'rate') return `${formatNumber(value * 100, FIGURE_DECIMALS.rate)}\u00a0%`;
  return formatNumber(value, FIGURE_DECIMALS[kind]);
}

export const formatHours = (value: number) => formatFigure(value, 'hours');

/**
 * "1 heure", "2 heures", "0 heure" (French uses the singular below 2): plurals written out, never "(s)".
 * The plural defaults to the singular with an s.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`, decimals = 0): string {
  return `${formatNumber(count, decimals)}\u00a0${Math.abs(count) < 2 ? singular : pluralForm}`;
}
