/** Routes `accueils.*`: intakes of a person (record, decide with them, correct) and the accueil's alerts on the dashboard. */
import { proofsToComplete } from '../services/accueil/proofs-to-complete';
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { today, fileOf, audit } from './support/person-file';

export const accueilsRoutes = {
  'accueils.create': {
    permission: 'accueil.write',
    audit: audit('create', 'accueil'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.accueils.create(input, input.personneId, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'accueils.update': {
    permission: 'accueil.write',
    audit: audit('update', 'accueil'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.accueils.update(input, ctx.now).personneId),
  },
  'accueils.decide': {
    permission: 'diagnostic.write',
    audit: audit('update', 'accueil'),
    handler: (ctx, input) => {
      const decided = ctx.open.accueils.decide(input, ctx.now);
      // An entry opens the parcours in its dispositif (or keeps the one already open there), in the same transaction.
      if (input.decision === 'entree' && input.dispositif) {
        ctx.open.parcours.open({ personneId: decided.personneId, dispositif: input.dispositif, referentId: input.referentId, accueilId: decided.id }, ctx.now);
      }
      return fileOf(ctx, decided.personneId);
    },
  },
  'accueils.alerts': {
    permission: 'accueil.read',
    handler: (ctx) => ({
      passFinProche: ctx.open.pass.endingSoon(today(ctx)),
      enAttente: ctx.open.accueils.countWaiting(),
      justificatifsACompleter: proofsToComplete(ctx.open.sqlite, today(ctx), droitsOf(ctx.user!).sensibles, ctx.open.parametres.datedValues('validite_justificatifs_mois')),
    }),
  },
} satisfies Partial<RouteTable>;
