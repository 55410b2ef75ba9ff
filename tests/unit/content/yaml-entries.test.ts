import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { listEntries, type EntryListSpec } from '../../../src/content/yaml-entries.ts';
import { YamlSource } from '../../../src/content/yaml-source.ts';

const SPEC: EntryListSpec = {
  file: 'lessons/things.yaml',
  noun: 'thing',
  items: 'things',
  shape: 'id and name',
  fields: ['id', 'name', 'hidden', 'paragraphs'],
  invalid: 'T001',
  duplicate: 'T002',
  unknownField: 'T003',
};
const REPORT = { has: (n: number) => n >= 1 && n <= 91, label: '1–91' };

function read(yaml: string) {
  const diags = new Diagnostics();
  const entries = [...listEntries(new YamlSource(yaml), diags, SPEC)];
  return { entries, lines: diags.list.map(formatDiagnostic) };
}

describe('listEntries', () => {
  it('yields nothing and reports nothing for an empty file', () => {
    expect(read('# no things yet\n')).toEqual({ entries: [], lines: [] });
  });

  it('reports a file that is not a list, naming what it should hold', () => {
    expect(read('a: 1\n').lines).toEqual([
      'lessons/things.yaml:1:1 error T001 things.yaml must be a list of things',
    ]);
  });

  it('reports YAML errors with the file name', () => {
    expect(read('- id: a\n  name: [x\n').lines[0]).toMatch(
      /^lessons\/things\.yaml:\d+:\d+ error T001 things\.yaml is not valid YAML: /,
    );
  });

  it('skips entries that are not maps or have a bad or repeated id, and warns about unknown fields', () => {
    const { entries, lines } = read(
      [
        '- just text',
        '- id: Bad Id',
        '- name: x',
        '- id: ok',
        '  colour: red',
        '- id: ok',
        '- id: other',
      ].join('\n'),
    );
    expect(entries.map((e) => e.id)).toEqual(['ok', 'other']);
    expect(entries[0]!.at).toEqual({ line: 4, column: 3 });
    expect(lines).toEqual([
      'lessons/things.yaml:1:3 error T001 a thing entry must be a map with id and name',
      'lessons/things.yaml:2:7 error T001 thing id "Bad Id" must be a kebab-case string',
      'lessons/things.yaml:3:3 error T001 thing id null must be a kebab-case string',
      'lessons/things.yaml:5:3 warning T003 unknown thing field "colour" (allowed: id, name, hidden, paragraphs)',
      'lessons/things.yaml:6:7 error T002 duplicate thing id "ok" (first defined on line 4)',
    ]);
  });

  it('reads a flag as false when missing and reports a value that is not true or false', () => {
    const diags = new Diagnostics();
    const [a, b, c] = [
      ...listEntries(
        new YamlSource('- id: a\n- id: b\n  hidden: true\n- id: c\n  hidden: "yes"\n'),
        diags,
        SPEC,
      ),
    ];
    expect([a!.flag('hidden'), b!.flag('hidden'), c!.flag('hidden')]).toEqual([false, true, false]);
    expect(diags.list.map(formatDiagnostic)).toEqual([
      'lessons/things.yaml:5:11 error T001 hidden of "c" must be true or false',
    ]);
  });

  it('reads per-locale text, reporting a missing locale at the map and a missing field at the entry', () => {
    const diags = new Diagnostics();
    const [a, b] = [
      ...listEntries(new YamlSource('- id: a\n  name: {es: uno, en: one}\n- id: b\n'), diags, SPEC),
    ];
    expect(a!.text('name', 'T004', 'name of "a"')).toEqual({ es: 'uno', en: 'one', zh: '' });
    expect(b!.text('name', 'T004', 'name of "b"')).toEqual({ es: '', en: '', zh: '' });
    expect(b!.text('name', 'T004', 'name of "b"', true)).toEqual({ es: '', en: '', zh: '' });
    expect(diags.list.map(formatDiagnostic)).toEqual([
      'lessons/things.yaml:2:9 error T004 name of "a" has no zh text',
      'lessons/things.yaml:3:3 error T004 name of "b" has no text (expected es, en and zh)',
    ]);
  });

  it('reads a paragraph list, empty when missing or null, and empty when wrong', () => {
    const diags = new Diagnostics();
    const entries = [
      ...listEntries(
        new YamlSource(
          '- id: a\n  paragraphs: [3, 1-2]\n- id: b\n- id: c\n  paragraphs:\n- id: d\n  paragraphs: [1, 99]\n',
        ),
        diags,
        SPEC,
      ),
    ];
    expect(entries.map((e) => e.paragraphList('paragraphs', 'T005', REPORT))).toEqual([
      [1, 2, 3],
      [],
      [],
      [],
    ]);
    expect(diags.list.map(formatDiagnostic)).toEqual([
      'lessons/things.yaml:7:19 error T005 paragraph ¶99 does not exist in the report (1–91)',
    ]);
  });
});
