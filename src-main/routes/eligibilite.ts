/** Routes `eligibilite.*`: eligibility diagnoses and their criteria. */
import type { RouteTable } from '../router';
import { fileOf, audit } from './support/person-file';

export const eligibiliteRoutes = {
  'eligibilite.save': {
    permission: 'diagnostic.write',
    audit: audit('update', 'diagnostic_eligibilite'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveEligibilite(input, ctx.user!.id, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'eligibilite.delete': {
    permission: 'diagnostic.write',
    audit: audit('delete', 'diagnostic_eligibilite'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteEligibilite(input.id)),
  },
} satisfies Partial<RouteTable>;
