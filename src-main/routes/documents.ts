/** Routes `documents.*`: documents printed for a person (notice, livret, intake summary, CER, bilan). */
import type { RouteTable } from '../router';
import { intakeSummaryPdf, livretPdf, noticePdf, bilanPdf, cerPdf } from '../services/documents/documents-service';

export const documentsRoutes = {
  'documents.intake': {
    permission: 'accueil.read',
    transaction: false,
    audit: { action: 'export', entity: 'accueil' },
    handler: (ctx, input) => intakeSummaryPdf(ctx, input.id),
  },
  'documents.notice': { permission: 'personnes.read', transaction: false, handler: (ctx) => noticePdf(ctx) },
  'documents.livret': { permission: 'personnes.read', transaction: false, handler: (ctx) => livretPdf(ctx) },
  'documents.cer': {
    permission: 'parcours.read',
    transaction: false,
    audit: { action: 'export', entity: 'cer', recordId: (input) => input.parcoursId },
    handler: (ctx, input) => cerPdf(ctx, input.parcoursId),
  },
  'documents.bilan': {
    permission: 'parcours.read',
    transaction: false,
    audit: { action: 'export', entity: 'bilan', recordId: (input) => input.bilanId },
    handler: (ctx, input) => bilanPdf(ctx, input.parcoursId, input.bilanId),
  },
} satisfies Partial<RouteTable>;
