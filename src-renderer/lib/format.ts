/**
 * The screens format through src-shared/format (issue 14 §7), so that a date or a number reads the same on screen,
 * in PDFs and in messages: "1er décembre 2026", "30/11/2026", "1 234,50".
 */
export { formatLongDate as formatDate, formatShortDate, formatDateTime, formatMonth } from '../../src-shared/format/french-date';
export { formatFigure, formatHours, formatNumber, plural } from '../../src-shared/format/french-number';
export { formatSiret } from '../../src-shared/siret';
