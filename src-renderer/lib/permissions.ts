import { roleHasPermission, type Permission } from '../../src-shared/roles';
import type { SessionUser } from '../../src-shared/views';

/** Whether the user may use a feature; the main process checks again on every call. */
export function can(user: SessionUser, permission: Permission): boolean {
  return roleHasPermission(user.role, user.isAdmin, permission);
}
