/**
 * Sets the modification date of every entry of a ZIP we wrote to one fixed date, in place. ExcelJS's streaming writer
 * stamps each part with the time of writing, and its first parts are queued before a caller can intervene; patching
 * the finished archive is what makes two exports of the same data identical byte for byte (issue 16 §3) without
 * holding the archive twice in memory (issue 19). Dates are not covered by the entries' CRC, so nothing else changes.
 *
 * Layout (PKWARE APPNOTE 4.3): the end-of-central-directory record gives where the central directory starts; each
 * central entry gives its date and where its local header starts, which holds the date again.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** Random access to the archive: a Buffer in memory, or an open file. */
export interface ZipBytes {
  size: number;
  read(position: number, length: number): Buffer;
  write(position: number, bytes: Buffer): void;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS time and date fields (local time, 2-second steps) for a calendar date at midnight. */
export function dosDateTime(year: number, month: number, day: number): { time: number; date: number } {
  return { time: 0, date: ((year - 1980) << 9) | (month << 5) | day };
}

function endOfCentralDirectory(zip: ZipBytes): { entries: number; offset: number } {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  const tailLength = Math.min(zip.size, 22 + 0xffff);
  const tail = zip.read(zip.size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      const entries = tail.readUInt16LE(i + 10);
      const offset = tail.readUInt32LE(i + 16);
      if (entries === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 non pris en charge pour la datation des entrées');
      return { entries, offset };
    }
  }
  throw new Error('Fin de répertoire ZIP introuvable');
}

/** Writes the fixed date into every central entry and local header; returns how many entries were dated. */
export function setZipEntryDates(zip: ZipBytes, when: { time: number; date: number }): number {
  const { entries, offset } = endOfCentralDirectory(zip);
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(when.time, 0);
  stamp.writeUInt16LE(when.date, 2);
  let position = offset;
  for (let n = 0; n < entries; n++) {
    const central = zip.read(position, 46);
    if (central.readUInt32LE(0) !== CENTRAL_ENTRY) throw new Error('Répertoire ZIP inattendu');
    zip.write(position + 12, stamp);
    const local = central.readUInt32LE(42);
    if (zip.read(local, 4).readUInt32LE(0) !== LOCAL_HEADER) throw new Error('En-tête ZIP inattendu');
    zip.write(local + 10, stamp);
    position += 46 + central.readUInt16LE(28) + central.readUInt16LE(30) + central.readUInt16LE(32);
  }
  return entries;
}

export function bufferZipBytes(buffer: Buffer): ZipBytes {
  return {
    size: buffer.length,
    read: (position, length) => buffer.subarray(position, position + length),
    write: (position, bytes) => void bytes.copy(buffer, position),
  };
}

/** An archive on disk, patched where it lies (the export can be large). */
export function withZipFile<T>(path: string, work: (zip: ZipBytes) => T): T {
  const fd = openSync(path, 'r+');
  try {
    return work({
      size: fstatSync(fd).size,
      read: (position, length) => {
        const bytes = Buffer.alloc(length);
        const got = readSync(fd, bytes, 0, length, position);
        return bytes.subarray(0, got);
      },
      write: (position, bytes) => void writeSync(fd, bytes, 0, bytes.length, position),
    });
  } finally {
    closeSync(fd);
  }
}
