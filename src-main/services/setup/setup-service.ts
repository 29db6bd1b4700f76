import type { z } from 'zod';
import { dispositifs, structure } from '../../../db/schema';
import type { setupInputSchema } from '../../../src-shared/schemas/setup';
import { DEFAULT_SECURITY_SETTINGS } from '../../../src-shared/schemas/settings';
import type { SessionInfo } from '../../../src-shared/views';
import { uuidv7 } from '../../lib/uuid';
import type { RequestContext } from '../../router';
import { sessionInfo } from '../auth/auth-service';

/**
 * The first-run wizard's single command: the structure, the dispositifs it runs, and its first administrator, all
 * in one transaction. The router only lets it run while the database has no structure.
 */
export function completeSetup(ctx: RequestContext, input: z.output<typeof setupInputSchema>): SessionInfo {
  const { db, users, security } = ctx.open;
  const at = ctx.now.toISOString();
  db.insert(structure)
    .values({ id: uuidv7(ctx.now.getTime()), ...input.structure, createdAt: at, updatedAt: at })
    .run();
  for (const kind of input.dispositifs) {
    db.insert(dispositifs).values({ id: uuidv7(ctx.now.getTime()), kind, createdAt: at }).run();
  }
  security.update(DEFAULT_SECURITY_SETTINGS, ctx.now);
  const admin = users.create(
    {
      login: input.admin.login,
      displayName: input.admin.displayName,
      role: 'direction',
      isAdmin: true,
      password: input.admin.password,
      mustChangePassword: false,
    },
    ctx.now,
  );
  ctx.audit({ action: 'create', entity: 'structure', detail: { dispositifs: input.dispositifs } });
  ctx.audit({ action: 'create', entity: 'user', entityId: admin.id, userId: admin.id, userLogin: admin.login });
  const session = ctx.open.sessions.create(admin.id);
  ctx.open.markSetUp();
  return sessionInfo(ctx, session);
}
