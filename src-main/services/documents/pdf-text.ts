/**
 * Text as the PDF font can draw it (issue 14 §8). @react-pdf draws a character the font lacks as a stray glyph, and
 * an emoji sequence (👩‍👧 joined by U+200D, a flag 🇫🇷) swallows the characters after it. Every piece of text is
 * read by grapheme: combining accents are composed (NFC), a grapheme the font draws whole is kept, any other one
 * becomes one visible □ — never garbled, never eating its neighbour.
 */
import { dirname, join } from 'node:path';

export const PDF_FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const MISSING_GLYPH = '\u25a1';

let font: ReturnType<typeof import('fontkit').openSync> | null = null;
const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const VARIATION_SELECTOR = /[\ufe00-\ufe0f]/gu;
const JOINER = '\u200d';

function drawable(grapheme: string): boolean {
  // fontkit is loaded by the first text that needs it, not at every start (60 ms of module loading; issue 19).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  font ??= (require('fontkit') as typeof import('fontkit')).openSync(join(PDF_FONT_DIR, 'DejaVuSans.ttf'));
  const codePoints = [...grapheme.replace(VARIATION_SELECTOR, '')];
  // Several symbols joined into one picture, or a flag (two regional indicators): the font has no such picture.
  if (grapheme.includes(JOINER) || codePoints.some((c) => c.codePointAt(0)! >= 0x1f1e6 && c.codePointAt(0)! <= 0x1f1ff)) return false;
  return codePoints.every((c) => font!.hasGlyphForCodePoint(c.codePointAt(0)!));
}

export function pdfSafeText(text: string): string {
  const composed = text.normalize('NFC');
  // Fast path: Latin-1 and common French punctuation are always in DejaVu Sans.
  if (/^[\t\n\r -\u00ff\u2019\u2026\u2013\u2014\u202f\u20ac]*$/u.test(composed)) return composed;
  let out = '';
  for (const { segment } of segmenter.segment(composed)) out += drawable(segment) ? segment.replace(VARIATION_SELECTOR, '') : MISSING_GLYPH;
  return out;
}
