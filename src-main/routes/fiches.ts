/** Routes `fiches.*`: the fiche salarié of a parcours (issue 15 §2). */
import { droitsOf } from '../services/access';
import type { RouteTable } from '../router';

export const fichesRoutes = {
  'fiches.get': {
    permission: 'parcours.read',
    handler: (ctx, input) => ctx.open.fiches.get(input.parcoursId, droitsOf(ctx.user!).sensibles),
  },
  'fiches.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'fiche_salarie', recordId: (input) => input.parcoursId },
    handler: (ctx, input) => {
      const sensibles = droitsOf(ctx.user!).sensibles;
      ctx.open.fiches.save(input, sensibles, ctx.now.toISOString());
      return ctx.open.fiches.get(input.parcoursId, sensibles);
    },
  },
} satisfies Partial<RouteTable>;
