/** Routes `suivis.*`: follow-up after an exit. */
import type { RouteTable } from '../router';
import { onParcours, personneOf } from './support/parcours-of-person';

export const suivisRoutes = {
  'suivis.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'suivi_sortie', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, (dateSortie) => ctx.open.actions.saveSuivi(input, dateSortie, ctx.now)),
  },
} satisfies Partial<RouteTable>;
