/**
 * Every row of every table of a database, in a form two databases can be compared with (issue 16 §3): generated
 * ids and timestamps left aside, each reference replaced by the row it points to (recursively), so that the same
 * data imported into another file compares equal row by row even though its ids differ.
 */
import type Database from 'better-sqlite3';
import { EXPORTED_SETTINGS } from '../../src-shared/import-format-registers';

/** Tables that are not the structure's data, each with why. */
export const NOT_EXPORTED_TABLES: Record<string, string> = {
  users: 'accounts and password hashes of this installation, never in a spreadsheet',
  audit_log: 'the chained journal of this database, kept with it (and its external anchors)',
  audit_purges: 'the journal’s own purge record',
  audit_purge_autorisee: 'a one-row switch of the journal',
  cles_signature: 'private signing keys, wrapped by this machine',
  cles_membres: 'the federation’s register of its members’ public keys, rebuilt from their key files',
  rapports_annuels: 'signed reports, kept as issued (a signature cannot be moved to another database)',
  import_refs: 'the bookkeeping of the import itself',
};

/** Columns that name an account of this installation or are bookkeeping the import rebuilds. */
const IGNORED_COLUMNS = new Set([
  'created_at',
  'updated_at',
  'created_by',
  'referent_id',
  'offre_presentee_par',
  'traitee_par',
  'cloture_par',
  'evalue_par',
  'dernier_referent_id',
  // A summary pointer to the latest intake (its values are compared: dernier_contact, derniere_decision…).
  'dernier_accueil_id',
  // The intake whose decision opened the parcours: a link the app makes, not a value anyone types.
  'accueil_id',
]);

/** References SQLite does not declare. */
const EXTRA_REFERENCES: Record<string, Record<string, string>> = { contrats: { renouvelle_id: 'contrats' } };

type Row = Record<string, unknown>;

export function snapshotTables(sqlite: Database.Database): Record<string, string[]> {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '__drizzle%'").pluck().all() as string[]).filter(
    (t) => !(t in NOT_EXPORTED_TABLES),
  );
  const references = new Map<string, Map<string, string>>();
  const primaryKeys = new Map<string, string>();
  const rowsById = new Map<string, Map<string, Row>>();
  for (const table of tables) {
    const refs = new Map<string, string>(Object.entries(EXTRA_REFERENCES[table] ?? {}));
    for (const fk of sqlite.prepare(`pragma foreign_key_list("${table}")`).all() as Array<{ table: string; from: string }>) refs.set(fk.from, fk.table);
    references.set(table, refs);
    const info = sqlite.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string; pk: number }>;
    const pk = info.find((c) => c.pk === 1)?.name ?? 'rowid';
    primaryKeys.set(table, pk);
    // Only the settings that are the structure's data (the others configure this machine).
    const where = table === 'settings' ? ` where key in (${EXPORTED_SETTINGS.map((k) => `'${k}'`).join(', ')})` : '';
    rowsById.set(table, new Map((sqlite.prepare(`select * from "${table}"${where}`).all() as Row[]).map((r) => [String(r[pk]), r])));
  }
  const memo = new Map<string, unknown>();
  const canonical = (table: string, id: string): unknown => {
    const key = `${table}\u0000${id}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const row = rowsById.get(table)?.get(id);
    if (!row) return `<${table} absent ${id}>`;
    const out: Record<string, unknown> = {};
    const refs = references.get(table)!;
    for (const [column, value] of Object.entries(row)) {
      if (IGNORED_COLUMNS.has(column)) continue;
      // Generated ids are not data; natural keys (a month, a setting's key) are.
      if (column === primaryKeys.get(table) && column === 'id') continue;
      const target = refs.get(column);
      if (target && value !== null && !IGNORED_COLUMNS.has(column)) out[column] = target in NOT_EXPORTED_TABLES ? '<hors export>' : canonical(target, String(value));
      // An empty text and a missing one are the same empty cell in a spreadsheet.
      else out[column] = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value === '' ? null : value;
    }
    memo.set(key, out);
    return out;
  };
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) snapshot[table] = [...rowsById.get(table)!.keys()].map((id) => JSON.stringify(canonical(table, id))).sort();
  return snapshot;
}
