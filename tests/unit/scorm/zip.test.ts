import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { deflateCache, writeZip } from '../../../scorm/zip.ts';

const MTIME = new Date('2020-04-27T00:00:00Z');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'zip-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A few KB of text like the course's chunks: JSON with repeated keys and prose. */
const text = strToU8(
  JSON.stringify(
    Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, t: 'text', v: `Paragraph ${i} of the report cites ¶${(i % 91) + 1}.` })),
  ),
);
const noise = new Uint8Array(randomBytes(2048));

/** Local file header fields of the entry `name`: compression method and general purpose flags. */
function localHeader(zip: Uint8Array, name: string): { method: number; flags: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = new TextEncoder().encode(name);
  for (let at = 0; at + 30 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const found = zip.subarray(at + 30, at + 30 + nameLength);
    if (found.length === target.length && found.every((b, i) => b === target[i])) {
      return { flags: view.getUint16(at + 6, true), method: view.getUint16(at + 8, true) };
    }
  }
  throw new Error(`no local header for ${name}`);
}

describe('the SCORM zip writer', () => {
  it('writes every entry back byte for byte, in the order given, readable by fflate and by Info-ZIP unzip', async () => {
    const entries = { 'index.html': strToU8('<!doctype html><title>é</title>'), 'assets/a.js': text, 'assets/noise.bin': noise };
    const zip = await writeZip(entries, { mtime: MTIME });
    const read = unzipSync(zip);
    expect(Object.keys(read)).toEqual(Object.keys(entries));
    for (const [name, bytes] of Object.entries(entries)) expect(read[name]).toEqual(bytes);
    const file = path.join(tmp, 'a.zip');
    writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    expect(execFileSync('unzip', ['-l', file], { encoding: 'utf8' })).toMatch(/2020-04-27 00:00\s+index\.html/);
  });

  it('deflates what shrinks and stores what does not, with sizes in the local header (no data descriptor)', async () => {
    const zip = await writeZip({ 'a.js': text, 'noise.bin': noise }, { mtime: MTIME });
    expect(localHeader(zip, 'a.js')).toEqual({ method: 8, flags: 0 });
    expect(localHeader(zip, 'noise.bin')).toEqual({ method: 0, flags: 0 });
  });

  it('is smaller than fflate at level 9 on the same entries, and gives the same bytes every time', async () => {
    const entries = { 'a.js': text, 'b.js': strToU8(new TextDecoder().decode(text).replaceAll('item', 'entry')) };
    const cache = deflateCache();
    const first = await writeZip(entries, { mtime: MTIME, cache });
    const again = await writeZip(entries, { mtime: MTIME });
    expect(again).toEqual(first);
    expect(cache.size).toBe(2);
    expect(first.length).toBeLessThan(zipSync(entries, { level: 9, mtime: MTIME }).length);
  });
});
