/**
 * The commands users type, run as real processes: `npm run web`'s server (through tsx, as users get it) and the
 * `cedre` launcher. In-process tests cannot catch what only breaks under tsx's module hooks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { VALID_SETUP } from '../helpers/app';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGTERM');
  child = null;
});

function startBrowserMode(dataDir: string): Promise<string> {
  child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/web.ts', '--no-open'], {
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
  it('browser mode starts under tsx, prints its address, serves the app and renders PDFs', async () => {
    const url = await startBrowserMode(tempDir());
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
