/** Routes `bilans.*`: bilans of a parcours, where the person has their say. */
import type { RouteTable } from '../router';
import { onParcours, personneOf } from './support/parcours-of-person';

export const bilansRoutes = {
  'bilans.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'bilan', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.accompagnement.saveBilan(input, ctx.user!.id, ctx.now)),
  },
} satisfies Partial<RouteTable>;
