/** Security events in the audit log (routes `securite.*` and `system.*`). */
import type { RequestContext } from '../../router';

/** Writes the event in its own transaction: these routes do their work outside one. */
export function auditSecurity(ctx: RequestContext, detail: Record<string, unknown>): void {
  const open = ctx.runtime.openOrNull();
  if (!open) return;
  open.transaction(() =>
    open.audit.append({ at: ctx.runtime.clock.now().toISOString(), userId: ctx.user?.id ?? null, userLogin: ctx.user?.login ?? null, action: 'update', route: ctx.route, detail }),
  );
}
