import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinRouteTables } from '../../src-main/route-tables';
import { routes } from '../../src-main/routes';
import { ROUTE_NAMES } from '../../src-shared/contract';

describe('the route table', () => {
  it('refuses a route defined in two modules, naming both', () => {
    expect(() => joinRouteTables({ core: { 'a.get': {} }, insertion: { 'a.get': {} } })).toThrow('La route « a.get » est définie deux fois (routes/core et routes/insertion).');
  });
  it('holds exactly the contract’s routes', () => {
    expect(Object.keys(routes).sort()).toEqual([...ROUTE_NAMES].sort());
  });
  it('route files hold no SQL: queries live in the services (issue 18 §5)', () => {
    const folder = join(__dirname, '..', '..', 'src-main', 'routes');
    const withSql = readdirSync(folder).filter((f) => /\.(prepare|exec)\(|['"`]\s*(select|insert|update|delete)\s/i.test(readFileSync(join(folder, f), 'utf8')));
    expect(withSql).toEqual([]);
  });
});
