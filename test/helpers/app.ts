/** A real runtime on a real SQLite file, and a router to call routes the way the transports do. */
import { appPaths } from '../../src-main/app-paths';
import { AppRuntime } from '../../src-main/app-runtime';
import { FakeClock } from '../../src-main/lib/clock';
import { Router } from '../../src-main/router';
import { routes } from '../../src-main/routes';
import type { RouteInput, RouteName, RouteOutput } from '../../src-shared/contract';
import type { AppErrorPayload } from '../../src-shared/errors';
import type { SetupInput } from '../../src-shared/schemas/setup';
import { MIGRATIONS, tempDir } from './temp';

export const VALID_SETUP: SetupInput = {
  structure: { nom: 'Chantier des Coteaux', siret: '520 000 015 00013', departement: '07', adresse: '12 chemin des Vignes', codePostal: '07000', commune: 'Privas' },
  dispositifs: ['ACI', 'AI'],
  admin: { displayName: 'Martine Durand', login: 'm.durand', password: 'un chêne solide', passwordConfirmation: 'un chêne solide' },
};

export class TestApp {
  private constructor(
    readonly runtime: AppRuntime,
    readonly router: Router,
    readonly clock: FakeClock,
    readonly dataDir: string,
  ) {}

  static async start(dataDir = tempDir(), clock = new FakeClock(new Date('2026-03-02T09:00:00.000Z'))): Promise<TestApp> {
    const runtime = await AppRuntime.start(appPaths(dataDir, MIGRATIONS), clock);
    return new TestApp(runtime, new Router(routes, runtime), clock, dataDir);
  }

  /** Calls a route and returns its data, or throws the typed error payload. */
  async call<R extends RouteName>(route: R, input: RouteInput<R> | Record<string, unknown>, session: string | null = null): Promise<RouteOutput<R>> {
    const result = await this.router.dispatch(route, input, { sessionToken: session });
    if (!result.ok) throw Object.assign(new Error(`${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`), { payload: result.error });
    return result.data as RouteOutput<R>;
  }

  /** Calls a route expected to fail and returns its error payload. */
  async fail(route: RouteName | string, input: unknown, session: string | null = null): Promise<AppErrorPayload> {
    const result = await this.router.dispatch(route, input, { sessionToken: session });
    if (result.ok) throw new Error(`La route ${route} aurait dû échouer.`);
    return result.error;
  }

  /** Sets the structure up and returns the administrator's session token. */
  async setUp(): Promise<string> {
    return (await this.call('setup.complete', VALID_SETUP)).token;
  }

  count(table: string): number {
    return (this.runtime.openOrNull()!.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  }

  close(): void {
    this.runtime.close();
  }
}
