/**
 * Every route's schema under bad input (issue 20 §6): wrong types, missing and extra fields, NUL characters, huge
 * strings and numbers, at the top and one level down, sent by the direction administrator (who passes every
 * permission check, so the input is really parsed). Not one may end in an internal error: each gets a French 4xx
 * answer or succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, ROUTE_NAMES, type RouteName } from '../../src-shared/contract';
import { TestApp } from '../helpers/app';

/** Routes whose success would end the session or replace the base, so the rest of the run would test nothing. */
const SESSION_ENDING = new Set<string>(['auth.logout', 'auth.lock', 'system.restoreLatestBackup', 'backups.restore', 'system.restoreFromFile', 'securite.replaceRecoveryKey']);

const BAD_VALUES: unknown[] = [null, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x'.repeat(1_000_000), 'a\u0000b', '2026-02-30', '../../etc/passwd', [], [null], {}, { a: 1 }, true];
const BAD_INPUTS: unknown[] = [null, undefined, [], 'texte', 42, true, { champInconnu: 1 }, { __proto__: { admin: true } }];

interface Shape {
  keys: string[];
  nested: Record<string, string[]>;
}

function unwrap(schema: unknown): { shape?: Record<string, unknown> } | null {
  let current = schema;
  for (let depth = 0; depth < 8 && current; depth++) {
    const s = current as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; schema?: unknown; element?: unknown } };
    if (s.shape) return s;
    current = s.def?.in ?? s.def?.innerType ?? s.def?.schema ?? s.def?.element;
  }
  return null;
}

function shapeOf(schema: z.ZodType): Shape {
  const top = unwrap(schema);
  const keys = Object.keys(top?.shape ?? {});
  const nested: Record<string, string[]> = {};
  for (const key of keys) {
    const inner = unwrap(top!.shape![key]);
    if (inner?.shape) nested[key] = Object.keys(inner.shape);
  }
  return { keys, nested };
}

function inputsFor(name: RouteName): unknown[] {
  const { keys, nested } = shapeOf(contract[name].input as z.ZodType);
  const inputs: unknown[] = [...BAD_INPUTS];
  for (const key of keys) {
    for (const value of BAD_VALUES) inputs.push({ [key]: value });
    for (const inner of nested[key] ?? []) for (const value of BAD_VALUES) inputs.push({ [key]: { [inner]: value } });
  }
  // Every key present with a wrong type at once, and with an extra field.
  if (keys.length) {
    inputs.push(Object.fromEntries(keys.map((k) => [k, 'a\u0000b'])));
    inputs.push({ ...Object.fromEntries(keys.map((k) => [k, 12])), champEnTrop: 'x' });
  }
  return inputs;
}

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await TestApp.start();
  token = await app.setUp();
});
afterAll(() => app?.close());

describe('every route under bad input', () => {
  it('answers with a French 4xx or succeeds, never an internal error', async () => {
    const internal: string[] = [];
    let calls = 0;
    for (const name of ROUTE_NAMES) {
      for (const input of inputsFor(name)) {
        if (SESSION_ENDING.has(name) && input && typeof input === 'object' && Object.keys(input).length === 0) continue;
        const result = await app.router.dispatch(name, input, { sessionToken: token });
        calls++;
        if (!result.ok) {
          if (result.error.code === 'INTERNAL') internal.push(`${name} ${JSON.stringify(input)?.slice(0, 120)}`);
          else expect(result.error.message, name).toMatch(/[a-zàâçéèêëîïôûùüÿœ]/i);
        }
        // A route that ended the session (a successful lock or logout): a new one for the next calls.
        const session = await app.router.dispatch('auth.session', {}, { sessionToken: token });
        if (!session.ok || session.data === null || (session.data as { locked?: boolean }).locked) {
          // auth.unlock and auth.changePassword with wrong passwords lock the account on the way: lifted here.
          app.runtime.openOrNull()!.sqlite.prepare('update users set failed_attempts = 0, locked_until = null').run();
          token = (await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).token;
        }
      }
    }
    expect(internal).toEqual([]);
    expect(calls).toBeGreaterThan(3000);
  }, 600_000);
});
