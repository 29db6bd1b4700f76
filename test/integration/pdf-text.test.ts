/**
 * PDFs survive any text (issue 14 §8): names and words with emoji, Chinese, Arabic and combining accents are drawn
 * or replaced by a visible □, and never swallow the next character. Read back from a real PDF with pdftotext
 * (poppler-utils, installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { loadPdfKit } from '../../src-main/services/documents/pdf-layout';
import { MISSING_GLYPH, pdfSafeText } from '../../src-main/services/documents/pdf-text';
import { tempDir } from '../helpers/temp';

const SAMPLES: Array<[string, string]> = [
  ['Amélie 😀 Durand', 'Amélie 😀 Durand'],
  ['Li 中文 Wei', `Li ${MISSING_GLYPH}${MISSING_GLYPH} Wei`],
  ['Fatima الزهراء', 'Fatima الزهراء'],
  ['Zoe\u0301 Noe\u0308l', 'Zoé Noël'],
  ['Famille 👩‍👧 ensemble', `Famille ${MISSING_GLYPH} ensemble`],
  ['Drapeau 🇫🇷 tricolore', `Drapeau ${MISSING_GLYPH} tricolore`],
  ['Cœur ❤️ fini', 'Cœur ❤ fini'],
];

describe('text in PDFs', () => {
  it('keeps what the font draws, composes accents, and replaces the rest by one visible mark each', () => {
    for (const [text, expected] of SAMPLES) expect(pdfSafeText(text), text).toBe(expected);
    expect(pdfSafeText('1 234,50 € — « l’été »')).toBe('1 234,50 € — « l’été »');
  });

  it('a real PDF holds every character after an emoji, a CJK name or a joined sequence', async () => {
    const kit = await loadPdfKit();
    const structure = { nom: 'Chantier 🌱 des Coteaux', siret: '52000001500013', departement: '07' } as never;
    const lines = SAMPLES.map(([text]) => createElement(kit.Text, { key: text }, `${text} FIN`));
    const element = createElement(kit.A4, { structure, title: 'Essai', confidential: true, children: lines });
    const pdf = join(tempDir(), 'essai.pdf');
    writeFileSync(pdf, Buffer.from((await kit.render(element, 'essai.pdf')).base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const [, expected] of SAMPLES) {
      // pdftotext may add direction marks around Arabic; compare the words.
      const words = `${expected} FIN`.split(' ').filter((w) => !/[\u0600-\u06ff]/.test(w));
      for (const word of words) expect(text, word).toContain(word);
    }
    expect(text).toContain(`Chantier ${MISSING_GLYPH} des Coteaux`);
  });
});
