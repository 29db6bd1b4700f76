/** Routes `cer.*`: the contrat d'engagement réciproque of a parcours and its versions. */
import type { RouteTable } from '../router';
import { onParcours, personneOf } from './support/parcours-of-person';

export const cerRoutes = {
  'cer.save': {
    permission: 'parcours.write',
    audit: { action: 'create', entity: 'cer', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.accompagnement.saveCer(input, ctx.user!.id, ctx.now)),
  },
} satisfies Partial<RouteTable>;
