import fs from 'node:fs';
import path from 'node:path';
import {
  LineCounter,
  parseDocument,
  isScalar,
  type Document,
  type Node as YamlNode,
  type Scalar,
} from 'yaml';
import { alignValue, type Pos } from './positions.ts';
import { readSourceFile } from './source-file.ts';

/**
 * A YAML text parsed with positions. `lineOffset` is added to every line, for YAML embedded in a
 * file (lesson front matter starts on line 2). The core schema keeps `1996-07-08` a string.
 */
export class YamlSource {
  readonly doc: Document.Parsed;
  readonly errors: { pos: Pos; message: string }[];
  private readonly lc = new LineCounter();

  constructor(
    readonly text: string,
    readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, {
      schema: 'core',
      lineCounter: this.lc,
      prettyErrors: false,
      uniqueKeys: true,
    });
    this.errors = this.doc.errors.map((e) => ({
      pos: this.at(e.pos[0]),
      message: e.message.split('\n')[0]!.trim(),
    }));
  }

  at(offset: number): Pos {
    const { line, col } = this.lc.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: line + this.lineOffset, column: col };
  }

  /** Start of a node, or of the fallback when the node is missing. */
  pos(
    node: YamlNode | null | undefined | unknown,
    fallback: Pos = { line: 1 + this.lineOffset, column: 1 },
  ): Pos {
    const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
    return range ? this.at(range[0]) : fallback;
  }

  /**
   * Maps offsets in a string scalar's value to file positions, through quotes, escapes and
   * folded lines, so a citation inside an objective is reported where it is written.
   */
  locator(node: Scalar): (i: number) => Pos {
    const range = node.range;
    if (!range || typeof node.value !== 'string') return () => this.pos(node);
    const raw = this.text.slice(range[0], range[1]);
    const map = alignValue(node.value, raw);
    return (i: number) => this.at(range[0] + (map[Math.max(0, Math.min(i, map.length - 1))] ?? 0));
  }
}

/** A scalar's value, or undefined for collections and missing nodes. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** Parses `<root>/<file>`, or null when there is no such file (an optional content file). */
export function readYamlFile(root: string, file: string): YamlSource | null {
  const full = path.join(root, file);
  return fs.existsSync(full) ? new YamlSource(readSourceFile(full)) : null;
}
