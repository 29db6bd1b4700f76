/** Routes `referents.*`: the users who may be a person's referent. */
import type { RouteTable } from '../router';

export const referentsRoutes = {
  'referents.list': { permission: 'personnes.read', handler: (ctx) => ctx.open.accueils.referents() },
} satisfies Partial<RouteTable>;
