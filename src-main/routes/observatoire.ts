/** Routes `observatoire.*`: the Observatoire's figures of a year and the drill-down to the persons counted. */
import type { RequestContext, RouteTable } from '../router';
import { AppError } from '../../src-shared/errors';
import { isSensitivePartition } from '../../src-shared/observatoire/sensitive-lists';
import { isSensitiveIndicator } from '../../src-shared/observatoire/suppression';
import { roleHasPermission } from '../../src-shared/roles';
import { toIsoDate } from '../../src-shared/rules/dates';
import { assertYear } from '../services/observatoire/annual-report';

function mayReadSensitive(ctx: RequestContext): boolean {
  return roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'sensibles.read');
}

export const observatoireRoutes = {
  'observatoire.year': {
    permission: 'observatoire.read',
    handler: (ctx, input) => {
      assertYear(input.annee, toIsoDate(ctx.now));
      // The page asks for the parts it shows (issue 19: its cards and open tab, not every figure of three years).
      const parties = input.parties ?? null;
      const figuresOf = (annee: number) => (parties ? ctx.open.indicators.computeParts(annee, parties) : ctx.open.indicators.compute(annee));
      const current = figuresOf(input.annee);
      const withPrevious = !parties?.includes('tout');
      const precedents = withPrevious ? [input.annee - 1, input.annee - 2].map((annee) => ({ annee, indicateurs: figuresOf(annee).indicateurs })) : [];
      // Health and justice counts are for need-to-know roles only, even as aggregates.
      const masques = mayReadSensitive(ctx) ? [] : Object.keys(current.indicateurs).filter(isSensitiveIndicator);
      const hide = (m: Record<string, number | null>) => Object.fromEntries(Object.entries(m).filter(([id]) => !masques.includes(id)));
      return {
        annee: input.annee,
        dispositifs: current.dispositifs,
        parties,
        indicateurs: hide(current.indicateurs),
        precedents: precedents.map((p) => ({ annee: p.annee, indicateurs: hide(p.indicateurs) })),
        anneesDisponibles: ctx.open.indicators.availableYears(ctx.now.getFullYear()),
        masques,
        detailAutorise: roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'personnes.read'),
        detailSensibleAutorise: mayReadSensitive(ctx),
      };
    },
  },
  'observatoire.detail': {
    permission: 'personnes.read',
    audit: { action: 'read', entity: 'observatoire', recordId: (input) => `${input.annee}:${input.id}` },
    handler: (ctx, input) => {
      if (!roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'observatoire.read')) throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas cette action.');
      // A sensitive count, or any list of a family that holds one: the harmless lists would single out the persons
      // of the sensitive ones by complement (issue 20 §1, src-shared/domain/need-to-know.ts).
      if ((isSensitiveIndicator(input.id) || isSensitivePartition(input.id)) && !mayReadSensitive(ctx)) {
        throw new AppError('FORBIDDEN', 'Cette liste touche à la santé ou à la justice, directement ou par déduction : elle est réservée à la direction et aux CIP.');
      }
      assertYear(input.annee, toIsoDate(ctx.now));
      return ctx.open.drillDown.persons(input.annee, input.id);
    },
  },
} satisfies Partial<RouteTable>;
