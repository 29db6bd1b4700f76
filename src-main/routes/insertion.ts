/** Routes `insertion.*`: the insertion's due work on the dashboard (bilans, CER, contracts ending, 480 hours). */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';

export const insertionRoutes = {
  'insertion.dueWork': {
    permission: 'parcours.read',
    // A CIP sees the parcours they follow; other roles see the structure's.
    handler: (ctx) => ctx.open.dueWork.list(toIsoDate(ctx.now), ctx.user!.role === 'cip' ? ctx.user!.id : null),
  },
} satisfies Partial<RouteTable>;
