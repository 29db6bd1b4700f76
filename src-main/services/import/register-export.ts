/**
 * The register sheets read back from the database for the export (issue 16 §3), in the form the import reads:
 * parents named by their sheet's ref (or PASS number, or parcours start), booleans as oui/non, decimals with a
 * French comma, rows sorted by their cells so that two exports of the same data are identical files.
 */
import type Database from 'better-sqlite3';
import { SHEET_COLUMNS } from '../../../src-shared/import-format';
import { ATTACHMENTS_FOLDER, REGISTER_SHEETS, type RegisterSheet } from '../../../src-shared/import-format-registers';
import { REGISTER_TABLES, parentColumns } from './register-tables';

type Row = Record<string, unknown>;
export type CellText = string | number;

/**
 * Rows in the order of their cells (compared as text, code unit by code unit: a locale-aware collation cost five times
 * as much on 160 000 lines of hours, issue 19), each row's key built once. Only the order's stability matters: the
 * same data gives the same file.
 */
export function sortedRows(rows: CellText[][]): CellText[][] {
  const keys = rows.map((row) => row.join('\u0000'));
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  return order.map((i) => rows[i]!);
}

/** Where an attached file goes beside the workbook: its ref keeps two files of the same name apart. */
export function attachmentPath(ref: string, name: string): string {
  // Characters no file system takes, and control characters, become « _ ».
  const safe = [...name].map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(0, 120);
  return `${ATTACHMENTS_FOLDER}/${ref}-${safe}`;
}

export interface Attachment {
  path: string;
  bytes: Uint8Array;
}

/** The attached files themselves, read one by one (they can weigh megabytes each). */
export function exportAttachments(sqlite: Database.Database, refOf: (sheet: string, id: string | null) => string): Attachment[] {
  const out: Attachment[] = [];
  for (const row of sqlite.prepare('select id, nom, contenu from documents_qualite_fichiers order by id').iterate() as Iterable<{ id: string; nom: string; contenu: Buffer }>) {
    out.push({ path: attachmentPath(refOf('documents_fichiers', row.id), row.nom), bytes: row.contenu });
  }
  // In the order of their names: the same files give the same archive whatever their ids.
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Each register sheet as a producer of its rows, read when the writer reaches it. */
export function exportRegisters(sqlite: Database.Database, refOf: (sheet: string, id: string | null) => string): Record<RegisterSheet, () => CellText[][]> {
  // Read once, when a sheet first needs them.
  let parentIndex: { parcoursById: Map<string, Row>; passById: Map<string, string> } | null = null;
  const parentRows = () =>
    (parentIndex ??= {
      parcoursById: new Map((sqlite.prepare('select id, personne_id, dispositif, date_debut from parcours').all() as Row[]).map((p) => [String(p.id), p])),
      passById: new Map((sqlite.prepare('select id, numero from pass_iae').all() as Row[]).map((p) => [String(p.id), String(p.numero)])),
    });
  const out = {} as Record<RegisterSheet, () => CellText[][]>;
  for (const sheet of REGISTER_SHEETS) out[sheet] = () => registerRows(sheet);
  return out;

  function registerRows(sheet: RegisterSheet): CellText[][] {
    const { parcoursById, passById } = parentRows();
    const spec = REGISTER_TABLES[sheet];
    const parents = parentColumns(spec);
    // Attached files' bytes travel beside the workbook, not in it.
    const columns = spec.attachment ? 'id, document_id, nom' : '*';
    const rows = sqlite.prepare(`select ${columns} from "${spec.table}"${spec.exportWhere ? ` where ${spec.exportWhere}` : ''}`).iterate() as IterableIterator<Row>;
    return sortedRows(
      Array.from(rows, (row) => {
        const cells: Record<string, CellText> = {};
        if (spec.identity === 'ref') cells.ref = refOf(sheet, String(row[spec.primaryKey]));
        for (const parent of spec.parents) {
          if (parent.kind === 'ref') cells[parent.column] = row[parent.dbColumn] === null ? '' : refOf(parent.sheet, String(row[parent.dbColumn]));
          else if (parent.kind === 'pass') cells.numero_pass = passById.get(String(row.pass_id)) ?? '';
          else {
            const p = parcoursById.get(String(row.parcours_id));
            cells.ref_personne = p ? refOf('personnes', String(p.personne_id)) : '';
            cells.dispositif = String(p?.dispositif ?? '');
            cells.debut_parcours = String(p?.date_debut ?? '');
          }
        }
        if (spec.attachment) cells[spec.attachment] = attachmentPath(String(cells.ref), String(row.nom));
        for (const c of SHEET_COLUMNS[sheet]) {
          if (c.name === 'ref' || c.name === spec.attachment || parents.has(c.name)) continue;
          const stored = row[spec.renamed?.[c.name] ?? c.name];
          const factor = spec.scaled?.[c.name];
          const value = factor !== undefined && typeof stored === 'number' ? stored / factor : stored;
          cells[c.name] =
            value === null || value === undefined
              ? ''
              : c.kind.type === 'bool'
                ? value
                  ? 'oui'
                  : 'non'
                : typeof value === 'number' && c.kind.type === 'decimal'
                  ? String(value).replace('.', ',')
                  : String(value);
        }
        return SHEET_COLUMNS[sheet].map((c) => cells[c.name] ?? '');
      }),
    );
  }
}
