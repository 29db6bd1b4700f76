/** Routes `offre.*`: the structure's insertion offer presented at the accueil. */
import type { RouteTable } from '../router';
import { getOffre, saveOffre } from '../services/offre/offre-service';

export const offreRoutes = {
  'offre.get': { permission: 'personnes.read', handler: (ctx) => getOffre(ctx.open.db) },
  'offre.update': { permission: 'offre.manage', handler: (ctx, input) => saveOffre(ctx.open.db, input, ctx.now) },
} satisfies Partial<RouteTable>;
