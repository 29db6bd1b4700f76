/**
 * The router: one table of routes (routes.ts), each with its permission, its input schema (from the shared
 * contract) and its handler. For every call it checks the app state, the session and the role, parses the input,
 * runs the handler in one transaction and writes the audit log. No transport logic here: IPC and HTTP both call
 * `dispatch`.
 */
import { ZodError } from 'zod';
import { contract, type ParsedInput, type RouteName, type RouteOutput } from '../src-shared/contract';
import { AppError, type AppErrorPayload, type RpcResult } from '../src-shared/errors';
import { roleHasPermission, type Permission, type Role } from '../src-shared/roles';
import type { SessionUser } from '../src-shared/views';
import type { AuditAction, AuditEntry } from './services/audit/audit-log';
import type { Session } from './services/auth/sessions';
import type { AppRuntime, OpenRuntime } from './app-runtime';
import { UNFOLLOWED_JOB, type JobControl } from './jobs/job-control';

export type AppStateKind = 'setup' | 'ready' | 'damaged' | 'locked';

export interface RequestContext {
  runtime: AppRuntime;
  /** Present for every state but `damaged`. */
  open: OpenRuntime;
  route: RouteName;
  session: Session | null;
  user: SessionUser | null;
  now: Date;
  /** Adds an audit row to the current transaction. */
  audit(entry: Omit<AuditEntry, 'at' | 'userId' | 'userLogin' | 'route'> & Partial<Pick<AuditEntry, 'userId' | 'userLogin'>>): void;
  /** Runs work in its own transaction (for handlers declared `transaction: false`). */
  transaction<T>(work: () => T): T;
  /** Progress and cancellation of a long call the screen follows (a no-op control otherwise). */
  job: JobControl;
}

export interface RouteDefinition<R extends RouteName> {
  permission: Permission;
  /** States in which the route may run. Default: ready only. */
  states?: readonly AppStateKind[];
  /** Default true: the handler is synchronous and runs inside one transaction with its audit rows. */
  transaction?: boolean;
  /** May run while the session is locked by inactivity (unlock, logout, reading the session). */
  allowLocked?: boolean;
  /** May run before a required password change is done. */
  allowPasswordChangePending?: boolean;
  /** Whether a call counts as user activity for the idle lock. Default true. */
  touchesSession?: boolean;
  /**
   * Personal data touched: the router writes one audit row per successful call. The record is `input.id` or
   * `result.id` unless `recordId` says where else to find it.
   */
  audit?: { action: AuditAction; entity: string; recordId?: (input: ParsedInput<R>, result: RouteOutput<R>) => string | null };
  handler: (ctx: RequestContext, input: ParsedInput<R>) => RouteOutput<R> | Promise<RouteOutput<R>>;
}

export type RouteTable = { [R in RouteName]: RouteDefinition<R> };

const MESSAGES = {
  unknownRoute: "Cette action n'existe pas.",
  damaged: "La base de données est endommagée : restaurez une sauvegarde avant de continuer.",
  dataLocked: 'Les données sont chiffrées et verrouillées : saisissez d’abord la clé de secours de la structure.',
  notReady: "L'application n'est pas encore configurée : terminez d'abord la première configuration.",
  alreadySetUp: "L'application est déjà configurée.",
  unauthenticated: 'Votre session a pris fin : reconnectez-vous.',
  locked: 'Session verrouillée après inactivité : saisissez votre mot de passe pour continuer.',
  mustChangePassword: 'Vous devez d’abord choisir un nouveau mot de passe.',
  forbidden: "Votre rôle ne permet pas cette action. Demandez à la direction si vous en avez besoin.",
  invalid: 'Certaines informations sont invalides : corrigez les champs signalés.',
  unknownReference: 'Une personne, un compte ou un dossier indiqué n’existe pas (ou plus) : rien n’a été enregistré.',
  diskFull: "Le disque est plein : rien n'a été enregistré. Libérez de la place (ou demandez à votre support), puis recommencez.",
  busy: "La base de données est occupée par une autre opération : rien n'a été enregistré. Réessayez dans un instant.",
  ioError: "La base de données ne peut pas être écrite (disque retiré, droits, panne) : rien n'a été enregistré. Vérifiez le disque puis recommencez.",
  internal: "Une erreur inattendue est survenue ; rien n'a été enregistré. Si elle se reproduit, notez l'heure et contactez votre support.",
} as const;

export function zodErrorToAppError(err: ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const keys = Object.keys(fields);
  const message = keys.length === 1 && keys[0] === '_' ? fields._! : MESSAGES.invalid;
  return new AppError('VALIDATION', message, fields);
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown })?.then === 'function';
}

export interface CallerIdentity {
  sessionToken?: string | null;
  /** Present when the screen follows this call's progress (src-main/jobs). */
  job?: JobControl;
}

export class Router {
  constructor(
    private readonly routes: RouteTable,
    private readonly runtime: AppRuntime,
  ) {}

  async dispatch(routeName: string, rawInput: unknown, caller: CallerIdentity): Promise<RpcResult<unknown>> {
    try {
      const data = await this.run(routeName, rawInput, caller);
      return { ok: true, data: data === undefined ? null : data };
    } catch (err) {
      return { ok: false, error: toPayload(err, routeName) };
    }
  }

  private async run(routeName: string, rawInput: unknown, caller: CallerIdentity): Promise<unknown> {
    if (!Object.hasOwn(this.routes, routeName)) throw new AppError('NOT_FOUND', MESSAGES.unknownRoute);
    const name = routeName as RouteName;
    const route = this.routes[name] as RouteDefinition<RouteName>;

    const state = this.runtime.stateKind();
    const allowedStates = route.states ?? ['ready'];
    if (!allowedStates.includes(state)) {
      if (state === 'damaged') throw new AppError('UNAVAILABLE', MESSAGES.damaged);
      if (state === 'locked') throw new AppError('UNAVAILABLE', MESSAGES.dataLocked);
      if (state === 'setup') throw new AppError('UNAVAILABLE', MESSAGES.notReady);
      throw new AppError('CONFLICT', MESSAGES.alreadySetUp);
    }

    const open = this.runtime.openOrNull();
    let session: Session | null = null;
    let user: SessionUser | null = null;
    if (open && route.permission !== 'public') {
      session = open.sessions.get(caller.sessionToken) ?? null;
      user = session ? open.users.sessionUser(session.userId) : null;
      if (!session || !user) {
        if (session) open.sessions.revoke(session.token);
        throw new AppError('UNAUTHENTICATED', MESSAGES.unauthenticated);
      }
      open.sessions.touch(session, open.security.get().idleLockMinutes, route.touchesSession ?? true);
      if (session.locked && !route.allowLocked) throw new AppError('SESSION_LOCKED', MESSAGES.locked);
      if (user.mustChangePassword && !route.allowPasswordChangePending) {
        throw new AppError('FORBIDDEN', MESSAGES.mustChangePassword);
      }
      if (!roleHasPermission(user.role as Role, user.isAdmin, route.permission)) {
        open.transaction(() =>
          open.audit.append({ at: new Date().toISOString(), userId: user!.id, userLogin: user!.login, action: 'denied', route: name }),
        );
        throw new AppError('FORBIDDEN', MESSAGES.forbidden);
      }
    } else if (open && caller.sessionToken) {
      // Public routes still see who is calling (auth.session, auth.logout).
      session = open.sessions.get(caller.sessionToken) ?? null;
      user = session ? open.users.sessionUser(session.userId) : null;
    }

    // Input is parsed only once the caller may run the route: others learn nothing, not even what is expected.
    const nul = pathOfNulCharacter(rawInput ?? {});
    if (nul !== null) throw new AppError('VALIDATION', 'Un texte contient un caractère invisible interdit (NUL) : retapez-le.', nul ? { [nul]: 'Caractère invisible interdit.' } : undefined);
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodErrorToAppError(parsed.error);

    const ctx = this.context(name, open, session, user, caller.job ?? UNFOLLOWED_JOB);
    const input = parsed.data as ParsedInput<RouteName>;
    const handler = route.handler as (c: RequestContext, i: unknown) => unknown;
    const auditRow = (result: unknown) => {
      if (!route.audit) return;
      const entityId = route.audit.recordId
        ? route.audit.recordId(input, result as RouteOutput<RouteName>)
        : ((input as { id?: unknown }).id ?? (result as { id?: unknown } | null)?.id ?? null);
      ctx.audit({ action: route.audit.action, entity: route.audit.entity, entityId: typeof entityId === 'string' ? entityId : null });
    };

    if (route.transaction === false) {
      const result = await handler(ctx, input);
      if (route.audit && open) open.transaction(() => auditRow(result));
      return result;
    }
    if (!open) throw new AppError('UNAVAILABLE', MESSAGES.damaged);
    return open.transaction(() => {
      const result = handler(ctx, input);
      if (isPromise(result)) throw new Error(`Route ${name}: a transactional handler must be synchronous.`);
      auditRow(result);
      return result;
    });
  }

  private context(route: RouteName, open: OpenRuntime | null, session: Session | null, user: SessionUser | null, job: JobControl): RequestContext {
    const runtime = this.runtime;
    return {
      runtime,
      get open(): OpenRuntime {
        if (!open) throw new AppError('UNAVAILABLE', MESSAGES.damaged);
        return open;
      },
      route,
      session,
      user,
      now: runtime.clock.now(),
      job,
      audit(entry) {
        if (!open) return;
        open.audit.append({
          at: runtime.clock.now().toISOString(),
          userId: entry.userId ?? user?.id ?? null,
          userLogin: entry.userLogin ?? user?.login ?? null,
          route,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          detail: entry.detail,
        });
      },
      transaction<T>(work: () => T): T {
        if (!open) throw new AppError('UNAVAILABLE', MESSAGES.damaged);
        return open.transaction(work);
      },
    };
  }
}

function toPayload(err: unknown, routeName: string): AppErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  if (err instanceof ZodError) return zodErrorToAppError(err).toPayload();
  // SQLite's own conditions the user can act on; the transaction has been rolled back.
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_FULL') return { code: 'UNAVAILABLE', message: MESSAGES.diskFull };
  // A reference to a person, account or parcours that does not exist (issue 20 §6: it was a 500).
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'VALIDATION', message: MESSAGES.unknownReference };
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') return { code: 'UNAVAILABLE', message: MESSAGES.busy };
  if (sqliteCode === 'SQLITE_READONLY' || sqliteCode === 'SQLITE_IOERR' || (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_IOERR'))) {
    return { code: 'UNAVAILABLE', message: MESSAGES.ioError };
  }
  console.error(`[cedre] route ${routeName} a échoué :`, err);
  return { code: 'INTERNAL', message: MESSAGES.internal };
}

/**
 * The path of the first text holding a NUL character (U+0000), '' for the top level, null when there is none. NUL
 * truncates text in C libraries, PDFs and CSV readers: no route takes it (issue 20 §6).
 */
export function pathOfNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = pathOfNulCharacter(v, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOfNulCharacter(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}

