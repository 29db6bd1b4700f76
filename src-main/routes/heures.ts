/** Routes `heures.*`: hours of the month: the grid, saving, closing, exporting. */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';

export const heuresRoutes = {
  'heures.saveMonth': {
    permission: 'heures.write',
    audit: { action: 'update', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.heures.saveMonth(input, ctx.now),
  },
  'heures.closeMonth': {
    permission: 'heures.close',
    handler: (ctx, input) => {
      ctx.open.heures.closeMonth(input.mois, ctx.user!.id, ctx.now);
      ctx.audit({ action: 'update', entity: 'mois_cloture', entityId: input.mois });
      return null;
    },
  },
  'heures.month': {
    permission: 'heures.write',
    audit: { action: 'read', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.heures.month(input.mois),
  },
  'heures.exportMonth': {
    permission: 'heures.write',
    audit: { action: 'export', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.etatMensuel.csv(input.mois, droitsOf(ctx.user!).sensibles),
  },
} satisfies Partial<RouteTable>;
