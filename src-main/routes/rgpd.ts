/** Routes `rgpd.*`: RGPD: retention review and anonymisation, access requests, erasure checks. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';
import { accessExport } from '../services/rgpd/access-export';
import { getStructure } from '../services/structure/structure-service';

export const rgpdRoutes = {
  'rgpd.access': {
    permission: 'rgpd.manage',
    transaction: false,
    handler: async (ctx, input) => {
      const structure = ctx.transaction(() => {
        ctx.audit({ action: 'export', entity: 'personne', entityId: input.id, detail: { motif: 'droit_acces' } });
        return getStructure(ctx.open.db);
      });
      const made = await accessExport(ctx.open.sqlite, structure, input.id, ctx.now);
      return { fileName: made.fileName, base64: Buffer.from(made.zip).toString('base64') };
    },
  },
  'rgpd.review': { permission: 'rgpd.manage', handler: (ctx) => ctx.open.retention.review(toIsoDate(ctx.now)) },
  'rgpd.settings': { permission: 'rgpd.manage', handler: (ctx) => ctx.open.retention.settings() },
  'rgpd.setSettings': {
    permission: 'rgpd.manage',
    audit: { action: 'update', entity: 'conservation_rgpd' },
    handler: (ctx, input) => {
      ctx.open.retention.setSettings(input, ctx.now);
      return ctx.open.retention.settings();
    },
  },
  'rgpd.anonymise': {
    permission: 'rgpd.manage',
    handler: (ctx, input) => {
      ctx.open.retention.anonymise(input.ids, toIsoDate(ctx.now), ctx.now, { id: ctx.user!.id, login: ctx.user!.login });
      return ctx.open.retention.review(toIsoDate(ctx.now));
    },
  },
  'rgpd.demandes': { permission: 'rgpd.manage', handler: (ctx) => ctx.open.rgpdRequests.list(toIsoDate(ctx.now)) },
  'rgpd.saveDemande': {
    permission: 'rgpd.manage',
    handler: (ctx, input) => {
      const id = ctx.open.rgpdRequests.save(input, ctx.now, ctx.user!.id);
      ctx.audit({ action: input.id ? 'update' : 'create', entity: 'demande_rgpd', entityId: id, detail: { type: input.type } });
      return ctx.open.rgpdRequests.list(toIsoDate(ctx.now));
    },
  },
  'rgpd.repondreDemande': {
    permission: 'rgpd.manage',
    handler: (ctx, input) => {
      ctx.open.rgpdRequests.answer(input, ctx.now, { id: ctx.user!.id, login: ctx.user!.login });
      ctx.audit({ action: 'update', entity: 'demande_rgpd', entityId: input.id, detail: { reponse: input.statut, effacement: input.effacer } });
      return ctx.open.rgpdRequests.list(toIsoDate(ctx.now));
    },
  },
  'rgpd.verifierEffacement': { permission: 'rgpd.manage', handler: (ctx, input) => ctx.open.rgpdRequests.erasureCheck(input.id, toIsoDate(ctx.now)) },
} satisfies Partial<RouteTable>;
