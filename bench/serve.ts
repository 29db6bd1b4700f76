/**
 * Browser mode's server for the responsiveness benchmark (bench/responsiveness.ts): `tsx bench/serve.ts <dataDir>
 * worker|in-process` prints its origin and launch token, so both ways of running the data side are measured through
 * the same HTTP server.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startWebServer } from '../src-main/web-server';
import { startInProcess } from '../src-main/worker/local-data-service';

async function main(): Promise<void> {
  const [dataDir, mode] = process.argv.slice(2);
  if (!dataDir || (mode !== 'worker' && mode !== 'in-process')) throw new Error('usage: tsx bench/serve.ts <dataDir> worker|in-process');
  const server = await startWebServer({ dataDir, migrationsFolder: join(__dirname, '..', 'db', 'migrations'), rendererDir: join(__dirname, '..', 'out', 'renderer'), port: 0, dataWork: mode === 'in-process' ? startInProcess : undefined });
  console.log(JSON.stringify({ origin: server.origin, token: server.token }));
  // How long this thread's event loop was held up, as seen from inside: « debut » resets, « fin » prints (ms).
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'debut') delay.reset();
    if (line === 'fin') console.log(JSON.stringify({ eventLoopDelayMs: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 } }));
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
