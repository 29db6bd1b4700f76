/** Routes `qualite.*`: the continuous-improvement registers, the CEDRE self-assessment and the audit file. */
import type { RequestContext, RouteDefinition, RouteTable } from '../router';
import { AppError } from '../../src-shared/errors';
import { toIsoDate } from '../../src-shared/rules/dates';
import { REGISTERS } from '../../src-shared/qualite/registers';
import { registerRowSchema } from '../../src-shared/qualite/register-schema';
import { buildAuditPack } from '../services/qualite/audit-pack';
import type { ParsedInput, RouteOutput } from '../../src-shared/contract';

/** A write to one of the quality registers: audited, and answered with the registers as they now are. */
function registerWrite<R extends 'qualite.saveAction' | 'qualite.saveReclamation' | 'qualite.addBesoin' | 'qualite.addSatisfaction'>(
  entity: string,
  action: 'create' | 'update',
  write: (ctx: RequestContext, input: ParsedInput<R>) => void,
): RouteDefinition<R> {
  return {
    permission: 'qualite.manage',
    audit: { action, entity },
    handler: (ctx, input) => {
      write(ctx, input);
      return ctx.open.quality.all() as RouteOutput<R>;
    },
  };
}

export const qualiteRoutes = {
  'qualite.registres': { permission: 'qualite.manage', handler: (ctx) => ctx.open.quality.all() },
  'qualite.saveAction': registerWrite('action_amelioration', 'update', (ctx, input) => ctx.open.quality.saveAction(input, ctx.user!.id, ctx.now)),
  'qualite.saveReclamation': registerWrite('reclamation', 'update', (ctx, input) => ctx.open.quality.saveReclamation(input, ctx.now)),
  'qualite.addBesoin': registerWrite('besoin_non_satisfait', 'create', (ctx, input) => ctx.open.quality.addBesoin(input, ctx.now)),
  'qualite.addSatisfaction': registerWrite('reponse_satisfaction', 'create', (ctx, input) => ctx.open.quality.addSatisfaction(input, ctx.now)),
  'qualite.registre': { permission: 'qualite.manage', handler: (ctx, input) => ctx.open.registers.list(input.registre) },
  'qualite.saveRegistre': {
    permission: 'qualite.manage',
    handler: (ctx, input) => {
      const row = registerRowSchema(REGISTERS[input.registre]).parse(input.ligne) as Record<string, unknown> & { id: string | null };
      const id = ctx.open.registers.save(input.registre, row, ctx.now);
      ctx.audit({ action: row.id ? 'update' : 'create', entity: REGISTERS[input.registre].table, entityId: id });
      return ctx.open.registers.list(input.registre);
    },
  },
  'qualite.registreVersAction': {
    // An audit finding or an environment check opens an action of the improvement plan, titled by it.
    permission: 'qualite.manage',
    handler: (ctx, input) => {
      const spec = REGISTERS[input.registre];
      if (!spec.toAction) throw new AppError('VALIDATION', 'Ce registre n’ouvre pas d’action d’amélioration.');
      const row = ctx.open.registers.list(input.registre).find((r) => r.id === input.id);
      if (!row) throw new AppError('NOT_FOUND', 'Cette ligne n’existe plus.');
      const title = String(row[spec.toAction.titleField] ?? '').slice(0, 200);
      ctx.open.quality.saveAction(
        { id: null, intitule: title, origine: spec.toAction.origine, responsable: '', indicateur: '', dateOuverture: toIsoDate(ctx.now), echeance: null, dateCloture: null, resultat: '' },
        ctx.user!.id,
        ctx.now,
      );
      ctx.audit({ action: 'create', entity: 'action_amelioration', entityId: null, detail: { depuis: spec.table, ligne: input.id } });
      return null;
    },
  },
  'qualite.fichiersDocument': { permission: 'qualite.manage', handler: (ctx, input) => ctx.open.manualFiles.list(input.id) },
  'qualite.joindreFichier': {
    permission: 'qualite.manage',
    audit: { action: 'create', entity: 'document_qualite_fichier', recordId: (input) => input.documentId },
    handler: (ctx, input) => {
      ctx.open.manualFiles.attach(input.documentId, input.file.name, Buffer.from(input.file.base64, 'base64'), ctx.now);
      return ctx.open.manualFiles.list(input.documentId);
    },
  },
  'qualite.telechargerFichier': { permission: 'qualite.manage', handler: (ctx, input) => ctx.open.manualFiles.download(input.id) },
  'qualite.autoEvaluation': {
    permission: 'qualite.manage',
    handler: (ctx, input) => {
      ctx.open.selfAssessment.ensureGrid(ctx.now);
      return ctx.open.selfAssessment.view(input.annee);
    },
  },
  'qualite.noterExigence': {
    permission: 'qualite.manage',
    audit: { action: 'update', entity: 'auto_evaluation', recordId: (input) => `${input.code}/${input.annee}` },
    handler: (ctx, input) => {
      ctx.open.selfAssessment.ensureGrid(ctx.now);
      ctx.open.selfAssessment.rate(input, ctx.now, ctx.user!.id);
      return ctx.open.selfAssessment.view(input.annee);
    },
  },
  'qualite.exporterGrille': {
    permission: 'qualite.manage',
    handler: (ctx) => {
      ctx.open.selfAssessment.ensureGrid(ctx.now);
      const json = JSON.stringify(ctx.open.selfAssessment.exportGrid(), null, 2);
      return { fileName: 'grille-auto-evaluation-cedre.json', base64: Buffer.from(json, 'utf8').toString('base64') };
    },
  },
  'qualite.importerGrille': {
    permission: 'qualite.manage',
    handler: (ctx, input) => {
      const count = ctx.open.selfAssessment.importGrid(Buffer.from(input.file.base64, 'base64').toString('utf8'), ctx.now);
      ctx.audit({ action: 'update', entity: 'grille_exigences', entityId: null, detail: { exigences: count, fichier: input.file.name } });
      return ctx.open.selfAssessment.view(ctx.now.getFullYear());
    },
  },
  'qualite.dossierAudit': {
    permission: 'qualite.manage',
    transaction: false,
    handler: async (ctx, input) => {
      // Steps for the screen; cancellable throughout: nothing is written before the audit row below.
      const pack = await buildAuditPack(ctx.open, input.annee, input.avecPersonnes, ctx.now, (step, done, total) => {
        ctx.job.throwIfCancelled();
        ctx.job.report({ step, done, total, unit: 'étapes', cancellable: true });
      });
      ctx.job.throwIfCancelled();
      ctx.transaction(() => ctx.audit({ action: 'export', entity: 'dossier_audit', entityId: String(input.annee), detail: { avecPersonnes: input.avecPersonnes } }));
      return pack;
    },
  },
} satisfies Partial<RouteTable>;
