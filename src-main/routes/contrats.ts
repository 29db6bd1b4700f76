/** Routes `contrats.*`: work contracts of a parcours, checked against the Code du travail before saving. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';
import { parcoursOf, personneOf } from './support/parcours-of-person';

export const contratsRoutes = {
  'contrats.check': { permission: 'parcours.write', handler: (ctx, input) => ctx.open.parcours.check(input, toIsoDate(ctx.now)) },
  'contrats.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'contrat', recordId: personneOf },
    handler: (ctx, input) => {
      ctx.open.parcours.saveContrat(input, toIsoDate(ctx.now), ctx.now);
      return parcoursOf(ctx, ctx.open.parcours.row(input.parcoursId).personneId);
    },
  },
} satisfies Partial<RouteTable>;
