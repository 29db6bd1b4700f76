/**
 * Files attached to a version of a procedure of the quality manual (issue 8 §7: "written in the app or attached").
 * They live in the encrypted database like everything else. Only office documents, PDFs, images and text are taken,
 * and a file must be what its name says (its first bytes are checked), so a renamed program is refused.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import type { ManualFileView } from '../../../src-shared/qualite/registers';
import { uuidv7 } from '../../lib/uuid';

export const MAX_MANUAL_FILE_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const TYPES: Record<string, { mime: string; magic: number[] | null }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  doc: { mime: 'application/msword', magic: OLE },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  txt: { mime: 'text/plain; charset=utf-8', magic: null },
};

export class ManualFilesService {
  constructor(private readonly sqlite: Database.Database) {}

  list(documentId: string): ManualFileView[] {
    return this.sqlite
      .prepare('select id, nom, type_mime as typeMime, taille, created_at as createdAt from documents_qualite_fichiers where document_id = ? order by created_at')
      .all(documentId) as ManualFileView[];
  }

  attach(documentId: string, name: string, bytes: Buffer, now: Date): void {
    if (!this.sqlite.prepare('select 1 from documents_qualite where id = ?').get(documentId)) throw new AppError('NOT_FOUND', 'Cette version de procédure n’existe plus.');
    const checked = checkManualFile(name, bytes);
    if (!checked.ok) throw new AppError('VALIDATION', checked.message);
    this.sqlite
      .prepare('insert into documents_qualite_fichiers (id, document_id, nom, type_mime, taille, contenu, created_at) values (?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now.getTime()), documentId, name.slice(0, 200), checked.mime, bytes.length, bytes, now.toISOString());
  }

  download(id: string): { fileName: string; base64: string; mime: string } {
    const row = this.sqlite.prepare('select nom, type_mime, contenu from documents_qualite_fichiers where id = ?').get(id) as { nom: string; type_mime: string; contenu: Buffer } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Ce fichier n’existe plus.');
    return { fileName: row.nom, base64: row.contenu.toString('base64'), mime: row.type_mime };
  }
}

/** The same rule for a file attached on screen and one brought back by an import. */
export function checkManualFile(name: string, bytes: Uint8Array): { ok: true; mime: string } | { ok: false; message: string } {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[extension];
  if (!type) return { ok: false, message: `Les fichiers .${extension || '?'} ne sont pas acceptés : joignez un PDF, un document Word, OpenDocument ou Excel, une image ou un texte.` };
  if (bytes.length === 0) return { ok: false, message: `« ${name} » est vide.` };
  if (bytes.length > MAX_MANUAL_FILE_BYTES) return { ok: false, message: `« ${name} » dépasse 10 Mo : enregistrez-le en PDF plus léger.` };
  const looksRight = type.magic ? type.magic.every((b, i) => bytes[i] === b) : !bytes.includes(0) && isUtf8(bytes);
  if (!looksRight) return { ok: false, message: `« ${name} » n’est pas un vrai fichier .${extension} (son contenu ne correspond pas à son nom).` };
  return { ok: true, mime: type.mime };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
