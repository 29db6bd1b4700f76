/**
 * The PDF templates, loaded only through `import('./render')` (documents-service.ts): @react-pdf/renderer is an
 * ESM-only package that tsx's CommonJS hook cannot require, and it is heavy enough to keep off the start-up path.
 * Nothing else may import the templates or pdf-layout statically.
 */
import { createElement } from 'react';
import type { OffreInsertion } from '../../../src-shared/schemas/diagnostic';
import type { StructureView } from '../../../src-shared/views';
import type { AccueilView, PdfDocument, PersonneFile } from '../../../src-shared/views-accueil';
import { IntakeSummary } from './intake-summary';
import { Livret } from './livret';
import { Notice } from './notice';
import { renderPdf } from './pdf-layout';

export function renderIntakeSummary(props: { structure: StructureView; file: PersonneFile; accueil: AccueilView }, fileName: string): Promise<PdfDocument> {
  return renderPdf(createElement(IntakeSummary, props), fileName);
}

export function renderNotice(structure: StructureView, fileName: string): Promise<PdfDocument> {
  return renderPdf(createElement(Notice, { structure }), fileName);
}

export function renderLivret(structure: StructureView, offre: OffreInsertion, fileName: string): Promise<PdfDocument> {
  return renderPdf(createElement(Livret, { structure, offre }), fileName);
}
