/**
 * The commands users type, run as real processes: `npm run web`'s server (built by scripts/ensure-web-server.cjs,
 * as users get it), the same under tsx (`npm run dev`), and the `cedre` launcher. In-process tests cannot catch what
 * only breaks in a bundle or under tsx's module hooks (the PDF library is an ES module loaded on demand).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { VALID_SETUP } from '../helpers/app';

let child: ChildProcess | null = null;
// The server makes a closing backup on SIGTERM: wait for it to exit before its data folder is removed.
afterEach(async () => {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
});

const HOW = {
  built: () => {
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-web-server.cjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(built.stderr);
    return [join(REPO_ROOT, 'out', 'web', 'web.cjs'), '--no-open'];
  },
  tsx: () => [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/web.ts', '--no-open'],
};

function startBrowserMode(dataDir: string, how: keyof typeof HOW): Promise<string> {
  child = spawn(process.execPath, HOW[how](), {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', CEDRE_DATA_DIR: dataDir, CI: '1' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Pas d'adresse affichée : ${out}`)), 20_000);
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Adresse : (http:\/\/127\.0\.0\.1:\d+\/\?jeton=\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child!.on('exit', (code) => reject(new Error(`Le serveur s'est arrêté (code ${code}) : ${out}`)));
  });
}

async function rpc(url: string, route: string, input: unknown, session?: string) {
  const { origin, searchParams } = new URL(url);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-cedre-token': searchParams.get('jeton')! };
  if (session) headers['x-cedre-session'] = session;
  const response = await fetch(`${origin}/rpc/${route}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return (await response.json()) as { ok: boolean; data: never; error?: { message: string } };
}

describe('processes', () => {
  it.each(['built', 'tsx'] as const)('browser mode starts (%s), prints its address, serves the app and renders PDFs', async (how) => {
    const url = await startBrowserMode(tempDir(), how);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const session = await rpc(url, 'setup.complete', VALID_SETUP);
    expect(session.ok).toBe(true);
    const notice = await rpc(url, 'documents.notice', {}, (session.data as { token: string }).token);
    expect(notice.error).toBeUndefined();
    expect(Buffer.from((notice.data as { base64: string }).base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('the cedre launcher answers --help and refuses an unknown command with exit code 2', () => {
    const bin = join(REPO_ROOT, 'bin', 'cedre.cjs');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Utilisation : cedre <commande>/);
    const wrong = spawnSync(process.execPath, [bin, 'nimporte'], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Commande inconnue/);
  }, 30_000);
});
