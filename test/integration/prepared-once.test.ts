// Statements the indicators' engine keeps prepared (issue 19): one per connection and text, handed out in plain mode.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { preparedOnce } from '../../db/prepared-once';

const opened: Database.Database[] = [];
function openBase(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, \'un\'), (2, \'deux\');');
  opened.push(sqlite);
  return sqlite;
}
afterEach(() => {
  for (const sqlite of opened.splice(0)) sqlite.close();
});

describe('preparedOnce', () => {
  it('hands out the same statement for the same text on one connection, another for another text', () => {
    const sqlite = openBase();
    const first = preparedOnce(sqlite, 'SELECT a, b FROM t ORDER BY a');
    expect(preparedOnce(sqlite, 'SELECT a, b FROM t ORDER BY a')).toBe(first);
    expect(preparedOnce(sqlite, 'SELECT a FROM t ORDER BY a')).not.toBe(first);
  });

  it('keeps statements apart per connection', () => {
    const one = openBase();
    const other = openBase();
    other.exec("UPDATE t SET b = 'autre' WHERE a = 1");
    const sql = 'SELECT b FROM t WHERE a = 1';
    expect(preparedOnce(one, sql)).not.toBe(preparedOnce(other, sql));
    expect(preparedOnce(one, sql).get()).toEqual({ b: 'un' });
    expect(preparedOnce(other, sql).get()).toEqual({ b: 'autre' });
  });

  it('sets the result mode back to plain objects, whatever mode the previous caller left', () => {
    const sqlite = openBase();
    const sql = 'SELECT a, b FROM t ORDER BY a';
    expect(preparedOnce(sqlite, sql).pluck().all()).toEqual([1, 2]);
    expect(preparedOnce(sqlite, sql).all()).toEqual([
      { a: 1, b: 'un' },
      { a: 2, b: 'deux' },
    ]);
    expect(preparedOnce(sqlite, sql).raw().all()).toEqual([
      [1, 'un'],
      [2, 'deux'],
    ]);
    expect(preparedOnce(sqlite, sql).get()).toEqual({ a: 1, b: 'un' });
    expect(preparedOnce(sqlite, sql).expand().get()).toEqual({ t: { a: 1, b: 'un' } });
    expect(preparedOnce(sqlite, sql).get()).toEqual({ a: 1, b: 'un' });
  });

  it('hands out statements that write, and they see the rows they wrote', () => {
    const sqlite = openBase();
    const insert = preparedOnce(sqlite, 'INSERT INTO t VALUES (?, ?)');
    insert.run(3, 'trois');
    expect(preparedOnce(sqlite, 'INSERT INTO t VALUES (?, ?)')).toBe(insert);
    expect(preparedOnce(sqlite, 'SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it('still works after the schema changed under a kept statement', () => {
    const sqlite = openBase();
    const sql = 'SELECT * FROM t ORDER BY a';
    expect(preparedOnce(sqlite, sql).all()).toHaveLength(2);
    sqlite.exec('ALTER TABLE t ADD COLUMN c TEXT');
    expect(preparedOnce(sqlite, sql).get()).toEqual({ a: 1, b: 'un', c: null });
  });
});
