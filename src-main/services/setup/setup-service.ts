import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { dispositifs, structure } from '../../../db/schema';
import type { setupInputSchema } from '../../../src-shared/schemas/setup';
import { DEFAULT_SECURITY_SETTINGS } from '../../../src-shared/schemas/settings';
import type { SessionInfo, SystemStatus } from '../../../src-shared/views';
import { AppError } from '../../../src-shared/errors';
import { createDemo } from '../demo/demo-service';
import { hasStructure } from '../structure/structure-service';
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
  // An import into a new file may have created the structure already: the wizard's answers then update it.
  const existing = db.select().from(structure).limit(1).get();
  if (existing) db.update(structure).set({ ...input.structure, updatedAt: at }).where(eq(structure.id, existing.id)).run();
  else db.insert(structure).values({ id: uuidv7(ctx.now.getTime()), ...input.structure, createdAt: at, updatedAt: at }).run();
  const present = new Set(db.select({ kind: dispositifs.kind }).from(dispositifs).all().map((d) => d.kind));
  for (const kind of input.dispositifs) {
    if (!present.has(kind)) db.insert(dispositifs).values({ id: uuidv7(ctx.now.getTime()), kind, createdAt: at }).run();
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
  // The signing key of the annual reports exists from the first day; its sheet is printed from the observatoire.
  ctx.open.signingKeys.ensure(ctx.now, admin.id);
  const session = ctx.open.sessions.create(admin.id);
  ctx.open.markSetUp();
  return sessionInfo(ctx, session);
}

/**
 * "Découvrir avec une démonstration": the fictitious structure and its team's accounts in this (empty) database,
 * so that a newcomer sees a living structure. The login screen then names the demo accounts.
 */
export function openDemo(ctx: RequestContext): SystemStatus {
  if (hasStructure(ctx.open.db)) throw new AppError('CONFLICT', 'Une structure est déjà enregistrée dans cette base : la démonstration se crée dans une base vide.');
  // Five years, so that the three the observatoire shows (the last complete year and the two before) are all
  // established years, not the demo's first months.
  createDemo(ctx.open, { scale: 1, years: 5, seed: 2026 }, ctx.now);
  ctx.audit({ action: 'create', entity: 'demonstration' });
  ctx.open.markSetUp();
  return ctx.runtime.status();
}
