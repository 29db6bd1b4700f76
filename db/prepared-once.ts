/**
 * Statements prepared once per connection and SQL text (issue 19). SQLite compiles a statement each time it is
 * prepared: the indicators' engine prepared its 40-odd statements at every computation, ≈ 3 ms of a year's 200 at ×10,
 * which the hand-written SQL it is compared with prepares once. A statement stays valid across schema changes (SQLite
 * prepares it again by itself) and goes with its connection.
 *
 * A statement's result mode (`pluck`, `raw`, `expand`) is a state of the statement: it is set back to plain objects
 * each time one is handed out, so that a caller never receives the mode another caller of the same text left.
 */
import type Database from 'better-sqlite3';

const statementsOf = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function preparedOnce(sqlite: Database.Database, sql: string): Database.Statement {
  let statements = statementsOf.get(sqlite);
  if (!statements) statementsOf.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  // raw(false) and pluck(false) each turn one mode off; expand(false) the last. Only statements returning rows have one.
  else if (statement.reader) statement.raw(false).pluck(false).expand(false);
  return statement;
}
