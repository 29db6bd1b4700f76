/**
 * `npm run bench:federation` (issue 17 §6): every SIAE of France sending its annual report. Generates N really signed
 * reports (default 4 000), each with its own Ed25519 key and SIRET, from the worked example's report; then times the
 * federation's consolidation of the folder with their key list, as the command does it: wall and CPU time, peak
 * memory. Writes bench/federation-results.json. Not a test: it measures.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { calculateJwkThumbprint, exportJWK, FlattenedSign } from 'jose';
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';
import { KeyListFile } from '../src-main/services/federation/key-list';
import { consolidateFolder } from '../src-main/services/observatoire/consolidation';
import type { ReportPayload } from '../src-shared/observatoire/report-format';
import { validSiret } from '../test/helpers/signed-reports';

const COUNT = Number(process.argv.find((a) => a.startsWith('--reports='))?.slice('--reports='.length) ?? 4000);
const MIGRATIONS = join(__dirname, '..', 'db', 'migrations');
const EXAMPLE = join(__dirname, '..', 'test', 'fixtures', 'exemple-2024');
const DEPARTEMENTS = ['01', '07', '13', '26', '33', '38', '59', '69', '75', '974'];

async function exampleReport(): Promise<{ payload: ReportPayload; pdf: Uint8Array; csv: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'cedre-bench-fed-base-'));
  const runtime = await AppRuntime.start(appPaths(dir, MIGRATIONS));
  try {
    const open = runtime.openOrNull()!;
    const report = await open.imports.importPath(EXAMPLE, { dryRun: false, now: new Date('2026-03-02T09:00:00Z'), user: null, route: 'bench.federation' });
    if (!report.ok) throw new Error('import du cas type impossible');
    const made = await open.reports.produce(2024, { id: null, name: 'Banc d’essai' }, new Date('2026-03-02T09:00:00Z'));
    const entries = unzipSync(made.zip);
    const jws = JSON.parse(new TextDecoder().decode(entries['rapport.json'])) as { payload: string };
    return { payload: JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as ReportPayload, pdf: entries['rapport.pdf']!, csv: entries['indicateurs.csv']! };
  } finally {
    runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const base = await exampleReport();
  const folder = mkdtempSync(join(tmpdir(), 'cedre-bench-fed-'));
  const started = performance.now();
  const keys: string[] = ['siret;kid'];
  for (let i = 0; i < COUNT; i++) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk, 'sha256');
    const siret = validSiret(i);
    const payload: ReportPayload = { ...base.payload, structure: { ...base.payload.structure, siret, nom: `Structure ${i + 1}`, departement: DEPARTEMENTS[i % DEPARTEMENTS.length]! } };
    const jws = await new FlattenedSign(Buffer.from(JSON.stringify(payload), 'utf8')).setProtectedHeader({ alg: 'EdDSA', kid, jwk }).sign(privateKey);
    const zip = zipSync({ 'rapport.json': Buffer.from(JSON.stringify(jws, null, 2) + '\n', 'utf8'), 'rapport.pdf': [base.pdf, { level: 0 }], 'indicateurs.csv': base.csv }, { level: 6 });
    writeFileSync(join(folder, `rapport-${siret}-2024.zip`), zip);
    keys.push(`${siret};${kid}`);
  }
  const keyList = join(folder, 'cles.csv');
  writeFileSync(keyList, keys.join('\n'));
  console.log(`${COUNT} rapports signés générés en ${((performance.now() - started) / 1000).toFixed(1)} s dans ${folder}`);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await consolidateFolder(folder, { register: KeyListFile.read(keyList), annee: 2024 });
  const wallMs = performance.now() - t0;
  const cpuUsed = process.cpuUsage(cpu);
  clearInterval(timer);
  const structures = result.lignes.filter((l) => l.niveau === 'structure').length;
  const out = {
    reports: COUNT,
    consolidated: structures,
    refused: result.refuses.length,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpuUsed.user + cpuUsed.system) / 1000),
    peakRssMb: Math.round(peak / 1048576),
    rssGrowthMb: Math.round((peak - rssBefore) / 1048576),
    targetMs: 10_000,
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  };
  console.log(`Consolidation de ${COUNT} rapports (vérification de chaque signature et de chaque clé) : ${out.wallMs} ms réels, ${out.cpuMs} ms CPU, mémoire maximale ${out.peakRssMb} Mo (+${out.rssGrowthMb} Mo) ; ${structures} consolidés, ${out.refused} refusés. Cible : 10 000 ms.`);
  writeFileSync(join(__dirname, 'federation-results.json'), JSON.stringify(out, null, 2));
  rmSync(folder, { recursive: true, force: true });
}

void main();
