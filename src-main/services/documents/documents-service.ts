/** The documents printed at the intake, rendered in the main process as PDF. */
import { AppError } from '../../../src-shared/errors';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { foldText } from '../../../src-shared/rules/text';
import type { PdfDocument } from '../../../src-shared/views-accueil';
import type { RequestContext } from '../../router';
import { getOffre } from '../offre/offre-service';
import { getStructure } from '../structure/structure-service';
import { createElement } from 'react';
import { IntakeSummary } from './intake-summary';
import { Livret } from './livret';
import { Notice } from './notice';
import { loadPdfKit } from './pdf-layout';
import { BilanDocument, CerDocument } from './cer-bilan';
import { droitsOf } from '../access';

function slug(text: string): string {
  return foldText(text).replace(/ /g, '-');
}

export async function intakeSummaryPdf(ctx: RequestContext, accueilId: string): Promise<PdfDocument> {
  // Read in one transaction; rendering (slow) happens outside it.
  const { structure, file, accueil } = ctx.transaction(() => {
    const row = ctx.open.accueils.row(accueilId);
    const file = ctx.open.personnes.file(row.personneId, ctx.user!, toIsoDate(ctx.now));
    return { structure: getStructure(ctx.open.db), file, accueil: file.accueils!.find((a) => a.id === accueilId) };
  });
  if (!accueil) throw new AppError('NOT_FOUND', 'Accueil introuvable.');
  const name = `synthese-accueil-${slug(file.personne.nom)}-${slug(file.personne.prenom)}-${accueil.datePremierContact}.pdf`;
  const kit = await loadPdfKit();
  return kit.render(createElement(IntakeSummary, { kit, structure, file, accueil }), name);
}

export async function noticePdf(ctx: RequestContext): Promise<PdfDocument> {
  const structure = ctx.transaction(() => getStructure(ctx.open.db));
  const kit = await loadPdfKit();
  return kit.render(createElement(Notice, { kit, structure }), 'notice-donnees-personnelles.pdf');
}

export async function livretPdf(ctx: RequestContext): Promise<PdfDocument> {
  const { structure, offre } = ctx.transaction(() => ({ structure: getStructure(ctx.open.db), offre: getOffre(ctx.open.db) }));
  if (!Object.values(offre).some(Boolean)) {
    throw new AppError('NOT_FOUND', "L'offre d'insertion n'est pas encore rédigée : complétez-la dans Paramètres → Offre d'insertion.");
  }
  const kit = await loadPdfKit();
  return kit.render(createElement(Livret, { kit, structure, offre }), `livret-accueil-${slug(structure.nom)}.pdf`);
}

function parcoursContext(ctx: RequestContext, parcoursId: string) {
  return ctx.transaction(() => {
    const row = ctx.open.parcours.row(parcoursId);
    const today = toIsoDate(ctx.now);
    const parcours = ctx.open.parcours.ofPersonne(row.personneId, today, droitsOf(ctx.user!).sensibles).find((p) => p.id === parcoursId)!;
    const file = ctx.open.personnes.file(row.personneId, ctx.user!, today);
    const pass = ctx.open.personnes.passOf(row.personneId, today, droitsOf(ctx.user!).sensibles).find((p) => !parcours.dateDebut || (p.dateDebut <= parcours.dateDebut && parcours.dateDebut <= p.finCalculee));
    return { structure: getStructure(ctx.open.db), personne: file.personne, parcours, passNumero: pass?.numero ?? null };
  });
}

/** The latest CER version of a parcours, to print and sign. */
export async function cerPdf(ctx: RequestContext, parcoursId: string): Promise<PdfDocument> {
  const context = parcoursContext(ctx, parcoursId);
  const cer = context.parcours.cer[0];
  if (!cer) throw new AppError('NOT_FOUND', "Ce parcours n'a pas encore de contrat d'engagement réciproque.");
  const kit = await loadPdfKit();
  const name = `cer-${slug(context.personne.nom)}-${slug(context.personne.prenom)}-v${cer.version}.pdf`;
  return kit.render(createElement(CerDocument, { kit, ...context, cer }), name);
}

export async function bilanPdf(ctx: RequestContext, parcoursId: string, bilanId: string): Promise<PdfDocument> {
  const context = parcoursContext(ctx, parcoursId);
  const bilan = context.parcours.bilans.find((b) => b.id === bilanId);
  if (!bilan) throw new AppError('NOT_FOUND', 'Bilan introuvable.');
  const kit = await loadPdfKit();
  const name = `bilan-${slug(context.personne.nom)}-${slug(context.personne.prenom)}-${bilan.date}.pdf`;
  return kit.render(createElement(BilanDocument, { kit, ...context, bilan }), name);
}
