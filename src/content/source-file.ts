import fs from 'node:fs';

/**
 * Authored text as every parser here expects it: no byte-order mark and `\n` line ends, so a file
 * saved by a Windows editor reports the same line and column as on any other machine.
 */
export function normaliseSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Reads an authored UTF-8 file, normalised; throws as `fs.readFileSync` does (the caller reports READ001). */
export function readSourceFile(fullPath: string): string {
  return normaliseSource(fs.readFileSync(fullPath, 'utf8'));
}
