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

/** A year, or a year and the part of its figures kept (`2025:preuves`). */
export type FiguresKey = number | `${number}:${string}`;

export class YearFiguresCache<T> {
  private readonly entries = new Map<FiguresKey, T>();
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
    if (!committed) this.forget();
  }

  /**
   * A number that changes whenever the kept figures are thrown away (a write, a rollback), so that what is derived
   * from the data beside them (the year's salariés, IndicatorsService.gatherSalaries) is reused exactly as long; null
   * inside a transaction that may hold writes a rollback can undo.
   */
  keptGeneration(): number | null {
    const { uncommittedWrites } = this.validate();
    return uncommittedWrites ? null : this.generation;
  }

  private generation = 0;

  private forget(): void {
    this.entries.clear();
    this.generation++;
  }

  /** The figures kept for this key if no write happened since, without computing anything. */
  peek(key: FiguresKey): T | undefined {
    const { uncommittedWrites } = this.validate();
    const kept = uncommittedWrites ? undefined : this.entries.get(key);
    return kept === undefined ? undefined : structuredClone(kept);
  }

  get(key: FiguresKey, compute: () => T): T {
    const { dataVersion, uncommittedWrites } = this.validate();
    const kept = uncommittedWrites ? undefined : this.entries.get(key);
    if (kept !== undefined) return structuredClone(kept);
    const fresh = compute();
    const after = this.changes();
    if (!uncommittedWrites) {
      this.entries.set(key, structuredClone(fresh));
      // The computation's own temporary tables counted as changes: they are not a write to the data.
      if (this.transactionStartChanges !== null) this.transactionStartChanges = after;
    }
    this.seenChanges = after;
    this.seenDataVersion = dataVersion;
    return fresh;
  }

  /** Empties the cache after a write; says whether this transaction may hold writes a rollback can undo. */
  private validate(): { changes: number; dataVersion: number; uncommittedWrites: boolean } {
    const changes = this.changes();
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number;
    if (changes !== this.seenChanges || dataVersion !== this.seenDataVersion) {
      this.forget();
      this.seenChanges = changes;
      this.seenDataVersion = dataVersion;
    }
    // A transaction begun elsewhere (without OpenRuntime) is treated as one that may have written.
    const uncommittedWrites = this.sqlite.inTransaction && (this.transactionStartChanges === null || this.transactionStartChanges !== changes);
    return { changes, dataVersion, uncommittedWrites };
  }

  private changes(): number {
    return dataChanges(this.sqlite);
  }
}
