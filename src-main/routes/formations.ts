/** Routes `formations.*`: training actions of a parcours. */
import type { RouteTable } from '../router';
import { onParcours, personneOf } from './support/parcours-of-person';

export const formationsRoutes = {
  'formations.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'formation', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.saveFormation(input, ctx.now)),
  },
} satisfies Partial<RouteTable>;
