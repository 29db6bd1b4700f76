/**
 * A year's indicators kept until the base changes (issue 19: the Observatoire page shows three years, and past years'
 * figures do not move unless something is written). Any write empties the cache, whatever it touched: a stale figure
 * in a report the federation checks is worse than a recomputation.
 *
 * A write is seen through SQLite's own counters: `total_changes()` less the audit journal's rows (db/data-changes.ts:
 * reading a person file writes an audit row, not data; a computation's temporary tables are counted too, so the
 * cache records the counter after each computation) and `PRAGMA data_version` (commits by other connections: the
 * command line, a restore). Inside a transaction that has already written, the figures would
 * include rows a rollback can still undo: such a computation is neither served from nor kept in the cache.
 */
import type Database from 'better-sqlite3';
import { dataChanges } from '../../../db/data-changes';

export class YearFiguresCache<T> {
  private readonly entries = new Map<number, T>();
  private seenChanges = -1;
  private seenDataVersion = -1;
  /** total_changes() when the outermost transaction began (OpenRuntime.transaction); null outside one. */
  private transactionStartChanges: number | null = null;

  constructor(private readonly sqlite: Database.Database) {}

  transactionStarted(): void {
    this.transactionStartChanges = this.changes();
  }

  transactionEnded(committed: boolean): void {
    this.transactionStartChanges = null;
    if (!committed) this.entries.clear();
  }

  get(year: number, compute: () => T): T {
    const changes = this.changes();
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number;
    if (changes !== this.seenChanges || dataVersion !== this.seenDataVersion) this.entries.clear();
    // A transaction begun elsewhere (without OpenRuntime) is treated as one that may have written.
    const uncommittedWrites = this.sqlite.inTransaction && (this.transactionStartChanges === null || this.transactionStartChanges !== changes);
    const kept = uncommittedWrites ? undefined : this.entries.get(year);
    if (kept !== undefined) return structuredClone(kept);
    const fresh = compute();
    const after = this.changes();
    if (!uncommittedWrites) {
      this.entries.set(year, structuredClone(fresh));
      // The computation's own temporary tables counted as changes: they are not a write to the data.
      if (this.transactionStartChanges !== null) this.transactionStartChanges = after;
    }
    this.seenChanges = after;
    this.seenDataVersion = dataVersion;
    return fresh;
  }

  private changes(): number {
    return dataChanges(this.sqlite);
  }
}
