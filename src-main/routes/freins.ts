/** Routes `freins.*`: a person's freins (obstacles to employment), need-to-know for health and justice. */
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { fileOf, audit } from './support/person-file';

export const freinsRoutes = {
  'freins.save': {
    permission: 'diagnostic.write',
    audit: audit('update', 'frein'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveFrein(input, droitsOf(ctx.user!).sensibles, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'freins.delete': {
    permission: 'diagnostic.write',
    audit: audit('delete', 'frein'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteFrein(input.id, droitsOf(ctx.user!).sensibles)),
  },
} satisfies Partial<RouteTable>;
