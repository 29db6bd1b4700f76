/** Routes `pmsmp.*`: PMSMP (immersion periods) of a parcours. */
import type { RouteTable } from '../router';
import { onParcours, personneOf } from './support/parcours-of-person';

export const pmsmpRoutes = {
  'pmsmp.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'pmsmp', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.savePmsmp(input, ctx.now)),
  },
} satisfies Partial<RouteTable>;
