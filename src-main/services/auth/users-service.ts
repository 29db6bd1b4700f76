import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import type { Role } from '../../../src-shared/roles';
import type { SessionUser, UserView } from '../../../src-shared/views';
import { uuidv7 } from '../../lib/uuid';
import { hashPassword } from './passwords';

type UserRow = typeof users.$inferSelect;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    role: row.role as Role,
    isAdmin: row.isAdmin,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  isAdmin: boolean;
  password: string;
  mustChangePassword: boolean;
}

/** User accounts. Callers run these inside the route's transaction. */
export class UsersService {
  constructor(private readonly db: Db) {}

  byId(id: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  byLogin(login: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.login, login.toLowerCase())).get();
  }

  /** The user behind a session, if the account still exists and is active (deactivation ends sessions). */
  sessionUser(id: string): SessionUser | null {
    const row = this.byId(id);
    if (!row || !row.active) return null;
    const { id: userId, login, displayName, role, isAdmin, mustChangePassword } = toUserView(row);
    return { id: userId, login, displayName, role, isAdmin, mustChangePassword };
  }

  list(): UserView[] {
    return this.db.select().from(users).orderBy(asc(users.displayName)).all().map(toUserView);
  }

  create(input: NewUser, now: Date): UserView {
    if (this.byLogin(input.login)) {
      throw new AppError('CONFLICT', 'Cet identifiant est déjà utilisé.', { login: 'Cet identifiant est déjà utilisé.' });
    }
    const at = now.toISOString();
    const row = this.db
      .insert(users)
      .values({
        id: uuidv7(now.getTime()),
        login: input.login.toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        isAdmin: input.isAdmin,
        active: true,
        passwordHash: hashPassword(input.password),
        mustChangePassword: input.mustChangePassword,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    return toUserView(row);
  }

  update(id: string, changes: Partial<Omit<UserRow, 'id' | 'createdAt'>>, now: Date): UserView {
    const row = this.db
      .update(users)
      .set({ ...changes, updatedAt: now.toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get();
    if (!row) throw new AppError('NOT_FOUND', "Ce compte n'existe pas (ou plus).");
    return toUserView(row);
  }

  /** The structure must always keep one active administrator, or nobody could manage accounts again. */
  assertAnotherActiveAdmin(excludingId: string): void {
    const others = this.db
      .select({ id: users.id, isAdmin: users.isAdmin, active: users.active })
      .from(users)
      .all()
      .filter((u) => u.id !== excludingId && u.isAdmin && u.active);
    if (others.length === 0) {
      throw new AppError(
        'CONFLICT',
        'Ce compte est le dernier administrateur actif : nommez d’abord un autre administrateur.',
      );
    }
  }
}
