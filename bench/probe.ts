/**
 * One fresh process of the benchmark (issue 19): starts the app's main-process services on a data folder as the app
 * does, logs in, then calls each operation through the router the screens use, once **cold** (the first call of this
 * process: statements unprepared, page cache empty, modules not loaded yet) and then `warm` times. Wall time and CPU
 * time (`process.cpuUsage`, every thread of the process, user + system) of each call are printed as one JSON line.
 *
 * Built to plain JavaScript by bench/run.ts with the command line's build options, so modules load as in production
 * (no transpilation on the fly). Not meant to be run by hand: `npm run bench` starts it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';
import { Router } from '../src-main/router';
import { routes } from '../src-main/routes';
import { comparePlainSql } from './plain-sql';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export interface ProbeOutput {
  /** Process start (module loading included) to the runtime ready: key unlocked, base opened, checks run. */
  startup: Timing;
  /** The opening alone (AppRuntime.start): unlock the key, open, migrate if needed, quick_check, start-up checks. */
  opening: Timing;
  operations: Array<{ id: string; cold: Timing; warm: Timing[] }>;
  rssMb: number;
}

export interface ProbeRequest {
  dataDir: string;
  migrationsFolder: string;
  year: number;
  /** Operations to run, in this order (ids of OPERATIONS). */
  operations: string[];
  warm: number;
  importFile?: string;
  /** Instead of operations: the engine against the hand-written SQL (bench/plain-sql.ts), in this fresh process. */
  plainSql?: boolean;
}

type Call = (route: string, input?: unknown) => Promise<unknown>;

/** Operations too long to repeat many times: their warm runs are fewer. */
const WARM_RUNS: Record<string, number> = { 'rapport-signe': 2, 'sauvegarde': 2, 'export': 1, 'import': 2, 'observatoire': 5, 'observatoire-onglet': 5, 'observatoire-complet': 3, 'auto-evaluation': 5 };

interface Fixtures {
  personIds: string[];
  searchPrefixes: string[];
  month: string;
  contractIds: string[];
  year: number;
  importFile?: string;
  migrationsFolder: string;
  runtime: AppRuntime;
}

/** What each screen calls when it opens or saves, as in src-renderer (names of the routes the pages use). */
const OPERATIONS: Record<string, (call: Call, f: Fixtures, i: number) => Promise<unknown>> = {
  // DashboardPage: the structure, intake alerts, the insertion's due work, the quality registers.
  'tableau-de-bord': (call) => Promise.all([call('structure.get'), call('accueils.alerts'), call('insertion.dueWork'), call('qualite.registres')]),
  'recherche': (call, f, i) => call('personnes.search', { q: f.searchPrefixes[i % f.searchPrefixes.length] }),
  'liste-personnes': (call) => call('personnes.list', { limit: 200 }),
  // PersonneFilePage then its Parcours tab.
  'dossier': async (call, f, i) => {
    const id = f.personIds[(i * 7919) % f.personIds.length];
    await call('personnes.get', { id });
    await call('parcours.ofPersonne', { personneId: id });
  },
  'heures-ouvrir': (call, f) => call('heures.month', { mois: f.month }),
  'heures-enregistrer': (call, f, i) =>
    call('heures.saveMonth', { mois: f.month, contratIds: f.contractIds, entrees: f.contractIds.map((contratId, k) => ({ contratId, clientId: null, date: `${f.month}-01`, heures: 60 + ((i + k) % 20) })) }),
  // ObservatoirePage opening: its cards, charts and first tab, for the year and the two before it (page-parts.ts).
  'observatoire': (call, f) => call('observatoire.year', { annee: f.year, parties: ['apercu', 'accueil'] }),
  // Then a tab: Accompagnement, the costliest to compute (freins, bilans, CER, trainings), once the page is open
  // (PREPARE: a tab is only reached from the page's first screen).
  'observatoire-onglet': (call, f) => call('observatoire.year', { annee: f.year, parties: ['accompagnement'] }),
  // Every figure of the three years, as the page asked before it asked by parts.
  'observatoire-complet': (call, f) => call('observatoire.year', { annee: f.year }),
  // The engine alone, one year, not through a route: compared with the hand-written SQL of bench/plain-sql.ts.
  'indicateurs-annee': async (_call, f) => f.runtime.openOrNull()!.indicators.computeFresh(f.year),
  'detail': (call, f) => call('observatoire.detail', { annee: f.year, id: 'public.salaries_en_parcours' }),
  'rapport-apercu': (call, f) => call('rapports.preview', { annee: f.year }),
  'rapport-signe': (call, f) => call('rapports.produce', { annee: f.year }),
  'auto-evaluation': (call, f) => call('qualite.autoEvaluation', { annee: f.year }),
  'revue-rgpd': (call) => call('rgpd.review'),
  'sauvegarde': (call) => call('backups.create'),
  'export': (call) => call('import.export'),
  // A workbook imported into a new base: a new runtime each time, as a structure moving in would.
  'import': async (_call, f) => {
    const dir = mkdtempSync(join(tmpdir(), 'cedre-bench-import-'));
    const runtime = await AppRuntime.start(appPaths(dir, f.migrationsFolder));
    try {
      const report = await runtime.openOrNull()!.imports.importPath(f.importFile!, { dryRun: false, now: new Date(), user: null, route: 'bench' });
      if (!report.ok) throw new Error(report.erreurs[0]?.message);
    } finally {
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const OPERATION_IDS = Object.keys(OPERATIONS);

/** What the screen has always done before an operation can be asked for: run first, not timed. */
const PREPARE: Record<string, (call: Call, f: Fixtures) => Promise<unknown>> = {
  'observatoire-onglet': (call, f) => OPERATIONS.observatoire!(call, f, 0),
  // A drill-down is asked from a figure of the page.
  'detail': (call, f) => OPERATIONS.observatoire!(call, f, 0),
};

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function fixtures(runtime: AppRuntime, request: ProbeRequest): Fixtures {
  const db = runtime.openOrNull()!.sqlite;
  // The last complete month, and its running ACI contracts (up to 200, a large chantier's month).
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const mois = `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
  const contractIds = db
    .prepare(`select c.id from contrats c join parcours p on p.id = c.parcours_id where p.dispositif = 'ACI' and c.date_debut <= ? and coalesce(c.date_fin_reelle, c.date_fin_prevue) >= ? order by c.id limit 200`)
    .pluck()
    .all(`${mois}-01`, `${mois}-28`) as string[];
  const names = db.prepare('select nom from personnes order by rowid limit 50').pluck().all() as string[];
  return {
    personIds: db.prepare('select personne_id from parcours order by personne_id').pluck().all() as string[],
    searchPrefixes: names.map((n, i) => n.slice(0, 3 + (i % 3))),
    month: mois,
    contractIds,
    year: request.year,
    importFile: request.importFile,
    migrationsFolder: request.migrationsFolder,
    runtime,
  };
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as ProbeRequest;
  if (request.plainSql) {
    process.stdout.write(`${JSON.stringify(await comparePlainSql(request.dataDir, request.migrationsFolder, request.year))}\n`);
    return;
  }
  let runtime!: AppRuntime;
  const opening = await timed(async () => {
    runtime = await AppRuntime.start(appPaths(request.dataDir, request.migrationsFolder));
    if (!runtime.openOrNull()) throw new Error('La base ne s’est pas ouverte.');
  });
  // From the process's start (performance's time origin): Node's own start-up and the app's modules count.
  const sinceStart = process.cpuUsage();
  const startup = { wallMs: performance.now(), cpuMs: (sinceStart.user + sinceStart.system) / 1000 };
  const router = new Router(routes, runtime);
  let token: string | null = null;
  const call: Call = async (route, input = {}) => {
    const r = await router.dispatch(route, input, { sessionToken: token });
    if (!r.ok) throw new Error(`${route} : ${r.error.message} ${JSON.stringify(r.error).slice(0, 600)}`);
    return r.data;
  };
  const f = fixtures(runtime, request);
  const operations: ProbeOutput['operations'] = [];
  const login = async () => {
    token = ((await call('auth.login', { login: 'direction', password: 'demonstration' })) as { token: string }).token;
  };
  operations.push({ id: 'connexion', cold: await timed(login), warm: [] });
  for (let i = 0; i < Math.min(request.warm, 3); i++) operations.at(-1)!.warm.push(await timed(login));
  for (const id of request.operations) {
    const run = OPERATIONS[id];
    if (!run) throw new Error(`Opération inconnue : ${id}`);
    await PREPARE[id]?.(call, f);
    const cold = await timed(() => run(call, f, 0));
    const warm: Timing[] = [];
    for (let i = 1; i <= (WARM_RUNS[id] ?? request.warm); i++) warm.push(await timed(() => run(call, f, i)));
    operations.push({ id, cold, warm });
  }
  runtime.close();
  const output: ProbeOutput = { startup, opening, operations, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

if (process.argv[2]) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
