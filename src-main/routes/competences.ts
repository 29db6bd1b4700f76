/** Routes `competences.*`: a person's skills assessed at the accueil. */
import type { RouteTable } from '../router';
import { fileOf, audit } from './support/person-file';

export const competencesRoutes = {
  'competences.save': {
    permission: 'accueil.write',
    audit: audit('update', 'competence'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveCompetence(input, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'competences.delete': {
    permission: 'accueil.write',
    audit: audit('delete', 'competence'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteCompetence(input.id)),
  },
} satisfies Partial<RouteTable>;
