/** The register of data-protection requests (issue 7 §5): record, answer, and erase where the law allows. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';

export const rgpdRoutes = {
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
