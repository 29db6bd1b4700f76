/**
 * Stores the rows of the quality registers described in src-shared/qualite/registers.ts. Columns come from the
 * description only (never from the input), so a payload cannot name another column or table. Rows are kept for the
 * record: a register row is corrected, never deleted.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { REGISTERS, type RegisterKey, type RegisterRow, type RegisterSpec } from '../../../src-shared/qualite/registers';
import { uuidv7 } from '../../lib/uuid';

export class RegisterStore {
  constructor(private readonly sqlite: Database.Database) {}

  list(key: RegisterKey): RegisterRow[] {
    const spec = REGISTERS[key];
    const columns = spec.fields.map((f) => `${f.column} as "${f.name}"`).join(', ');
    const dateColumn = spec.fields.find((f) => f.name === spec.dateField)!.column;
    return this.sqlite.prepare(`select id, ${columns} from ${spec.table} order by ${dateColumn} desc, created_at desc limit 2000`).all() as RegisterRow[];
  }

  /** Creates or corrects one row; returns its id. `input` has been parsed by the register's schema. */
  save(key: RegisterKey, input: Record<string, unknown> & { id: string | null }, now: Date): string {
    const spec = REGISTERS[key];
    this.checkReferences(spec, input);
    const at = now.toISOString();
    const values = spec.fields.map((f) => input[f.name] ?? null);
    try {
      if (input.id) {
        if (!this.sqlite.prepare(`select 1 from ${spec.table} where id = ?`).get(input.id)) throw new AppError('NOT_FOUND', 'Cette ligne n’existe plus.');
        this.sqlite.prepare(`update ${spec.table} set ${spec.fields.map((f) => `${f.column} = ?`).join(', ')}, updated_at = ? where id = ?`).run(...values, at, input.id);
        return input.id;
      }
      const id = uuidv7(now.getTime());
      this.sqlite
        .prepare(`insert into ${spec.table} (id, ${spec.fields.map((f) => f.column).join(', ')}, created_at, updated_at) values (?, ${spec.fields.map(() => '?').join(', ')}, ?, ?)`)
        .run(id, ...values, at, at);
      return id;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('CONFLICT', 'Cette version de la procédure existe déjà : augmentez le numéro de version.', { version: 'Version déjà enregistrée.' });
      }
      throw err;
    }
  }

  private checkReferences(spec: RegisterSpec, input: Record<string, unknown>): void {
    for (const f of spec.fields) {
      if (f.kind !== 'ref' || input[f.name] == null) continue;
      if (!this.sqlite.prepare(`select 1 from ${REGISTERS[f.ref!].table} where id = ?`).get(input[f.name])) {
        throw new AppError('VALIDATION', `${f.label} : élément introuvable.`, { [f.name]: 'Élément introuvable.' });
      }
    }
  }
}
