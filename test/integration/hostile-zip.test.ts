/**
 * Hostile ZIPs (issue 20 §3): a deflate bomb, a directory that lies about sizes, a nesting-bomb XML and a DOCTYPE are
 * refused within a second with memory bounded, through the routes that read ZIPs (report verification, import), and
 * the server keeps answering meanwhile. Real files written by other writers (ExcelJS, fflate) still pass.
 */
import { createDeflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { readZipBounded, ZipRefusedError } from '../../src-main/lib/bounded-zip';
import { TestApp } from '../helpers/app';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

/** Raw deflate of `totalBytes` zeros, by zlib in 1 MB steps so the test itself never holds them; made once per size. */
const deflatedCache = new Map<number, Promise<Uint8Array>>();
function deflatedZeros(totalBytes: number): Promise<Uint8Array> {
  if (!deflatedCache.has(totalBytes)) {
    deflatedCache.set(
      totalBytes,
      new Promise((resolve, reject) => {
        const parts: Buffer[] = [];
        const deflate = createDeflateRaw({ level: 9 });
        deflate.on('data', (chunk: Buffer) => parts.push(chunk));
        deflate.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
        deflate.on('error', reject);
        const step = Buffer.alloc(1024 * 1024);
        let done = 0;
        const write = (): void => {
          while (done < totalBytes) {
            done += step.length;
            if (!deflate.write(step)) return void deflate.once('drain', write);
          }
          deflate.end();
        };
        write();
      }),
    );
  }
  return deflatedCache.get(totalBytes)!;
}

/** A one-entry ZIP around already deflated data, declaring the sizes we choose (the lie is the attack). */
function zipWithDeflated(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + deflated.length, true);
  const out = new Uint8Array(local.length + deflated.length + central.length + end.length);
  out.set(local, 0);
  out.set(deflated, local.length);
  out.set(central, local.length + deflated.length);
  out.set(end, local.length + deflated.length + central.length);
  return out;
}

/** Runs `work` while sampling the process's memory; returns its duration and the highest RSS growth, in MB. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const LIMITS = { maxEntries: 16, maxInflatedBytes: 50 * 1024 * 1024, maxXmlDepth: 64 };
const ONE_GB = 1024 * 1024 * 1024;

describe('the bounded ZIP reader', () => {
  it('reads ZIPs written by other writers, entries and bytes intact', async () => {
    const text = 'Bonjour, ceci est un rapport. '.repeat(2000);
    const zip = zipSync({ 'a.txt': strToU8(text), 'dossier/b.json': strToU8('{"x":1}'), 'vide.txt': new Uint8Array(0) }, { level: 6 });
    const entries = await readZipBounded(zip, LIMITS);
    expect(new TextDecoder().decode(entries.get('a.txt'))).toBe(text);
    expect(new TextDecoder().decode(entries.get('dossier/b.json'))).toBe('{"x":1}');
    expect(entries.get('vide.txt')!.length).toBe(0);
    // ExcelJS (through JSZip) writes data descriptors and deflate: a real workbook passes the XML checks too.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('personnes').addRows([['nom', 'prenom'], ['Durand', 'Julie']]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    expect((await readZipBounded(xlsx, LIMITS)).size).toBeGreaterThan(5);
  });

  it('stops a 1 GB deflate bomb at the limit, within a second and without holding it', async () => {
    const bomb = zipWithDeflated('rapport.json', await deflatedZeros(ONE_GB), ONE_GB - 1);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { result, ms, peakMb } = await measured(() => readZipBounded(bomb, LIMITS).then(() => null, (e: unknown) => e));
    expect(result).toBeInstanceOf(ZipRefusedError);
    expect((result as ZipRefusedError).reason).toBe('trop_volumineux');
    expect(ms).toBeLessThan(1000);
    expect(peakMb).toBeLessThan(300);
  }, 60_000);

  it('refuses a directory that declares a small size for a large entry, at the first bytes beyond it', async () => {
    const liar = zipWithDeflated('rapport.json', await deflatedZeros(64 * 1024 * 1024), 1000);
    const { result, ms } = await measured(() => readZipBounded(liar, LIMITS).then(() => null, (e: unknown) => e));
    expect((result as ZipRefusedError).reason).toBe('taille_mensongere');
    expect(ms).toBeLessThan(200);
  });

  it('refuses an XML nested a hundred thousand levels deep, and a DOCTYPE', async () => {
    const deep = `<?xml version="1.0"?><worksheet>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</worksheet>`;
    const nested = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(deep) });
    const { result, ms } = await measured(() => readZipBounded(nested, LIMITS).then(() => null, (e: unknown) => e));
    expect((result as ZipRefusedError).reason).toBe('xml_trop_profond');
    expect(ms).toBeLessThan(1000);
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet>&lol2;</worksheet>';
    const doctype = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(laughs) });
    expect(await readZipBounded(doctype, LIMITS).then(() => null, (e: ZipRefusedError) => e.reason)).toBe('xml_doctype');
    // What a spreadsheet really holds: comments, CDATA with '<' inside, self-closed and attribute values with '>'.
    const ordinary = '<?xml version="1.0"?><!-- a < b --><root a="x>y" b=\'/>\'><c/><d><![CDATA[ <e><f><g> ]]></d></root>';
    expect((await readZipBounded(zipSync({ 'x.xml': strToU8(ordinary) }), { ...LIMITS, maxXmlDepth: 2 })).size).toBe(1);
  });

  it('refuses garbage, a truncated archive and too many entries with a reason, never a crash', async () => {
    const reason = (bytes: Uint8Array, limits = LIMITS) => readZipBounded(bytes, limits).then(() => null, (e: ZipRefusedError) => e.reason);
    expect(await reason(strToU8('ceci n’est pas une archive'))).toBe('illisible');
    const good = zipSync({ 'a.txt': strToU8('x'.repeat(10_000)) });
    expect(await reason(good.subarray(0, good.length - 30))).toBe('illisible');
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    expect(await reason(many)).toBe('trop_de_fichiers');
  });
});

describe('the routes that read ZIPs', () => {
  it('rapports.verify refuses a bomb within a second, in French, while the server keeps answering', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const bomb = zipWithDeflated('rapport.json', await deflatedZeros(ONE_GB), ONE_GB - 1);
    const started = performance.now();
    const verifying = app.call('rapports.verify', { file: { name: 'rapport.zip', base64: Buffer.from(bomb).toString('base64') }, thumbprint: null }, admin);
    // Another request during the verification is answered before it ends.
    let otherAnsweredAfter = Number.POSITIVE_INFINITY;
    const other = app.call('auth.session', {}, admin).then(() => (otherAnsweredAfter = performance.now() - started));
    const verdict = await verifying;
    const total = performance.now() - started;
    await other;
    expect(verdict.valide).toBe(false);
    expect(verdict.echecs.join(' ')).toMatch(/trop volumineuse/);
    expect(total).toBeLessThan(1000);
    expect(otherAnsweredAfter).toBeLessThan(total);
  }, 60_000);

  it('import.run refuses a lying or nested workbook with a French message and writes nothing', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const liar = zipWithDeflated('xl/worksheets/sheet1.xml', await deflatedZeros(64 * 1024 * 1024), 500);
    const deep = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': strToU8(`<worksheet>${'<a>'.repeat(50_000)}</worksheet>`) });
    const before = app.count('personnes');
    for (const [file, message] of [
      [liar, /tailles qu’il annonce sont fausses/],
      [deep, /imbrication excessive/],
    ] as const) {
      const report = await app.call('import.run', { files: [{ name: 'classeur.xlsx', base64: Buffer.from(file).toString('base64') }], simulation: false }, admin);
      expect(JSON.stringify(report)).toMatch(message);
    }
    expect(app.count('personnes')).toBe(before);
  }, 60_000);
});
