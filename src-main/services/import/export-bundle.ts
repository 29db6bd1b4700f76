/**
 * Delivers the full export (issue 16 §3): the workbook, or a folder of CSV files, with the files attached to the
 * quality manual beside it in a `documents` folder; for a download, one ZIP holding both. The import reads each of
 * these forms back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { zipSync } from 'fflate';
import type { Attachment } from './register-export';
import { workbookBuffer, writeCsvFolder, writeWorkbookFile, type SheetSource } from './workbook-writer';

export interface ExportContent {
  tables: SheetSource;
  attachments: Attachment[];
}

/** A fixed date inside the ZIP: the same data gives the same archive. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

function writeAttachments(base: string, attachments: Attachment[]): void {
  for (const a of attachments) {
    const file = join(base, a.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.bytes);
  }
}

/** Writes `out` (.xlsx, or a folder of CSV files) and the attached files beside; returns what a user reads. */
export async function writeExport(out: string, content: ExportContent): Promise<string> {
  const files = content.attachments.length ? ` et ${content.attachments.length} fichier(s) joint(s) dans le dossier « documents »` : '';
  if (extname(out).toLowerCase() === '.xlsx') {
    await writeWorkbookFile(out, content.tables);
    writeAttachments(dirname(out), content.attachments);
    return `Classeur écrit : ${out}${files}`;
  }
  const written = writeCsvFolder(out, content.tables);
  writeAttachments(out, content.attachments);
  return `${written.length} fichiers CSV écrits dans ${out}${files}`;
}

/** The download of the app: the workbook alone, or a ZIP of the workbook and its attached files. */
export async function exportDownload(baseName: string, content: ExportContent): Promise<{ fileName: string; bytes: Buffer }> {
  const workbook = await workbookBuffer(content.tables);
  if (content.attachments.length === 0) return { fileName: `${baseName}.xlsx`, bytes: workbook };
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { [`${baseName}.xlsx`]: [workbook, { mtime: ZIP_DATE }] };
  for (const a of content.attachments) entries[a.path] = [a.bytes, { mtime: ZIP_DATE }];
  return { fileName: `${baseName}.zip`, bytes: Buffer.from(zipSync(entries, { level: 6 })) };
}
