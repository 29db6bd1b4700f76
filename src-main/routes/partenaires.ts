/** Routes `partenaires.*`: partners and their interventions. */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';

export const partenairesRoutes = {
  'partenaires.interventions': {
    permission: 'parcours.read',
    audit: { action: 'read', entity: 'partenaire', recordId: (input) => input.id },
    handler: (ctx, input) => ctx.open.actions.interventionsOf(input.id, droitsOf(ctx.user!).sensibles),
  },
  'partenaires.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.actions.partenaires() },
  'partenaires.save': {
    permission: 'parcours.write',
    handler: (ctx, input) => {
      ctx.open.actions.savePartenaire(input, ctx.now);
      return ctx.open.actions.partenaires();
    },
  },
} satisfies Partial<RouteTable>;
