/** Browser mode's HTTP transport on a real socket: every refused request is refused before any route runs. */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../src-main/web-server';
import { startInProcess } from '../../src-main/worker/local-data-service';
import { MAX_BODY_BYTES } from '../../src-main/transport/http';
import { VALID_SETUP } from '../helpers/app';
import { MIGRATIONS, tempDir } from '../helpers/temp';

let server: RunningWebServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function rpc(route: string, input: unknown, headers: Record<string, string> = {}) {
  return send({
    method: 'POST',
    path: `/rpc/${route}`,
    headers: { 'content-type': 'application/json', 'x-cedre-token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

function usersCount(): number {
  return server.runtime!.openOrNull()!.sqlite.prepare('select count(*) from users').pluck().get() as number;
}

beforeEach(async () => {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cèdre</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ dataDir: tempDir(), migrationsFolder: MIGRATIONS, rendererDir, port: 0, dataWork: startInProcess });
});
afterEach(async () => server.close());

describe('HTTP transport', () => {
  it('prints an address on 127.0.0.1 carrying the launch token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?jeton=[A-Za-z0-9_-]{32}$`));
  });

  it('runs a route for a caller with the token, and returns typed errors with their HTTP status', async () => {
    const ok = await rpc('setup.complete', VALID_SETUP);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { user: { login: 'm.durand' } } });
    const bad = await rpc('auth.login', { login: 'm.durand', password: 'faux' });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Identifiant ou mot de passe incorrect.' } });
    const session = JSON.parse(ok.body).data.token as string;
    expect((await rpc('users.list', {}, { 'x-cedre-session': session })).status).toBe(200);
    expect((await rpc('users.list', {})).status).toBe(401);
    expect((await rpc('nope', {})).status).toBe(404);
    expect((await rpc('structure.get', { x: 1 }, { 'x-cedre-session': session })).status).toBe(400);
  });

  it('refuses a missing or wrong token, another Host, another Origin — and nothing changes', async () => {
    const body = JSON.stringify(VALID_SETUP);
    const base = { method: 'POST', path: '/rpc/setup.complete', body };
    const attempts: Array<[Record<string, string>, number]> = [
      [{ 'content-type': 'application/json' }, 401],
      [{ 'content-type': 'application/json', 'x-cedre-token': 'mauvais' }, 401],
      // Off by its last character only (always a different one).
      [{ 'content-type': 'application/json', 'x-cedre-token': server.token.slice(0, -1) + (server.token.endsWith('x') ? 'y' : 'x') }, 401],
      [{ 'content-type': 'application/json', 'x-cedre-token': server.token, host: 'evil.example' }, 403],
      [{ 'content-type': 'application/json', 'x-cedre-token': server.token, host: `127.0.0.1.evil.example:${server.port}` }, 403],
      [{ 'content-type': 'application/json', 'x-cedre-token': server.token, origin: 'http://evil.example' }, 403],
      [{ 'content-type': 'application/json', 'x-cedre-token': server.token, origin: 'null' }, 403],
    ];
    for (const [headers, status] of attempts) {
      const reply = await send({ ...base, headers });
      expect(reply.status, JSON.stringify(headers)).toBe(status);
      expect(JSON.parse(reply.body).ok).toBe(false);
    }
    expect((await send({ path: '/', headers: { host: 'rebind.example' } })).status).toBe(403);
    expect(server.runtime!.stateKind()).toBe('setup');
    expect(usersCount()).toBe(0);
  });

  it('refuses non-JSON, malformed JSON, oversized bodies and other methods with a French message', async () => {
    const headers = { 'x-cedre-token': server.token };
    const wrongType = await send({ method: 'POST', path: '/rpc/setup.complete', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' });
    expect(wrongType.status).toBe(415);
    const malformed = await send({ method: 'POST', path: '/rpc/setup.complete', headers: { ...headers, 'content-type': 'application/json' }, body: '{"structure": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe('Les données envoyées ne sont pas du JSON valide.');
    // 70 MB, announced or sent in chunks without a length: the client reads a French 413, not a reset connection.
    const seventy = Buffer.alloc(70 * 1024 * 1024, 0x20);
    expect(seventy.length).toBeGreaterThan(MAX_BODY_BYTES);
    const huge = await send({ method: 'POST', path: '/rpc/setup.complete', headers: { ...headers, 'content-type': 'application/json' }, body: seventy });
    expect([huge.status, JSON.parse(huge.body).error.message]).toEqual([413, 'Les données envoyées sont trop volumineuses.']);
    const chunked = await send({ method: 'POST', path: '/rpc/setup.complete', headers: { ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: seventy });
    expect(chunked.status).toBe(413);
    // And the server still answers.
    expect((await rpc('system.status', {}, headers)).status).toBe(200);
    expect((await send({ method: 'GET', path: '/rpc/system.status', headers })).status).toBe(405);
    // A malformed % escape in the route's name: a French 404, not a 500 (issue 20 §6).
    const badEscape = await send({ method: 'POST', path: '/rpc/system.%E0%A4%A', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect([badEscape.status, JSON.parse(badEscape.body).error.message]).toEqual([404, 'Cette opération n’existe pas.']);
    expect((await send({ method: 'DELETE', path: '/' })).status).toBe(405);
    expect(usersCount()).toBe(0);
  });

  it('serves the renderer with security headers, and no file outside it', async () => {
    const index = await send({ path: '/?jeton=abc' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Cèdre</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['cache-control']).toBe('no-store');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of ['/../cedre.sqlite', '/%2e%2e/cedre.sqlite', '/assets/../../cedre.sqlite', '/missing.js']) {
      expect((await send({ path })).status, path).toBe(404);
    }
  });
});

describe('job requests (progress and cancellation of a long call)', () => {
  it('needs the launch token, a sane id and POST; shows nothing of a job to another session', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await send({ method: 'POST', path: '/job/job-12345678/progress', headers: json, body: '{}' })).status).toBe(401);
    const headers = { ...json, 'x-cedre-token': server.token };
    expect((await send({ method: 'GET', path: '/job/job-12345678/progress', headers })).status).toBe(405);
    for (const path of ['/job/x/progress', '/job/job-12345678/delete', '/job/job-12345678/progress/more', '/job/..%2F..%2Fetc/progress']) {
      const refused = await send({ method: 'POST', path, headers, body: '{}' });
      expect([refused.status, JSON.parse(refused.body).error.message], path).toEqual([404, 'Cette opération n’existe pas.']);
    }
    const unknown = await send({ method: 'POST', path: '/job/job-12345678/cancel', headers, body: '{}' });
    expect([unknown.status, JSON.parse(unknown.body)]).toEqual([200, { ok: true, progress: null }]);
  });
});

describe('browser mode over the data worker', () => {
  it('imports through the worker while the server answers the job’s progress, for its session only', async () => {
    const worker = await startWebServer({ dataDir: tempDir(), migrationsFolder: MIGRATIONS, rendererDir: tempDir(), port: 0 });
    try {
      expect(worker.runtime).toBeNull();
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${worker.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cedre-token': worker.token, ...headers }, body: JSON.stringify(body) });
      const { token } = (await (await post('/rpc/setup.complete', VALID_SETUP)).json()).data as { token: string };
      const lines = ['ref;civilite;nom;prenom;date_naissance', ...Array.from({ length: 20_000 }, (_, i) => `P${i};MME;Nom${i};Prénom${i};0${(i % 9) + 1}/03/1985`)];
      const file = { name: 'personnes.csv', base64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') };
      const job = 'job-http-import-1';
      const importing = post('/rpc/import.run', { files: [file], simulation: true }, { 'x-cedre-session': token, 'x-cedre-job': job }).then((r) => r.json());
      let done = false;
      void importing.finally(() => (done = true));
      const seen: Array<{ step: string; done: number | null }> = [];
      let strangerSawIt = false;
      while (!done) {
        const mine = (await (await post(`/job/${job}/progress`, {}, { 'x-cedre-session': token })).json()) as { progress: { step: string; done: number | null } | null };
        if (mine.progress) seen.push(mine.progress);
        const stranger = (await (await post(`/job/${job}/progress`, {}, { 'x-cedre-session': 'autre' })).json()) as { progress: unknown };
        if (stranger.progress !== null) strangerSawIt = true;
        await new Promise((r) => setTimeout(r, 20));
      }
      const report = (await importing) as { ok: boolean; data: { ok: boolean; simulation: boolean } };
      expect(report.ok && report.data.ok && report.data.simulation).toBe(true);
      expect(seen.some((p) => p.step === 'Écriture des lignes' && (p.done ?? 0) > 0)).toBe(true);
      expect(strangerSawIt).toBe(false);
    } finally {
      await worker.close();
    }
  }, 120_000);
});

describe('a second server on the same port', () => {
  it('is refused with a French explanation', async () => {
    await expect(startWebServer({ dataDir: tempDir(), migrationsFolder: MIGRATIONS, rendererDir: tempDir(), port: server.port })).rejects.toThrow(
      `Le port ${server.port} est déjà utilisé`,
    );
  });
});
