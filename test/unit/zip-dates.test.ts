/**
 * The export's archive is dated after it is written (issue 19: the streaming writer stamps the time of writing). The
 * patch must touch the dates only, in the central directory and in each local header, and refuse what is not a ZIP.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bufferZipBytes, dosDateTime, setZipEntryDates } from '../../src-main/lib/zip-dates';

function datesOf(zip: Buffer): Array<{ local: number; central: number }> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let position = zip.readUInt32LE(eocd + 16);
  const out: Array<{ local: number; central: number }> = [];
  for (let n = 0; n < zip.readUInt16LE(eocd + 10); n++) {
    const local = zip.readUInt32LE(position + 42);
    out.push({ central: zip.readUInt32LE(position + 12), local: zip.readUInt32LE(local + 10) });
    position += 46 + zip.readUInt16LE(position + 28) + zip.readUInt16LE(position + 30) + zip.readUInt16LE(position + 32);
  }
  return out;
}

describe('ZIP entry dates', () => {
  it('sets every entry to 1 January 2000 in both places, and the content still reads the same', () => {
    const files = { 'a.xml': strToU8('<a/>'.repeat(500)), 'dossier/b.txt': strToU8('bonjour') };
    const zip = Buffer.from(zipSync({ 'a.xml': [files['a.xml'], { mtime: new Date('2026-12-01T10:11:12') }], 'dossier/b.txt': [files['dossier/b.txt'], { mtime: new Date('2019-05-06T07:08:09') }] }, { level: 6 }));
    expect(new Set(datesOf(zip).map((d) => d.local)).size).toBe(2);

    expect(setZipEntryDates(bufferZipBytes(zip), dosDateTime(2000, 1, 1))).toBe(2);

    // DOS date of 2000-01-01: year 20 since 1980 in bits 9–15, month 1, day 1; time 00:00:00.
    const stamp = (((20 << 9) | (1 << 5) | 1) << 16) >>> 0;
    expect(datesOf(zip)).toEqual([
      { local: stamp, central: stamp },
      { local: stamp, central: stamp },
    ]);
    const back = unzipSync(zip);
    expect(Buffer.from(back['a.xml']!).equals(Buffer.from(files['a.xml']))).toBe(true);
    expect(Buffer.from(back['dossier/b.txt']!).toString()).toBe('bonjour');
  });

  it('refuses bytes that are not a ZIP, and leaves them as they were', () => {
    const bytes = Buffer.from('ceci n’est pas une archive'.repeat(3));
    const copy = Buffer.from(bytes);
    expect(() => setZipEntryDates(bufferZipBytes(bytes), dosDateTime(2000, 1, 1))).toThrow(/introuvable/);
    expect(bytes.equals(copy)).toBe(true);
  });
});
