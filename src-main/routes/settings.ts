/** Routes `settings.*`: security settings (session length, password rules). */
import type { RouteTable } from '../router';

export const settingsRoutes = {
  'settings.getSecurity': { permission: 'authenticated', handler: (ctx) => ctx.open.security.get() },
  'settings.updateSecurity': {
    permission: 'admin',
    handler: (ctx, input) => {
      ctx.audit({ action: 'update', entity: 'settings', entityId: 'securite', detail: { ...input } });
      return ctx.open.security.update(input, ctx.now);
    },
  },
} satisfies Partial<RouteTable>;
