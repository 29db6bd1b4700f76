/** Routes `pass.*`: PASS IAE: record, suspend, prolong. */
import type { RouteTable } from '../router';
import { today, fileOf, audit } from './support/person-file';

export const passRoutes = {
  'pass.save': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.pass.save(input, ctx.now);
      ctx.open.personnes.reindex(input.personneId);
      return fileOf(ctx, input.personneId);
    },
  },
  'pass.addSuspension': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.pass.addSuspension(input, today(ctx), ctx.now)),
  },
  'pass.addProlongation': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.pass.addProlongation(input, today(ctx), ctx.now)),
  },
} satisfies Partial<RouteTable>;
