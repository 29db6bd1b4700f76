/**
 * The federation's tool as it installs it (issue 17 §5): `cedre` built to one plain JavaScript file, run by node with
 * only the packages `npm ci --omit=dev` installs (a preload refuses any other), starting in well under a second when
 * it needs no database; `verify` and `consolidate` work from it; the commands on a database run in the data worker
 * bundled beside it (issue 18 §4).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { EXEMPLE_2024, importFolder } from '../helpers/import';
import { REPO_ROOT } from '../helpers/temp';

let cli: string;
let env: NodeJS.ProcessEnv;
let reports: string;
/**
 * Inside the checkout (.tmp is ignored), as out/cli would be in an installed package: the built file finds the
 * packages of node_modules from there. Kept for the whole file.
 */
mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
const workDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'cli-install-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(REPO_ROOT, 'test', 'helpers', 'forbid-dev-deps.cjs'), cli, ...args], { env, encoding: 'utf8', cwd: workDir });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

beforeAll(async () => {
  cli = join(workDir, 'cedre.cjs');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-cli.mjs'), cli], { cwd: REPO_ROOT });
  // What `npm ci --omit=dev` installs: the production tree only.
  const prod = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\n')
    .map((p) => p.split('/node_modules/').pop()!)
    .filter((p) => p && !p.startsWith('/'));
  env = { ...process.env, CEDRE_PROD_PACKAGES: [...new Set(prod)].join('\n'), NODE_OPTIONS: '' };
  // A signed report of the worked example.
  const app = await TestApp.start();
  const open = app.runtime.openOrNull()!;
  await importFolder(open, EXEMPLE_2024);
  const made = await open.reports.produce(2024, { id: null, name: 'Martine Durand' }, new Date('2026-03-02T09:00:00Z'));
  app.close();
  reports = join(workDir, 'rapports');
  mkdirSync(reports);
  writeFileSync(join(reports, 'rapport-2024.zip'), made.zip);
  writeFileSync(join(reports, 'cles.csv'), `siret;kid\n52000001500013;${made.kid}\n`);
}, 120_000);

describe('the built cedre command, production dependencies only', () => {
  it('answers --help and version at once, without the dev tree', () => {
    const help = run(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/Utilisation : cedre <commande>/);
    expect(help.ms).toBeLessThan(1000);
    expect(run(['version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('verifies a report against a key list, and consolidates a folder', () => {
    const verified = run(['verify', join(reports, 'rapport-2024.zip'), '--cles', join(reports, 'cles.csv')]);
    expect(verified.stderr).toBe('');
    expect([verified.status, verified.stdout]).toEqual([0, expect.stringMatching(/^valide — Chantier des Coteaux \(exemple\)/)]);
    expect(verified.ms).toBeLessThan(1500); // 0.2–0.35 s measured alone; the suite runs in parallel
    const intact = run(['verify', join(reports, 'rapport-2024.zip')]);
    expect(intact.status).toBe(2);
    const out = join(workDir, 'consolidation.csv');
    mkdirSync(join(reports, 'vide'), { recursive: true });
    const consolidated = run(['consolidate', reports, '--out', out, '--cles', join(reports, 'cles.csv')]);
    expect(consolidated.stderr).toBe('');
    expect(consolidated.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFniveau;libelle;siret;departement;annee;/);
  });

  it('runs the commands on a database through the data worker built beside it, and prints what they print in order', () => {
    const db = join(workDir, 'demo', 'cedre.sqlite');
    const demo = run(['demo', '--scale', '1', '--years', '1', '--db', db]);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^Démonstration créée dans .*cedre\.sqlite en \d+ ms :\n {2}\d+ personnes, .*\nComptes \(mot de passe/);
    const check = run(['check', '--db', db]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout.split('\n').slice(0, 3)).toEqual([`Base : ${db}`, expect.stringMatching(/^Chiffrement : /), 'Intégrité : correcte']);
    expect(check.stdout).toContain('Cohérence des données : correcte');
    // Refused before the worker creates anything.
    const again = run(['demo', '--db', db]);
    expect([again.status, again.stderr.trim()]).toEqual([1, `Échec : ${db} existe déjà : la démonstration se crée dans un nouveau fichier.`]);
    const missing = run(['check', '--db', join(workDir, 'absente', 'cedre.sqlite')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Aucune base de données à/);
  }, 120_000);
});
