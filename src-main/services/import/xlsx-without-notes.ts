/**
 * Cell notes are not data, but ExcelJS cannot load the notes other writers produce (openpyxl writes their parts with
 * absolute targets, « /xl/comments/comment1.xml », and ExcelJS only resolves relative ones: « fichier endommagé »,
 * issue 16 §1). A workbook holding notes is repacked without them before it is read: the comment and VML drawing
 * parts, their relationships, their content types and the sheets' `<legacyDrawing>` go; every cell stays.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';

const NOTE_PART = /^xl\/(comments\/)?comments?\d*\.xml$|^xl\/drawings\/[^/]*\.vml$|^xl\/comments\//i;

/** Whether an archive part is a note (comment) or its drawing. */
export function isNotePart(name: string): boolean {
  return NOTE_PART.test(name);
}

export function workbookWithoutNotes(entries: Map<string, Uint8Array>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of entries) {
    if (isNotePart(name)) continue;
    if (/^xl\/worksheets\/_rels\/.*\.rels$/.test(name)) {
      out[name] = strToU8(strFromU8(bytes).replace(/<Relationship\b[^>]*Type="[^"]*\/(comments|vmlDrawing)"[^>]*\/>/g, ''));
    } else if (/^xl\/worksheets\/[^/]*\.xml$/.test(name)) {
      out[name] = strToU8(strFromU8(bytes).replace(/<legacyDrawing\b[^>]*\/>/g, ''));
    } else if (name === '[Content_Types].xml') {
      out[name] = strToU8(strFromU8(bytes).replace(/<Override\b[^>]*PartName="\/xl\/(comments[^"]*|drawings\/[^"]*\.vml)"[^>]*\/>/g, ''));
    } else {
      out[name] = bytes;
    }
  }
  return zipSync(out, { level: 1 });
}
