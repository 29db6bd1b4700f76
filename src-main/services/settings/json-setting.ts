/** A structure-wide setting stored as JSON under its key in `settings`, merged over its defaults when read. */
import type Database from 'better-sqlite3';

export function readJsonSetting<T extends object>(sqlite: Database.Database, key: string, defaults: T): T {
  const row = sqlite.prepare('select value from settings where key = ?').pluck().get(key) as string | undefined;
  return row ? { ...defaults, ...(JSON.parse(row) as Partial<T>) } : defaults;
}

export function writeJsonSetting(sqlite: Database.Database, key: string, value: unknown, now: Date): void {
  sqlite
    .prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), now.toISOString());
}
