/**
 * Joins the route modules into one table, refusing a route name defined twice: with an object spread, the later
 * module would silently replace the earlier one's handler and permission (issue 18 §5).
 */
export function joinRouteTables<T extends object>(modules: Record<string, object>): T {
  const joined: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const [module, table] of Object.entries(modules)) {
    for (const [name, definition] of Object.entries(table)) {
      const first = owner.get(name);
      if (first) throw new Error(`La route « ${name} » est définie deux fois (routes/${first} et routes/${module}).`);
      owner.set(name, module);
      joined[name] = definition;
    }
  }
  return joined as T;
}
