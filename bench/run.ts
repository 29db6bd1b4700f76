/**
 * `npm run bench` (issue 9): times what users feel on the demo generator's large structure (`--scale 10 --years 10`,
 * about 15 000 salariés over ten years) and on a typical one (`--scale 1`), as median and 95th percentile over
 * repeated runs after a warm-up, through the same router the app uses. Prints a table and writes bench/results.json.
 * Not a test: it asserts nothing, it measures. `--quick` uses scale 3 for a fast look.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createBackup } from '../db/backup';
import { openDatabase } from '../db/client';
import { readKeyring } from '../src-main/security/keyring';
import { DevKeyFileGuard } from '../src-main/security/os-key-guard';
import { appPaths } from '../src-main/app-paths';
import { AppRuntime, type OpenRuntime } from '../src-main/app-runtime';
import { Router } from '../src-main/router';
import { routes } from '../src-main/routes';
import { createDemo } from '../src-main/services/demo/demo-service';
import { generateDemo } from '../src-main/services/demo/demo-generator';
import { workbookBuffer } from '../src-main/services/import/workbook-writer';
import { startWebServer } from '../src-main/web-server';
import { toIsoDate } from '../src-shared/rules/dates';

const MIGRATIONS = join(__dirname, '..', 'db', 'migrations');
const RENDERER = join(__dirname, '..', 'out', 'renderer');

interface Result {
  operation: string;
  scale: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(operation: string, scale: number, runs: number, targetMs: number | null, work: (i: number) => Promise<unknown> | unknown, note?: string): Promise<Result> {
  await work(-1); // warm-up: statement preparation and page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const r = { operation, scale, runs, medianMs: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), targetMs, ...(note ? { note } : {}) };
  console.log(`  ${operation} (×${scale}) : ${r.medianMs} ms (p95 ${r.p95Ms})`);
  return r;
}

async function demoDataDir(scale: number, years: number): Promise<{ dir: string; seconds: number; counts: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), `cedre-bench-${scale}-`));
  const runtime = await AppRuntime.start(appPaths(dir, MIGRATIONS));
  const started = performance.now();
  const { report } = createDemo(runtime.openOrNull()!, { scale, years, seed: 2026 }, new Date());
  const seconds = (performance.now() - started) / 1000;
  runtime.close();
  const counts = Object.fromEntries(report.feuilles.map((f) => [f.feuille, f.lignes]));
  console.log(`Démonstration ×${scale} sur ${years} ans : ${seconds.toFixed(1)} s, ${counts.personnes} personnes, ${counts.contrats} contrats, ${counts.heures} lignes d'heures`);
  return { dir, seconds, counts };
}

async function routeCaller(dir: string) {
  const runtime = await AppRuntime.start(appPaths(dir, MIGRATIONS));
  const router = new Router(routes, runtime);
  const call = async (route: string, input: unknown, session: string | null = null) => {
    const r = await router.dispatch(route, input, { sessionToken: session });
    if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
    return r.data;
  };
  const session = (await call('auth.login', { login: 'direction', password: 'demonstration' })) as { token: string };
  return { runtime, open: runtime.openOrNull() as OpenRuntime, call, token: session.token };
}

async function measureStructure(scale: number, years: number, dir: string, year: number): Promise<Result[]> {
  const { runtime, open, call, token } = await routeCaller(dir);
  const results: Result[] = [];
  const db = open.sqlite;
  const ids = db.prepare('select personne_id from parcours order by personne_id').pluck().all() as string[];
  const names = db.prepare('select nom from personnes order by rowid limit 50').pluck().all() as string[];

  results.push(
    await measure('Déverrouiller la clé, ouvrir la base chiffrée, migrer (rien à faire), quick_check', scale, 10, 300, async () => {
      const keyring = readKeyring(dir)!;
      const key = (await new DevKeyFileGuard(dir).unprotect(keyring.os!.wrapped))!;
      const opened = await openDatabase({ file: join(dir, 'cedre.sqlite'), migrationsFolder: MIGRATIONS, backupDir: join(dir, 'sauvegardes'), encryption: { key, backupKeyFile: null } });
      opened.sqlite.close();
    }),
  );
  results.push(await measure('Recherche Ctrl+K (préfixe, accents ignorés)', scale, 200, 10, (i) => call('personnes.search', { q: names[Math.abs(i) % names.length]!.slice(0, 3 + (Math.abs(i) % 3)) }, token)));
  results.push(
    await measure('Ouvrir un dossier avec tous ses parcours', scale, 100, 20, async (i) => {
      const id = ids[(Math.abs(i) * 7919) % ids.length]!;
      await call('personnes.get', { id }, token);
      await call('parcours.ofPersonne', { personneId: id }, token);
    }),
  );
  results.push(await measure('Liste des personnes : première page', scale, 30, 100, () => call('personnes.list', { limit: 200 }, token)));

  // The last complete month: its running ACI contracts, saved again with slightly different hours.
  const month = toIsoDate(new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1)).slice(0, 7);
  const contracts = db
    .prepare(
      `select c.id from contrats c join parcours p on p.id = c.parcours_id where p.dispositif = 'ACI' and c.date_debut <= ? and coalesce(c.date_fin_reelle, c.date_fin_prevue) >= ? limit 200`,
    )
    .pluck()
    .all(`${month}-28`, `${month}-01`) as string[];
  results.push(
    await measure(
      `Enregistrer un mois d’heures (${contracts.length} salariés)`,
      scale,
      30,
      50,
      (i) => call('heures.saveMonth', { mois: month, contratIds: contracts, entrees: contracts.map((contratId, k) => ({ contratId, clientId: null, date: `${month}-01`, heures: 90 + ((i + k + 40) % 20) })) }, token),
    ),
  );
  results.push(await measure(`Calculer tous les indicateurs de ${year}`, scale, 15, 200, () => open.indicators.compute(year)));

  // A plain hand-written query for one indicator, against the engine's path for the same number.
  const plainSql = db.prepare(
    `select count(distinct p.personne_id) from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id
      where h.date between ? and ? and p.dispositif <> 'EITI'`,
  );
  const plainValue = plainSql.pluck().get(`${year}-01-01`, `${year}-12-31`) as number;
  const engineValue = open.indicators.compute(year).indicateurs['public.salaries_en_parcours'];
  results.push(await measure('Salariés en parcours : requête SQL écrite à la main', scale, 30, null, () => plainSql.pluck().get(`${year}-01-01`, `${year}-12-31`), `valeur ${plainValue}`));
  results.push(
    await measure(
      'Salariés en parcours : chemin du moteur d’indicateurs',
      scale,
      30,
      null,
      () =>
        db.transaction(() => {
          open.indicators.gatherSalaries(`${year}-01-01`, `${year}-12-31`);
          return db.prepare('select count(*) from obs_salaries where principal = 1').pluck().get();
        })(),
      `valeur ${engineValue} (moteur) = ${plainValue} (SQL) : ${engineValue === plainValue ? 'identiques' : 'DIFFÉRENTES'}`,
    ),
  );
  if (scale >= 10) {
    results.push(await measure(`Produire le rapport annuel signé ${year} (ZIP avec PDF)`, scale, 3, 3000, () => open.reports.produce(year, { id: null, name: 'Banc d’essai' }, new Date())));
    const backupDir = join(dir, 'banc-sauvegardes');
    results.push(
      await measure('Sauvegarde chiffrée (VACUUM INTO, vérifiée)', scale, 3, 2000, async () => {
        await createBackup(db, backupDir, 'manuelle');
      }),
    );
  }
  runtime.close();
  return results;
}

async function measureImport(): Promise<Result> {
  // A typical structure's four years: about 10 000 rows in one workbook.
  const tables = generateDemo({ scale: 1, years: 4, seed: 7, today: toIsoDate(new Date()) });
  const rows = Object.values(tables).reduce((n, t) => n + (t?.length ?? 0), 0);
  const folder = mkdtempSync(join(tmpdir(), 'cedre-bench-import-'));
  const file = join(folder, 'historique.xlsx');
  writeFileSync(file, await workbookBuffer(tables));
  return measure(
    `Importer un classeur de ${rows.toLocaleString('fr-FR')} lignes (.xlsx, base neuve)`,
    1,
    3,
    3000,
    async (i) => {
      const dir = join(folder, `base-${i + 1}`);
      mkdirSync(dir, { recursive: true });
      const runtime = await AppRuntime.start(appPaths(dir, MIGRATIONS));
      const report = await runtime.openOrNull()!.imports.importPath(file, { dryRun: false, now: new Date(), user: null, route: 'bench' });
      runtime.close();
      if (!report.ok) throw new Error(report.erreurs[0]?.message);
      rmSync(dir, { recursive: true, force: true });
    },
    `${rows} lignes`,
  );
}

async function measureFirstScreen(dir: string): Promise<Result> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    return await measure('Premier écran du mode navigateur dans Chromium après le démarrage', 10, 5, 1500, async () => {
      const server = await startWebServer({ dataDir: dir, migrationsFolder: MIGRATIONS, rendererDir: RENDERER, port: 0 });
      const page = await browser.newPage({ locale: 'fr-FR' });
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      await page.close();
      await server.close();
    });
  } finally {
    await browser.close();
  }
}

async function main() {
  const quick = process.argv.includes('--quick');
  const largeScale = quick ? 3 : 10;
  const year = new Date().getFullYear() - 1;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

  const small = await demoDataDir(1, 10);
  const large = await demoDataDir(largeScale, 10);
  // The same large structure with three years of history only (the year, the one before for its running parcours,
  // and this one): a year's indicators must not cost its past.
  const recent = await demoDataDir(largeScale, 3);
  const recentRuntime = await AppRuntime.start(appPaths(recent.dir, MIGRATIONS));
  const recentResult = await measure(`Calculer tous les indicateurs de ${year} (3 ans d’historique seulement)`, largeScale, 15, 200, () => recentRuntime.openOrNull()!.indicators.compute(year));
  recentRuntime.close();
  const results = [
    recentResult,
    ...(await measureStructure(largeScale, 10, large.dir, year)),
    ...(await measureStructure(1, 10, small.dir, year)),
    await measureImport(),
    await measureFirstScreen(large.dir),
  ];
  clearInterval(sampler);
  const maxRssMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024);

  const indicators = (scale: number) => results.find((r) => r.operation === `Calculer tous les indicateurs de ${year}` && r.scale === scale)!.medianMs;
  const ratio = round(indicators(largeScale) / indicators(1));
  const historyRatio = round(indicators(largeScale) / recentResult.medianMs);
  const plain = results.find((r) => r.operation.includes('requête SQL écrite à la main') && r.scale === largeScale)!.medianMs;
  const engine = results.find((r) => r.operation.includes('chemin du moteur') && r.scale === largeScale)!.medianMs;

  console.log('');
  console.log('| Opération | échelle | médiane (ms) | p95 (ms) | cible (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.operation}${r.note ? ` — ${r.note}` : ''} | ×${r.scale} | ${r.medianMs} | ${r.p95Ms} | ${r.targetMs ?? '—'} |`);
  console.log(`\nIndicateurs ×${largeScale} / ×1 : ${ratio}. Dix ans / trois ans d’historique (×${largeScale}) : ${historyRatio}. Moteur / SQL à la main : ${round(engine / plain)}. Mémoire maximale du processus : ${maxRssMb} Mo.`);
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    demo: { small: { scale: 1, years: 10, seconds: round(small.seconds), counts: small.counts }, large: { scale: largeScale, years: 10, seconds: round(large.seconds), counts: large.counts } },
    indicatorsRatio: ratio,
    indicatorsTenYearsOverTwoYears: historyRatio,
    engineOverPlainSql: round(engine / plain),
    maxRssMb,
    results,
  };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(out, null, 2));
  console.log('Résultats écrits dans bench/results.json');
  rmSync(small.dir, { recursive: true, force: true });
  rmSync(large.dir, { recursive: true, force: true });
  rmSync(recent.dir, { recursive: true, force: true });
}

void main();
