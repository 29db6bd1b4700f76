/**
 * `npm run bench`: times what users feel on a large structure, as median and 95th percentile over repeated runs,
 * prints a table and writes bench/results.json. Not a test: it asserts nothing, it measures.
 * Persons: `--persons N` (default 100 000).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';
import { Router } from '../src-main/router';
import { routes } from '../src-main/routes';
import { seedContracts, seedPersons } from './seed-persons';

interface Result {
  operation: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(operation: string, runs: number, targetMs: number | null, work: (i: number) => Promise<unknown> | unknown): Promise<Result> {
  await work(0); // warm-up: statement preparation and page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { operation, runs, medianMs: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), targetMs };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

async function main() {
  const arg = process.argv.indexOf('--persons');
  const persons = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'cedre-bench-'));
  const runtime = await AppRuntime.start(appPaths(dataDir, join(__dirname, '..', 'db', 'migrations')));
  const router = new Router(routes, runtime);
  const call = async (route: string, input: unknown, session: string | null = null) => {
    const r = await router.dispatch(route, input, { sessionToken: session });
    if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
    return r.data;
  };
  const admin = (await call('setup.complete', {
    structure: { nom: 'Banc d’essai', siret: '52000001500013', departement: '07' },
    dispositifs: ['AI', 'ACI'],
    admin: { displayName: 'Direction Banc', login: 'banc', password: 'banc d essai 123', passwordConfirmation: 'banc d essai 123' },
  })) as { token: string; user: { id: string } };

  const seedStart = performance.now();
  seedPersons(runtime.openOrNull()!.sqlite, persons, admin.user.id);
  const seedMs = performance.now() - seedStart;
  console.log(`${persons.toLocaleString('fr-FR')} personnes créées en ${(seedMs / 1000).toFixed(1)} s`);

  const contracts = seedContracts(runtime.openOrNull()!.sqlite, 200, admin.user.id);
  const monthOfHours = (i: number) => ({
    mois: '2026-03',
    contratIds: contracts,
    entrees: contracts.map((contratId, k) => ({ contratId, clientId: null, date: '2026-03-01', heures: 100 + ((i + k) % 20) })),
  });

  const queries = ['dur', 'julie', 'MARTIN Léa', 'nguy', 'diallo mam', 'lefevre', '0004321', '9999900012'];
  const results = [
    await measure('Recherche Ctrl+K (préfixe, accents ignorés)', 200, 10, (i) => call('personnes.search', { q: queries[i % queries.length] }, admin.token)),
    await measure('Liste : première page (200 lignes, tri par premier contact)', 30, 100, () => call('personnes.list', { limit: 200 }, admin.token)),
    await measure('Liste : filtre liste d’attente', 30, 100, () => call('personnes.list', { decision: 'en_attente', limit: 200 }, admin.token)),
    await measure('Liste : tri par nom, page au milieu', 30, 100, () => call('personnes.list', { sort: 'nom', direction: 'asc', offset: Math.floor(persons / 2), limit: 200 }, admin.token)),
    await measure('Ouvrir un dossier (identité, accueils, freins, PASS)', 200, 20, (i) => call('personnes.get', { id: `p-${String((i * 7919) % persons).padStart(7, '0')}` }, admin.token)),
    await measure('Alertes du tableau de bord (PASS < 3 mois, attente)', 30, 100, () => call('accueils.alerts', {}, admin.token)),
    await measure('Enregistrer un mois d’heures pour 200 salariés', 30, 50, (i) => call('heures.saveMonth', monthOfHours(i), admin.token)),
    await measure('Ouvrir la grille des heures du mois (200 contrats)', 30, 100, () => call('heures.month', { mois: '2026-03' }, admin.token)),
    await measure('À faire dans les parcours (tableau de bord)', 30, 100, () => call('insertion.todo', {}, admin.token)),
  ];
  runtime.close();

  console.log('');
  console.log('| Opération | médiane (ms) | p95 (ms) | cible (ms) |');
  console.log('|---|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.operation} | ${r.medianMs} | ${r.p95Ms} | ${r.targetMs ?? '—'} |`);
  const out = { date: new Date().toISOString(), persons, node: process.version, seedMs: round(seedMs), results };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(out, null, 2));
  console.log(`\nRésultats écrits dans bench/results.json`);
}

void main();
