/** Routes `sorties.*`: the exit (sortie) of a parcours with its official category. */
import type { RouteTable } from '../router';
import { parcoursOf, personneOf } from './support/parcours-of-person';

export const sortiesRoutes = {
  'sorties.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'sortie', recordId: personneOf },
    handler: (ctx, input) => parcoursOf(ctx, ctx.open.parcours.saveSortie(input, ctx.now)),
  },
} satisfies Partial<RouteTable>;
