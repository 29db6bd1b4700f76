/** Routes `actionsFreins.*`: support actions on a person's freins (internal or by a partner). */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { onParcours, personneOf } from './support/parcours-of-person';

export const actionsFreinsRoutes = {
  'actionsFreins.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'action_frein', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.saveActionFrein(input, droitsOf(ctx.user!).sensibles, ctx.now)),
  },
} satisfies Partial<RouteTable>;
