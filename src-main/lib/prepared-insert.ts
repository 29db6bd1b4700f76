/**
 * An insert prepared once per set of columns. drizzle's `insert().values().run()` builds and prepares its SQL at
 * every call (≈ 140 µs of the 200 µs a person costs, measured on 3 000 rows); a domain command that an import or the
 * demo calls thousands of times uses this instead, with the values mapped by the table's own column definitions
 * (booleans, JSON…) so the row is stored exactly as drizzle would store it.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

export class PreparedInsert<T extends SQLiteTable> {
  private readonly columns: Record<string, { name: string; mapToDriverValue(value: unknown): unknown }>;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly table: T,
  ) {
    this.columns = getTableColumns(table) as unknown as typeof this.columns;
  }

  run(values: T['$inferInsert']): void {
    const keys = Object.keys(values).filter((key) => (values as Record<string, unknown>)[key] !== undefined);
    const signature = keys.join(',');
    let statement = this.statements.get(signature);
    if (!statement) {
      const names = keys.map((key) => {
        const column = this.columns[key];
        if (!column) throw new Error(`${getTableName(this.table)} has no column ${key}`);
        return `"${column.name}"`;
      });
      statement = this.sqlite.prepare(`insert into "${getTableName(this.table)}" (${names.join(', ')}) values (${keys.map(() => '?').join(', ')})`);
      this.statements.set(signature, statement);
    }
    statement.run(...keys.map((key) => {
      const value = (values as Record<string, unknown>)[key];
      return value === null ? null : this.columns[key]!.mapToDriverValue(value);
    }));
  }
}
