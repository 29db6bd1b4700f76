/**
 * The contract between renderer and main process: every route's name, its input schema (zod, also used by the
 * forms) and its output type. The main process binds a handler and a permission to each (src-main/routes.ts); the
 * renderer calls them through `api` (src-renderer/api.ts) over IPC or HTTP.
 */
import type { z } from 'zod';
import { emptyInput, idInput } from './schemas/common';
import { setupInputSchema } from './schemas/setup';
import { changePasswordInputSchema, loginInputSchema, unlockInputSchema } from './schemas/auth';
import { createUserInputSchema, resetPasswordInputSchema, updateUserInputSchema } from './schemas/users';
import { securitySettingsSchema } from './schemas/settings';
import type { SecuritySettings, SessionInfo, StructureView, SystemStatus, UserView } from './views';

interface RouteContract<I extends z.ZodType, O> {
  input: I;
  /** Type-only marker of the output; never set at run time. */
  output?: O;
}

function route<O>() {
  return <I extends z.ZodType>(input: I): RouteContract<I, O> => ({ input });
}

export const contract = {
  'system.status': route<SystemStatus>()(emptyInput),
  'system.restoreLatestBackup': route<SystemStatus>()(emptyInput),
  'setup.complete': route<SessionInfo>()(setupInputSchema),
  'auth.login': route<SessionInfo>()(loginInputSchema),
  'auth.session': route<SessionInfo | null>()(emptyInput),
  'auth.unlock': route<SessionInfo>()(unlockInputSchema),
  'auth.lock': route<null>()(emptyInput),
  'auth.logout': route<null>()(emptyInput),
  'auth.changePassword': route<SessionInfo>()(changePasswordInputSchema),
  'structure.get': route<StructureView>()(emptyInput),
  'users.list': route<UserView[]>()(emptyInput),
  'users.create': route<UserView>()(createUserInputSchema),
  'users.update': route<UserView>()(updateUserInputSchema),
  'users.resetPassword': route<UserView>()(resetPasswordInputSchema),
  'users.unlock': route<UserView>()(idInput),
  'settings.getSecurity': route<SecuritySettings>()(emptyInput),
  'settings.updateSecurity': route<SecuritySettings>()(securitySettingsSchema),
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
export const ROUTE_NAMES = Object.keys(contract) as RouteName[];

export type RouteInput<R extends RouteName> = z.input<Contract[R]['input']>;
export type ParsedInput<R extends RouteName> = z.output<Contract[R]['input']>;
export type RouteOutput<R extends RouteName> = Exclude<Contract[R]['output'], undefined>;
