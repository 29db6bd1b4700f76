/**
 * Writes the register sheets (partners, follow-ups, PASS periods, quality registers…) inside the import's
 * transaction: each row found again by its ref or natural key and updated, or inserted; parents resolved from their
 * sheet's refs. Values are stored in the table's own types (integers, booleans as 0/1, JSON checked).
 */
import type Database from 'better-sqlite3';
import { SHEET_COLUMNS, type ImportSheet } from '../../../src-shared/import-format';
import { REGISTER_SHEETS, type RegisterSheet } from '../../../src-shared/import-format-registers';
import { REGISTER_TABLES, parentColumns, type RegisterTable } from './register-tables';
import type { ProblemList, SheetRecord } from './sheet-records';
import { checkManualFile } from '../qualite/manual-files';

/** What the register writer needs from the import in progress. */
export interface RegisterContext {
  sqlite: Database.Database;
  problems: ProblemList;
  at: string;
  newId(): string;
  records(sheet: ImportSheet): SheetRecord[];
  has(sheet: ImportSheet, column: string): boolean;
  rejectedRefs(sheet: ImportSheet): Set<string>;
  /** Whether a contract of this person was refused: their parcours may be missing for that reason alone. */
  contractsRejected(personneId: string): boolean;
  refOf(sheet: string, ref: string): string | null;
  setRef(sheet: string, ref: string, id: string): void;
  count(sheet: ImportSheet, created: boolean): void;
  /** A file brought beside the workbook (`documents/…`), if it was. */
  attachment(path: string): Uint8Array | undefined;
}

interface ColumnInfo {
  type: string;
  notNull: boolean;
}

export function tableColumns(sqlite: Database.Database, table: string): Map<string, ColumnInfo> {
  const rows = sqlite.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string; type: string; notnull: number }>;
  return new Map(rows.map((r) => [r.name, { type: r.type.toLowerCase(), notNull: r.notnull === 1 }]));
}

/** Partners first: the dated rows of parcours (formations, immersions, actions) point at them. */
export const REGISTERS_BEFORE_PARCOURS: readonly RegisterSheet[] = ['partenaires'];

export function writeRegisters(ctx: RegisterContext, sheets: readonly RegisterSheet[] = REGISTER_SHEETS.filter((s) => !REGISTERS_BEFORE_PARCOURS.includes(s))): void {
  for (const sheet of sheets) {
    const records = ctx.records(sheet);
    if (records.length) new RegisterSheetWriter(ctx, sheet).write(records);
  }
}

class RegisterSheetWriter {
  private readonly spec: RegisterTable;
  private readonly columns: Map<string, ColumnInfo>;

  constructor(
    private readonly ctx: RegisterContext,
    private readonly sheet: RegisterSheet,
  ) {
    this.spec = REGISTER_TABLES[sheet];
    this.columns = tableColumns(ctx.sqlite, this.spec.table);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Each SQL text is prepared once per sheet: a register of thousands of rows runs the same few statements. */
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.ctx.sqlite.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  write(records: SheetRecord[]): void {
    const parents = parentColumns(this.spec);
    const valueColumns = SHEET_COLUMNS[this.sheet].filter((c) => c.name !== 'ref' && c.name !== this.spec.attachment && !parents.has(c.name) && this.ctx.has(this.sheet, c.name));
    const seen = new Map<string, number>();
    for (const r of records) {
      const identity = this.identityOf(r);
      const first = seen.get(identity);
      if (first !== undefined) {
        this.ctx.problems.error(this.sheet, r.line, this.identityColumns()[0]!, `Cette ligne répète la ligne ${first}.`);
        continue;
      }
      seen.set(identity, r.line);
      const values: Record<string, unknown> = {};
      let ok = this.resolveParents(r, values);
      for (const c of valueColumns) {
        const stored = this.stored(r, c.name);
        if (stored === undefined) ok = false;
        else values[this.spec.renamed?.[c.name] ?? c.name] = stored;
      }
      if (this.spec.attachment && !this.attach(r, values)) ok = false;
      const problem = ok ? (this.spec.check?.(values) ?? null) : null;
      if (problem) {
        this.ctx.problems.error(this.sheet, r.line, Object.entries(this.spec.renamed ?? {}).find(([, db]) => db === problem.column)?.[0] ?? problem.column, problem.message);
        ok = false;
      }
      if (!ok) continue;
      this.save(r, values);
    }
  }

  /** The attached file's bytes, checked as a file attached on screen would be. */
  private attach(r: SheetRecord, values: Record<string, unknown>): boolean {
    const column = this.spec.attachment!;
    const path = String(r.values[column] ?? '').replace(/\\/g, '/');
    const bytes = this.ctx.attachment(path);
    if (!bytes) {
      this.ctx.problems.error(this.sheet, r.line, column, `Fichier joint absent : « ${path} » doit se trouver à côté du classeur (dans l’archive ZIP ou le dossier exporté).`);
      return false;
    }
    const checked = checkManualFile(String(r.values.nom ?? ''), bytes);
    if (!checked.ok) {
      this.ctx.problems.error(this.sheet, r.line, column, checked.message);
      return false;
    }
    values.contenu = Buffer.from(bytes);
    values.taille = bytes.length;
    values.type_mime = checked.mime;
    return true;
  }

  private identityColumns(): readonly string[] {
    const { identity } = this.spec;
    return identity === 'ref' ? ['ref'] : identity === 'parent' ? [...parentColumns(this.spec)] : identity;
  }

  private identityOf(r: SheetRecord): string {
    return this.identityColumns()
      .map((c) => String(r.values[c] ?? ''))
      .join('\u0000');
  }

  /** The value as the table stores it; undefined after reporting an error on its cell. */
  private stored(r: SheetRecord, name: string): unknown {
    const column = this.spec.renamed?.[name] ?? name;
    const info = this.columns.get(column);
    const raw = r.values[name];
    if (raw === null || raw === undefined) return info?.notNull ? '' : null;
    if (this.spec.json?.includes(name)) {
      try {
        JSON.parse(String(raw));
      } catch {
        this.ctx.problems.error(this.sheet, r.line, name, 'Cette cellule doit contenir la valeur exportée par l’application (format JSON), elle est illisible.');
        return undefined;
      }
      return String(raw);
    }
    if (typeof raw === 'boolean') return raw ? 1 : 0;
    const factor = this.spec.scaled?.[name];
    if (factor !== undefined) {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) {
        this.ctx.problems.error(this.sheet, r.line, name, `« ${String(raw)} » : un nombre positif est attendu.`);
        return undefined;
      }
      return Math.round(n * factor);
    }
    if (info?.type === 'integer') {
      const n = Number(raw);
      if (!Number.isInteger(n)) {
        this.ctx.problems.error(this.sheet, r.line, name, `« ${String(raw)} » : un nombre entier est attendu.`);
        return undefined;
      }
      return n;
    }
    if (info?.type === 'real') return Number(raw);
    return raw;
  }

  private resolveParents(r: SheetRecord, values: Record<string, unknown>): boolean {
    let ok = true;
    for (const parent of this.spec.parents) {
      if (parent.kind === 'ref') {
        const ref = r.values[parent.column];
        if (ref === null || ref === undefined) {
          values[parent.dbColumn] = null;
          continue;
        }
        const id = this.ctx.refOf(parent.sheet, String(ref));
        if (!id) {
          ok = false;
          if (!this.ctx.rejectedRefs(parent.sheet as ImportSheet).has(String(ref))) {
            this.ctx.problems.error(this.sheet, r.line, parent.column, `Référence inconnue : aucune ligne de la feuille ${parent.sheet} n’a la référence « ${String(ref)} ».`);
          }
        }
        values[parent.dbColumn] = id;
      } else if (parent.kind === 'pass') {
        const numero = String(r.values.numero_pass ?? '').replace(/\s/g, '');
        const id = this.statement('select id from pass_iae where numero = ?').pluck().get(numero) as string | undefined;
        if (!id) {
          ok = false;
          this.ctx.problems.error(this.sheet, r.line, 'numero_pass', `PASS IAE inconnu : « ${numero} » (il doit figurer dans la feuille pass_iae).`);
        }
        values.pass_id = id ?? null;
      } else {
        const personneId = this.ctx.refOf('personnes', String(r.values.ref_personne ?? ''));
        const id = personneId
          ? (this.statement('select id from parcours where personne_id = ? and dispositif = ? and date_debut = ? order by id limit 1').pluck().get(personneId, r.values.dispositif, r.values.debut_parcours) as string | undefined)
          : undefined;
        if (!personneId) {
          ok = false;
          if (!this.ctx.rejectedRefs('personnes').has(String(r.values.ref_personne))) {
            this.ctx.problems.error(this.sheet, r.line, 'ref_personne', `Personne inconnue : aucune ligne de la feuille personnes n’a la référence « ${String(r.values.ref_personne)} ».`);
          }
        } else if (!id) {
          ok = false;
          if (!this.ctx.contractsRejected(personneId)) this.ctx.problems.error(this.sheet, r.line, 'debut_parcours', `Cette personne n’a pas de parcours ${String(r.values.dispositif)} commencé à cette date (le premier contrat du parcours).`);
        }
        values.parcours_id = id ?? null;
      }
    }
    return ok;
  }

  private existing(r: SheetRecord, values: Record<string, unknown>): string | null {
    const { identity, table, primaryKey } = this.spec;
    if (identity === 'ref') return this.ctx.refOf(this.sheet, String(r.values.ref));
    if (identity === 'parent') {
      const column = this.spec.parents[0]!.dbColumn;
      return (this.statement(`select "${primaryKey}" from "${table}" where "${column}" = ?`).pluck().get(values[column]) as string | undefined) ?? null;
    }
    const where = identity.map((c) => `"${this.spec.renamed?.[c] ?? c}" = ?`).join(' and ');
    const params = identity.map((c) => {
      const v = r.values[c];
      return this.columns.get(this.spec.renamed?.[c] ?? c)?.type === 'integer' ? Number(v) : v;
    });
    return (this.statement(`select "${primaryKey}" from "${table}" where ${where}`).pluck().get(...params) as string | undefined) ?? null;
  }

  private save(r: SheetRecord, values: Record<string, unknown>): void {
    const { table, primaryKey, generatedId, stamps } = this.spec;
    const existing = this.existing(r, values);
    if (existing !== null) {
      const set: Record<string, unknown> = { ...values, ...(stamps.updated ? { updated_at: this.ctx.at } : {}) };
      delete set[primaryKey];
      const cols = Object.keys(set);
      if (cols.length) this.statement(`update "${table}" set ${cols.map((c) => `"${c}" = ?`).join(', ')} where "${primaryKey}" = ?`).run(...Object.values(set), existing);
    } else {
      const id = generatedId ? this.ctx.newId() : null;
      const row: Record<string, unknown> = {
        ...(id ? { [primaryKey]: id } : {}),
        ...values,
        ...(stamps.created ? { created_at: this.ctx.at } : {}),
        ...(stamps.updated ? { updated_at: this.ctx.at } : {}),
      };
      const cols = Object.keys(row);
      this.statement(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
      if (id && this.spec.identity === 'ref') this.ctx.setRef(this.sheet, String(r.values.ref), id);
    }
    this.ctx.count(this.sheet, existing === null);
  }
}
