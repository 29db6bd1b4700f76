/** Routes `parametres.*`: dated parameters (H_ref, delays, thresholds, exit mapping). */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';
import { PARAMETRE_VALEUR_SCHEMAS } from '../../src-shared/schemas/parametres';

export const parametresRoutes = {
  'parametres.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.parametres.list(toIsoDate(ctx.now)) },
  'parametres.add': {
    permission: 'parametres.manage',
    handler: (ctx, input) => {
      const valeur = PARAMETRE_VALEUR_SCHEMAS[input.cle].parse(input.valeur);
      ctx.open.parametres.add(input.cle, input.valideDu, valeur, ctx.user!.id, ctx.now);
      ctx.audit({ action: 'update', entity: 'parametre', entityId: input.cle, detail: { valideDu: input.valideDu } });
      return ctx.open.parametres.list(toIsoDate(ctx.now));
    },
  },
} satisfies Partial<RouteTable>;
