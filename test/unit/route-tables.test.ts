import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinRouteTables } from '../../src-main/route-tables';
import { routes } from '../../src-main/routes';
import { ROUTE_NAMES } from '../../src-shared/contract';

const folder = join(__dirname, '..', '..', 'src-main', 'routes');

describe('the route table', () => {
  it('refuses a route defined in two modules, naming both', () => {
    expect(() => joinRouteTables({ core: { 'a.get': {} }, insertion: { 'a.get': {} } })).toThrow('La route « a.get » est définie deux fois (routes/core et routes/insertion).');
  });
  it('holds exactly the contract’s routes', () => {
    expect(Object.keys(routes).sort()).toEqual([...ROUTE_NAMES].sort());
  });
  it('route files hold no SQL: queries live in the services (issue 18 §5)', () => {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(40);
    const withSql = files.filter((f) => /\.(prepare|exec)\(|['"`]\s*(select|insert|update|delete)\s/i.test(readFileSync(join(folder, f), 'utf8')));
    expect(withSql).toEqual([]);
  });
  it('has one file per contract prefix, holding that prefix’s routes and no other (issue 18 §5)', () => {
    const prefixes = new Set(ROUTE_NAMES.map((name) => name.split('.')[0]!));
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    const fileOf = (prefix: string) => `${prefix.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`;
    expect(files.sort()).toEqual([...prefixes].map(fileOf).sort());
    for (const prefix of prefixes) {
      const defined = [...readFileSync(join(folder, fileOf(prefix)), 'utf8').matchAll(/^ {2}'(\w+\.\w+)':/gm)].map((m) => m[1]!);
      expect(defined.sort(), fileOf(prefix)).toEqual(ROUTE_NAMES.filter((name) => name.startsWith(`${prefix}.`)).sort());
    }
  });
});
