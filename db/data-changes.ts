/**
 * How many rows of the structure's data this connection has changed: SQLite's `total_changes()` less the rows written
 * by bookkeeping that no figure reads (the audit journal, temporary tables of a computation). Caches of computed
 * figures (services/observatoire/year-figures-cache.ts) compare it to know whether the data moved: opening a person
 * file writes an audit row, and must not throw away the Observatoire's figures.
 */
import type Database from 'better-sqlite3';

const bookkeeping = new WeakMap<Database.Database, number>();
const totals = new WeakMap<Database.Database, Database.Statement>();

function totalChanges(sqlite: Database.Database): number {
  let statement = totals.get(sqlite);
  if (!statement) totals.set(sqlite, (statement = sqlite.prepare('select total_changes()').pluck()));
  return statement.get() as number;
}

const inBookkeeping = new WeakSet<Database.Database>();

/**
 * Runs writes that change no data a figure reads, and keeps them out of `dataChanges`. Nested calls (a computation
 * gathering its salariés) are counted once, by the outermost: counted twice, `dataChanges` went down after each
 * computation, which looked like a write and threw the kept figures away.
 */
export function asBookkeeping<T>(sqlite: Database.Database, work: () => T): T {
  if (inBookkeeping.has(sqlite)) return work();
  const before = totalChanges(sqlite);
  inBookkeeping.add(sqlite);
  try {
    return work();
  } finally {
    inBookkeeping.delete(sqlite);
    bookkeeping.set(sqlite, (bookkeeping.get(sqlite) ?? 0) + totalChanges(sqlite) - before);
  }
}

export function dataChanges(sqlite: Database.Database): number {
  return totalChanges(sqlite) - (bookkeeping.get(sqlite) ?? 0);
}
