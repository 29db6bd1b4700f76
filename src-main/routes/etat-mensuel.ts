/** Routes `etatMensuel.*`: the monthly statement for the ASP (état mensuel) and ACI paid hours. */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';

export const etatMensuelRoutes = {
  'etatMensuel.get': {
    permission: 'heures.write',
    audit: { action: 'read', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.etatMensuel.statement(input.mois, droitsOf(ctx.user!).sensibles),
  },
  'etatMensuel.savePayees': {
    permission: 'heures.write',
    audit: { action: 'update', entity: 'heures', recordId: (input) => `${input.mois}:payees` },
    handler: (ctx, input) => {
      ctx.open.etatMensuel.savePaidHours(input, ctx.now);
      return ctx.open.etatMensuel.statement(input.mois, droitsOf(ctx.user!).sensibles);
    },
  },
} satisfies Partial<RouteTable>;
