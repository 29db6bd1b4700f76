/**
 * Reading a ZIP from outside (a report to verify, an .xlsx to import) without trusting it (issue 20 §3). The sizes a
 * ZIP's directory declares can lie, so every entry is inflated here, in small steps, counting the bytes that really
 * come out (zlib's stream, 64 KB at a time); the read stops at the limit, long before a bomb's gigabytes exist. An entry whose real size differs from
 * the declared one is refused too (a lying directory), and XML entries can be checked for depth and DOCTYPE on the way.
 * The work yields to the event loop between steps, so the server keeps answering other requests meanwhile.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the bytes really inflated, all entries together. */
  maxInflatedBytes: number;
  /** Deepest element nesting accepted in entries ending in .xml or .rels; no check when absent. */
  maxXmlDepth?: number;
}

export type ZipRefusal = 'illisible' | 'trop_de_fichiers' | 'trop_volumineux' | 'taille_mensongere' | 'xml_trop_profond' | 'xml_doctype' | 'chiffre';

/** Why a ZIP was refused; the caller turns it into its own French sentence. */
export class ZipRefusedError extends Error {
  constructor(readonly reason: ZipRefusal, readonly entry: string | null = null) {
    super(`ZIP refusé : ${reason}${entry ? ` (${entry})` : ''}`);
  }
}

/** Entries compressed to at most this are inflated in one synchronous native call (reports' JSON and CSV). */
const SMALL_ENTRY_BYTES = 256 * 1024;
/** …and declared to inflate to at most this: the one native call never allocates more, whatever the file says. */
const SMALL_ENTRY_OUTPUT_BYTES = 8 * 1024 * 1024;
/** Inflated bytes handed over at a time: the limit is checked after each. */
const CHUNK_BYTES = 64 * 1024;
/** Yield to the event loop between entries after this many inflated bytes (zlib's stream yields within one). */
const YIELD_EVERY_BYTES = 4 * 1024 * 1024;

/**
 * Inflates one entry with zlib's stream (native speed, asynchronous, so other requests are served meanwhile),
 * handing each 64 KB to `take`, which throws to stop: the stream is destroyed at once and nothing more is inflated.
 */
function inflateCounting(data: Uint8Array, take: (chunk: Uint8Array) => void, entry: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (data.length === 0) return reject(new ZipRefusedError('illisible', entry));
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    let stopped: unknown = null;
    inflater.on('data', (chunk: Buffer) => {
      if (stopped) return;
      try {
        take(chunk);
      } catch (err) {
        stopped = err;
        inflater.destroy();
        reject(err);
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('error', () => !stopped && reject(new ZipRefusedError('illisible', entry)));
    inflater.end(data);
  });
}

interface DirectoryEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/**
 * Inflates every entry within the limits; returns the ones `keep` asks for (the others are only counted and checked).
 * Throws ZipRefusedError, never anything else, for a hostile or damaged file.
 */
export async function readZipBounded(bytes: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean = () => true): Promise<Map<string, Uint8Array>> {
  const entries = centralDirectory(bytes, limits.maxEntries);
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  let sinceYield = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new ZipRefusedError('chiffre', entry.name);
    const data = entryData(bytes, entry);
    const chunks: Uint8Array[] = [];
    const keepIt = keep(entry.name);
    const xml = limits.maxXmlDepth !== undefined && /\.(xml|rels)$/i.test(entry.name) ? new XmlDepthScanner(limits.maxXmlDepth, entry.name) : null;
    let produced = 0;
    const take = (chunk: Uint8Array): void => {
      produced += chunk.length;
      total += chunk.length;
      sinceYield += chunk.length;
      if (total > limits.maxInflatedBytes) throw new ZipRefusedError('trop_volumineux', entry.name);
      if (produced > entry.declaredSize) throw new ZipRefusedError('taille_mensongere', entry.name);
      xml?.scan(chunk);
      if (keepIt) chunks.push(chunk);
    };
    if (entry.method === 0) {
      take(data);
    } else if (entry.method === 8 && data.length <= SMALL_ENTRY_BYTES && entry.declaredSize <= SMALL_ENTRY_OUTPUT_BYTES) {
      // A small entry in one native call: zlib itself stops at maxOutputLength, so the bytes really inflated are
      // still bounded (by what this entry may still add) before anything is kept.
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(limits.maxInflatedBytes - total, entry.declaredSize) + 1) });
      } catch (err) {
        // More than declared (or than the limit allows): a lying directory, or too big.
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefusedError(total + entry.declaredSize >= limits.maxInflatedBytes ? 'trop_volumineux' : 'taille_mensongere', entry.name);
        throw new ZipRefusedError('illisible', entry.name);
      }
      take(out);
    } else if (entry.method === 8) {
      await inflateCounting(data, take, entry.name);
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } else {
      throw new ZipRefusedError('illisible', entry.name);
    }
    if (produced !== entry.declaredSize) throw new ZipRefusedError('taille_mensongere', entry.name);
    if (keepIt) kept.set(entry.name, concat(chunks, produced));
  }
  return kept;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new ZipRefusedError('illisible');
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new ZipRefusedError('illisible');
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  const value = u32(b, at) + u32(b, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new ZipRefusedError('illisible');
  return value;
}

/** The central directory, found from its end record (ZIP64 too, as some writers emit it for any file). */
function centralDirectory(b: Uint8Array, maxEntries: number): DirectoryEntry[] {
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefusedError('illisible');
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50) throw new ZipRefusedError('illisible');
    const record = u64(b, locator + 8);
    if (u32(b, record) !== 0x06064b50) throw new ZipRefusedError('illisible');
    count = u64(b, record + 32);
    offset = u64(b, record + 48);
  }
  if (count > maxEntries) throw new ZipRefusedError('trop_de_fichiers');
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== 0x02014b50) throw new ZipRefusedError('illisible');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    if (at + 46 + nameLength > b.length) throw new ZipRefusedError('illisible');
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(b, at + 20);
    let declaredSize = u32(b, at + 24);
    let localHeaderOffset = u32(b, at + 42);
    // ZIP64 extra field: the 8-byte values, in this order, for those whose 4-byte field is 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(b, extra);
      const size = u16(b, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (declaredSize === 0xffffffff) {
          declaredSize = u64(b, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, field);
      }
      extra += 4 + size;
    }
    entries.push({ name, method: u16(b, at + 10), flags: u16(b, at + 8), compressedSize, declaredSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(b: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (u32(b, at) !== 0x04034b50) throw new ZipRefusedError('illisible', entry.name);
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipRefusedError('illisible', entry.name);
  return b.subarray(start, end);
}

/**
 * Element depth of an XML stream, byte by byte across chunks: a spreadsheet is ten levels deep, a nesting bomb
 * thousands. A DOCTYPE (entity expansion) has no place in an Office file and is refused.
 */
class XmlDepthScanner {
  private depth = 0;
  private state: 'text' | 'open' | 'tag' | 'quote' | 'special' | 'declaration' | 'cdata' | 'comment' = 'text';
  private quote = 0;
  private closing = false;
  private previous = 0;
  private beforePrevious = 0;
  private special = '';

  constructor(
    private readonly max: number,
    private readonly entry: string,
  ) {}

  scan(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case 'text':
          if (c === 0x3c /* < */) this.state = 'open';
          break;
        case 'open':
          if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
            this.state = 'special';
            this.special = '';
          } else {
            this.closing = c === 0x2f; /* / */
            this.state = 'tag';
            if (!this.closing && ++this.depth > this.max) throw new ZipRefusedError('xml_trop_profond', this.entry);
          }
          break;
        case 'tag':
          if (c === 0x22 || c === 0x27) {
            this.state = 'quote';
            this.quote = c;
          } else if (c === 0x3e /* > */) {
            if (this.closing || this.previous === 0x2f) this.depth--;
            this.state = 'text';
          }
          break;
        case 'quote':
          if (c === this.quote) this.state = 'tag';
          break;
        case 'special':
          this.special += String.fromCharCode(c);
          if (/^(DOCTYPE|ENTITY)/i.test(this.special)) throw new ZipRefusedError('xml_doctype', this.entry);
          if (this.special === '[CDATA[') this.state = 'cdata';
          else if (this.special === '--') this.state = 'comment';
          else if (c === 0x3e) this.state = 'text';
          else if (this.special.length > 8) this.state = 'declaration';
          break;
        case 'declaration':
          if (c === 0x3e) this.state = 'text';
          break;
        // A CDATA section ends at "]]>", a comment at "-->": what they hold is text, whatever its '<'.
        case 'cdata':
          if (c === 0x3e && this.previous === 0x5d && this.beforePrevious === 0x5d) this.state = 'text';
          break;
        case 'comment':
          if (c === 0x3e && this.previous === 0x2d && this.beforePrevious === 0x2d) this.state = 'text';
          break;
      }
      this.beforePrevious = this.previous;
      this.previous = c;
    }
  }
}
