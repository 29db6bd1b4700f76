/** Routes `clients.*`: the AI/ETTI clients and whether their placements count towards the 480 hours. */
import type { RouteTable } from '../router';

export const clientsRoutes = {
  'clients.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.clients.list() },
  'clients.save': {
    permission: 'heures.write',
    handler: (ctx, input) => {
      ctx.open.clients.save(input, ctx.now);
      return ctx.open.clients.list();
    },
  },
} satisfies Partial<RouteTable>;
