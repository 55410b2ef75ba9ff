/**
 * The zip writer of the SCORM packages. An LMS administrator uploads the zip, and many LMSs cap an
 * upload, so each entry is deflated with Zopfli (@gfx/zopfli, WebAssembly), which finds a shorter
 * DEFLATE stream than zlib's level 9 for the same data (about 5 % on this course) and stays
 * readable by every unzip: it is plain DEFLATE (method 8). zip.js writes the archive around the
 * already-deflated data (`passThrough`, with the size and CRC-32 given), because fflate, which the
 * tests read the zips with, always deflates entries itself.
 *
 * Deterministic: entries in the order given, one fixed time, no extended timestamps, so the same
 * build gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { deflateAsync } from '@gfx/zopfli';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

/** Zopfli's passes over each file: more finds little more on files of this size and costs time. */
const ZOPFLI_ITERATIONS = 15;

/** The deflated form of a file, or the file as it is when deflating does not make it smaller. */
interface Packed {
  method: 0 | 8;
  data: Uint8Array;
}

/**
 * Deflated entries by content, shared between the packages of one run: both zips hold the same
 * web build, so each file is deflated once.
 */
export type DeflateCache = Map<string, Promise<Packed>>;

export function deflateCache(): DeflateCache {
  return new Map();
}

async function pack(bytes: Uint8Array, cache: DeflateCache): Promise<Packed> {
  const key = createHash('sha256').update(bytes).digest('hex');
  let packed = cache.get(key);
  if (!packed) {
    packed = (async (): Promise<Packed> => {
      const zopfli = await deflateAsync(bytes, { numiterations: ZOPFLI_ITERATIONS });
      // Zopfli is never worse than zlib in practice; keep whichever is shorter all the same.
      const zlib = deflateRawSync(bytes, { level: 9 });
      const best = zopfli.length <= zlib.length ? zopfli : new Uint8Array(zlib);
      return best.length < bytes.length ? { method: 8, data: best } : { method: 0, data: bytes };
    })();
    cache.set(key, packed);
  }
  return packed;
}

/** A zip of `entries` (path -> contents), in that order, every entry dated `mtime`. */
export async function writeZip(
  entries: Record<string, Uint8Array>,
  { mtime, cache = deflateCache() }: { mtime: Date; cache?: DeflateCache },
): Promise<Uint8Array> {
  const names = Object.keys(entries);
  const packed = await Promise.all(names.map((n) => pack(entries[n]!, cache)));
  const out = new Uint8ArrayWriter();
  const zip = new ZipWriter(out, {
    extendedTimestamp: false,
    lastModDate: mtime,
    keepOrder: true,
    dataDescriptor: false,
    // Unix, spec 2.0 (DEFLATE), as Info-ZIP writes: files come out -rw-r--r--.
    versionMadeBy: (3 << 8) | 20,
  });
  for (const [i, name] of names.entries()) {
    const bytes = entries[name]!;
    const { method, data } = packed[i]!;
    await zip.add(name, new Uint8ArrayReader(data), {
      passThrough: true,
      compressionMethod: method,
      uncompressedSize: bytes.length,
      crc32: crc32(bytes),
    });
  }
  return zip.close();
}
