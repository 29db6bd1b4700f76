/** Routes `annexes.*`: the annexes financières and their versions (Paramètres → Annexes financières, issue 15 §1). */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';

export const annexesRoutes = {
  'annexes.list': { permission: 'observatoire.read', handler: (ctx) => ctx.open.annexes.list(toIsoDate(ctx.now)) },
  'annexes.save': {
    permission: 'parametres.manage',
    audit: { action: 'update', entity: 'annexe_financiere', recordId: (input) => input.annexeId ?? 'nouvelle' },
    handler: (ctx, input) => {
      ctx.open.annexes.save(input, ctx.now.toISOString());
      return ctx.open.annexes.list(toIsoDate(ctx.now));
    },
  },
  'annexes.deleteVersion': {
    permission: 'parametres.manage',
    audit: { action: 'delete', entity: 'annexe_financiere', recordId: (input) => input.id },
    handler: (ctx, input) => {
      ctx.open.annexes.deleteVersion(input.id, input.confirme);
      return ctx.open.annexes.list(toIsoDate(ctx.now));
    },
  },
} satisfies Partial<RouteTable>;
