/**
 * Browser mode's transport: the router behind `POST /rpc/<route>` on 127.0.0.1, plus the built renderer.
 * Guards, in order: Host header (DNS rebinding), Origin (other web pages), the per-launch token (other local
 * programs and pages that cannot read the printed address). A refused request reaches no route.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_JOB_HEADER, HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER } from '../../src-shared/bridge';
import type { AppErrorPayload, ErrorCode } from '../../src-shared/errors';
import { isJobId, type JobAnswer } from '../../src-shared/jobs';
import { MALFORMED_JSON_MESSAGE, parseJsonBody, type RpcDispatcher } from '../worker/data-service';
import { SECURITY_HEADERS } from './security-headers';

/** A workbook to import (40 MB at most) travels as base64 in one request. */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONFIRMATION_REQUIRED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type { RpcDispatcher };

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) => void;

export interface HttpTransportOptions {
  dispatcher: RpcDispatcher;
  token: string;
  serveStatic: StaticHandler;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const error: AppErrorPayload = { code, message };
  sendJson(res, status, { ok: false, error });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The chunks in one buffer owning its memory (not a slice of Node's shared pool), so it can be moved to the worker. */
function ownedBuffer(chunks: Buffer[], size: number): Buffer {
  const body = Buffer.from(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) offset += chunk.copy(body, offset);
  return body;
}

/** Beyond this, a body is no longer drained for a clean 413: the connection is cut. */
const MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES;

/**
 * The body, or a rejection once it passes the limit. An oversized body is still read to its end (and dropped) so
 * the client receives the French 413 instead of a reset connection (issue 20 §6); only an absurd one is cut.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const announced = Number(req.headers['content-length'] ?? 0);
    if (announced > MAX_DRAINED_BYTES) {
      reject(new Error('too-large'));
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new Error('too-large')) : resolve(ownedBuffer(chunks, size))));
    req.on('error', reject);
    req.on('close', () => size > MAX_BODY_BYTES && reject(new Error('too-large')));
  });
}

export function createHttpTransport(options: HttpTransportOptions): Server {
  const server = createServer((req, res) => {
    void handle(server, options, req, res).catch((err: unknown) => {
      console.error('[cedre] requête HTTP en échec :', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', "Une erreur inattendue est survenue ; rien n'a été enregistré.");
      else res.destroy();
    });
  });
  return server;
}

async function handle(server: Server, options: HttpTransportOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    refuse(res, 403, 'FORBIDDEN', 'Adresse refusée : ouvrez l’application par l’adresse 127.0.0.1 affichée au démarrage.');
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    refuse(res, 403, 'FORBIDDEN', 'Origine refusée : seules les pages de l’application peuvent l’appeler.');
    return;
  }

  const url = req.url ?? '/';
  const sessionHeader = req.headers[HTTP_SESSION_HEADER];
  const sessionToken = typeof sessionHeader === 'string' && sessionHeader.length > 0 ? sessionHeader : null;
  if (url.startsWith('/job/')) {
    // Progress and cancellation of a long call: answered here at once, while the data worker does the work.
    const tokenHeader = req.headers[HTTP_TOKEN_HEADER];
    if (req.method !== 'POST') return refuse(res, 405, 'NOT_FOUND', 'Méthode non autorisée.');
    if (!sameSecret(typeof tokenHeader === 'string' ? tokenHeader : undefined, options.token)) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'Jeton de lancement absent ou invalide : ouvrez l’adresse affichée au démarrage de l’application.');
    }
    const [, , jobId, action, extra] = url.split('?')[0]!.split('/');
    if (!isJobId(jobId) || (action !== 'progress' && action !== 'cancel') || extra !== undefined) return refuse(res, 404, 'NOT_FOUND', 'Cette opération n’existe pas.');
    const dispatcher = options.dispatcher;
    const progress = action === 'progress' ? (dispatcher.jobProgress?.(jobId, sessionToken) ?? null) : (dispatcher.cancelJob?.(jobId, sessionToken) ?? null);
    sendJson(res, 200, { ok: true, progress } satisfies JobAnswer);
    return;
  }
  if (url.startsWith('/rpc/')) {
    if (req.method !== 'POST') {
      refuse(res, 405, 'NOT_FOUND', 'Méthode non autorisée.');
      return;
    }
    const tokenHeader = req.headers[HTTP_TOKEN_HEADER];
    if (!sameSecret(typeof tokenHeader === 'string' ? tokenHeader : undefined, options.token)) {
      refuse(res, 401, 'UNAUTHENTICATED', 'Jeton de lancement absent ou invalide : ouvrez l’adresse affichée au démarrage de l’application.');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(res, 415, 'VALIDATION', 'Les données doivent être envoyées au format JSON.');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      refuse(res, 413, 'VALIDATION', 'Les données envoyées sont trop volumineuses.');
      return;
    }
    let routeName: string;
    try {
      routeName = decodeURIComponent(url.slice('/rpc/'.length).split('?')[0]!);
    } catch {
      // A malformed % escape (issue 20 §6): a French 404, never a crash of the request.
      refuse(res, 404, 'NOT_FOUND', 'Cette opération n’existe pas.');
      return;
    }
    const jobHeader = req.headers[HTTP_JOB_HEADER];
    const caller = { sessionToken, jobId: isJobId(jobHeader) ? jobHeader : null };
    let result;
    if (options.dispatcher.dispatchJson) {
      // Parsed by the data worker: a large body never holds up this thread (issue 18 §4).
      result = await options.dispatcher.dispatchJson(routeName, body, caller);
    } else {
      const parsed = parseJsonBody(body);
      if (!parsed) return refuse(res, 400, 'VALIDATION', MALFORMED_JSON_MESSAGE);
      result = await options.dispatcher.dispatch(routeName, parsed.input, caller);
    }
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    return;
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(res, 405, 'NOT_FOUND', 'Méthode non autorisée.');
    return;
  }
  options.serveStatic(req, res, SECURITY_HEADERS);
}
