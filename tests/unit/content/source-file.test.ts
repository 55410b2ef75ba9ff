import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { normaliseSource, readSourceFile } from '../../../src/content/source-file.ts';
import { readYamlFile } from '../../../src/content/yaml-source.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'source-file-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('normaliseSource', () => {
  it('drops a leading byte-order mark and turns CRLF and CR line ends into LF', () => {
    expect(normaliseSource('\uFEFFa\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(normaliseSource('a\uFEFF')).toBe('a\uFEFF');
  });
});

describe('readSourceFile', () => {
  it('reads a file saved by a Windows editor as if it had LF line ends', () => {
    fs.writeFileSync(path.join(root, 'win.md'), '\uFEFF---\r\nid: x\r\n---\r\n');
    expect(readSourceFile(path.join(root, 'win.md'))).toBe('---\nid: x\n---\n');
  });

  it('throws for a folder, for the caller to report', () => {
    fs.mkdirSync(path.join(root, 'folder.md'));
    expect(() => readSourceFile(path.join(root, 'folder.md'))).toThrow(/EISDIR/);
  });
});

describe('readYamlFile', () => {
  it('is null when the file does not exist', () => {
    expect(readYamlFile(root, 'missing.yaml')).toBeNull();
  });

  it('gives positions on the lines an author sees, whatever the line ends', () => {
    fs.writeFileSync(path.join(root, 'list.yaml'), '\uFEFF- a\r\n- b\r\n');
    const ys = readYamlFile(root, 'list.yaml')!;
    expect(ys.errors).toEqual([]);
    expect(ys.doc.toJS()).toEqual(['a', 'b']);
    expect(ys.pos((ys.doc.contents as { items: unknown[] }).items[1])).toEqual({ line: 2, column: 3 });
  });
});

describe('Diagnostics.unreadable', () => {
  it('reports READ001 with the reason, at the start of the file unless told where', () => {
    const diags = new Diagnostics();
    diags.unreadable('lessons/01-intro/es.md', new Error('EISDIR: illegal operation on a directory, read'));
    diags.unreadable('quizzes/x.yaml', 'gone', { line: 3, column: 2 });
    expect(diags.list.map(formatDiagnostic)).toEqual([
      'lessons/01-intro/es.md:1:1 error READ001 could not be read: EISDIR: illegal operation on a directory, read',
      'quizzes/x.yaml:3:2 error READ001 could not be read: gone',
    ]);
  });
});
