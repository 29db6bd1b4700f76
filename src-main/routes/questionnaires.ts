/** Routes `questionnaires.*`: satisfaction questionnaires and their results. */
import type { RouteTable } from '../router';

export const questionnairesRoutes = {
  'questionnaires.list': {
    permission: 'qualite.borne',
    handler: (ctx) => {
      ctx.open.questionnaires.ensureDefaults(ctx.now);
      return ctx.open.questionnaires.list();
    },
  },
  'questionnaires.save': {
    permission: 'qualite.manage',
    audit: { action: 'update', entity: 'questionnaire' },
    handler: (ctx, input) => {
      ctx.open.questionnaires.save(input, ctx.now);
      return ctx.open.questionnaires.list();
    },
  },
  'questionnaires.results': { permission: 'qualite.manage', handler: (ctx, input) => ctx.open.questionnaires.results(input.id, input.du, input.au) },
} satisfies Partial<RouteTable>;
