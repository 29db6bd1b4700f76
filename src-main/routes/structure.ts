/** Routes `structure.*`: the structure's identity. */
import type { RouteTable } from '../router';
import { getStructure } from '../services/structure/structure-service';

export const structureRoutes = {
  'structure.get': { permission: 'structure.read', handler: (ctx) => getStructure(ctx.open.db) },
} satisfies Partial<RouteTable>;
