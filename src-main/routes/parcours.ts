/** Routes `parcours.*`: parcours of a person: open one, list them, remove an entry. */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { parcoursOf, onParcours, personneOf } from './support/parcours-of-person';

export const parcoursRoutes = {
  'parcours.ofPersonne': {
    permission: 'parcours.read',
    audit: { action: 'read', entity: 'parcours', recordId: (input) => input.personneId },
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      return parcoursOf(ctx, input.personneId);
    },
  },
  'parcours.open': {
    permission: 'parcours.write',
    audit: { action: 'create', entity: 'parcours', recordId: personneOf },
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.parcours.open({ ...input, accueilId: null }, ctx.now);
      return parcoursOf(ctx, input.personneId);
    },
  },
  'parcours.deleteEntry': {
    permission: 'parcours.write',
    audit: { action: 'delete', entity: 'element_parcours', recordId: personneOf },
    handler: (ctx, input) =>
      onParcours(ctx, input.parcoursId, () =>
        input.type === 'bilan'
          ? ctx.open.accompagnement.deleteBilan(input.parcoursId, input.id, input.confirme)
          : ctx.open.actions.deleteEntry(input.type, input.parcoursId, input.id, droitsOf(ctx.user!).sensibles, input.confirme),
      ),
  },
} satisfies Partial<RouteTable>;
