import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  decodeState,
  EMPTY_STATE,
  encodeState,
  idHash,
  MOTION_PREFERENCES,
  TEXT_SIZES,
  type CodecCourse,
  type ResumeState,
} from '../../../src/tracking/state-codec.ts';

/** A state built from EMPTY_STATE with the given changes. */
function state(over: Partial<Omit<ResumeState, 'prefs'>> & { prefs?: Partial<ResumeState['prefs']> } = {}): ResumeState {
  return { ...EMPTY_STATE, ...over, prefs: { ...EMPTY_STATE.prefs, ...over.prefs } };
}

const course: CodecCourse = {
  lessons: [
    { id: '01-mexico-report', sectionIds: ['why-action-20', 'reference-points', 'summary'] },
    { id: '04-tpnw', sectionIds: ['why-a-new-treaty', 'working-group', 'summary'] },
    { id: 'a', sectionIds: ['s1', 's2'] },
  ],
};
const v1 = (b: unknown) => `1:${JSON.stringify(b)}`;

const id = fc.oneof(
  fc.string({ minLength: 1, maxLength: 24 }),
  fc.constantFrom('01-mexico-report', '04-tpnw', 'why-action-20', 'summary', 's1', '__proto__', 'constructor', 'a/b', 'a:b', 'a.b', 'a|b', '(x)', '%29', '中文', ''),
);
const localeTag = fc.oneof(
  fc.constantFrom('es', 'en', 'zh', 'fr', 'ar', 'ru', 'pt', 'zh-Hans', 'pt-BR', 'es-419'),
  fc.stringMatching(/^[a-z]{2,8}(-[A-Za-z0-9]{1,8}){0,2}$/),
);
const resumeState: fc.Arbitrary<ResumeState> = fc.record({
  visited: fc.dictionary(id, fc.uniqueArray(id, { maxLength: 6 }), { maxKeys: 8, noNullPrototype: true }),
  location: fc.option(fc.record({ lesson: id, section: id }), { nil: null }),
  prefs: fc.record({
    locale: fc.option(localeTag, { nil: null }),
    textSize: fc.constantFrom(...TEXT_SIZES),
    reducedMotion: fc.constantFrom(...MOTION_PREFERENCES),
  }),
  attempts: fc.oneof(fc.constant(''), fc.string(), fc.string().map((a) => `!${a}`), fc.constant('Xk3:1k3jz9c:2,t,03,120_,=a%7Cb:rs;Pq_#m8.3')),
});

describe('resume state codec', () => {
  it('gives back exactly the state it encoded, for any state, with ids the course has or not', () => {
    fc.assert(
      fc.property(resumeState, (s) => {
        expect(decodeState(encodeState(s, course), course)).toEqual({ ok: true, state: s, version: CURRENT_VERSION });
      }),
      { numRuns: 2000 },
    );
  });

  it('writes ids the course has as 3-character hashes and other ids literally', () => {
    const s = state({
      visited: { '01-mexico-report': ['why-action-20', 'summary'], 'gone-lesson': ['x.y'] },
      location: { lesson: '01-mexico-report', section: 'summary' },
      prefs: { locale: 'es', textSize: 150, reducedMotion: 'reduce' },
      attempts: 'final:1k3jz9c:2,t',
    });
    const h = idHash;
    expect(encodeState(s, course)).toBe(
      `2|2res|${h('01-mexico-report')}${h('summary')}|${h('01-mexico-report')}${h('why-action-20')}${h('summary')}.(gone-lesson)(x%2Ey)|final:1k3jz9c:2,t`,
    );
    expect(encodeState(EMPTY_STATE, course)).toBe('2|0s|||');
  });

  it('carries the quiz record verbatim, `|` and all, and drops the `!` the first v2 builds put before it', () => {
    const attempts = 'Xk3:1k3jz9c:2,t,=a%7Cb,1996:rs;Pq_#m8.3';
    expect(encodeState(state({ attempts }), course)).toBe(`2|0s|||${attempts}`);
    expect(decodeState(`2|0s|||${attempts}`, course)).toEqual({ ok: true, version: 2, state: state({ attempts }) });
    expect(decodeState(`2|0s|||!${attempts}`, course)).toEqual({ ok: true, version: 2, state: state({ attempts }) });
    expect(decodeState('2|0s|||a|b', course)).toEqual({ ok: true, version: 2, state: state({ attempts: 'a|b' }) });
  });

  it('keeps a lesson id that looks like an object property as an ordinary key', () => {
    const visited = JSON.parse('{"__proto__":["s1"],"constructor":["s2"]}') as Record<string, string[]>;
    const decoded = decodeState(encodeState(state({ visited }), course), course);
    expect(decoded.ok && Object.getPrototypeOf(decoded.state.visited)).toBe(Object.prototype);
    expect(decoded.ok && Object.entries(decoded.state.visited)).toEqual([
      ['__proto__', ['s1']],
      ['constructor', ['s2']],
    ]);
  });

  it('drops a section whose id a later release of the course no longer has, and keeps the rest', () => {
    const raw = encodeState(state({ visited: { a: ['s1', 's2'] }, location: { lesson: 'a', section: 's2' } }), course);
    const later: CodecCourse = { lessons: [{ id: 'a', sectionIds: ['s1', 's3'] }] };
    expect(decodeState(raw, later)).toEqual({ ok: true, version: 2, state: state({ visited: { a: ['s1'] } }) });
  });

  it('still reads a version 1 record, written before quiz attempts were kept', () => {
    const raw = '1:{"v":{"01-mexico-report":["why","action-20"]},"p":["es",150,"r"],"l":["01-mexico-report","why"]}';
    expect(decodeState(raw, course)).toEqual({
      ok: true,
      version: 1,
      state: state({
        visited: { '01-mexico-report': ['why', 'action-20'] },
        location: { lesson: '01-mexico-report', section: 'why' },
        prefs: { locale: 'es', textSize: 150, reducedMotion: 'reduce' },
      }),
    });
    expect(decodeState('1:{"v":{},"p":[null,100,"s"]}', course)).toEqual({ ok: true, version: 1, state: EMPTY_STATE });
  });

  it('never throws, whatever string it is given', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string().map((s) => `1:${s}`),
      fc.string().map((s) => `2|${s}`),
      fc.json().map((j) => `1:${j}`),
      fc.stringMatching(/^\d{1,12}[:|].*$/),
    );
    fc.assert(
      fc.property(anyText, (raw) => {
        const r = decodeState(raw, course);
        if (!r.ok) expect(r.raw).toBe(raw === '' ? '' : raw);
        else expect(decodeState(encodeState(r.state, course), course)).toEqual({ ...r, version: CURRENT_VERSION });
      }),
      { numRuns: 2000 },
    );
  });

  describe('says why it could not decode, and keeps the raw value', () => {
    it.each([null, undefined, ''])('reports %o as empty', (raw) => {
      expect(decodeState(raw, course)).toEqual({ ok: false, reason: 'empty', raw: '' });
    });

    it.each(['garbage', '{"v":{}}', ':{"v":{}}', 'v1:{}', ' 1:{}', '01:{"v":{},"p":[null,100,"s"]}', '1:{"v":', '1:', '1:not json', '1|0s|||', '2:{}', '02|0s|||'])(
      'reports %j as unreadable',
      (raw) => {
        expect(decodeState(raw, course)).toEqual({ ok: false, reason: 'unreadable', raw });
      },
    );

    it.each(['0:{}', '3|0s|||', '99:anything'])('reports %j as an unknown version', (raw) => {
      expect(decodeState(raw, course)).toEqual({ ok: false, reason: 'unknown-version', raw });
    });

    const brokenV2 = [
      ['too few fields', '2|0s||'],
      ['an unknown text size', '2|5s|||'],
      ['an unknown motion code', '2|0x|||'],
      ['a locale that is not a language tag', '2|0s<script>|||'],
      ['a location cut short', `2|0s|${idHash('a')}||`],
      ['a location with a third id', `2|0s|${idHash('a')}${idHash('s1')}${idHash('s2')}||`],
      ['an unclosed literal id', '2|0s||(abc|'],
      ['a hash with a character outside base 64', '2|0s||ab*|'],
      ['the same lesson twice', `2|0s||${idHash('a')}.${idHash('a')}|`],
    ];
    it.each(brokenV2)('reports a v2 record with %s as invalid', (_what, raw) => {
      expect(decodeState(raw, course)).toEqual({ ok: false, reason: 'invalid', raw });
    });

    const brokenV1: [string, unknown][] = [
      ['a body that is not an object', [1, 2]],
      ['an unknown top-level key', { v: {}, p: [null, 100, 's'], x: 1 }],
      ['visited missing', { p: [null, 100, 's'] }],
      ['a section id that is a number', { v: { a: ['s1', 2] }, p: [null, 100, 's'] }],
      ['a location with one part', { v: {}, l: ['a'], p: [null, 100, 's'] }],
      ['an unknown text size', { v: {}, p: [null, 110, 's'] }],
      ['a motion code that is an object property', { v: {}, p: [null, 100, 'toString'] }],
    ];
    it.each(brokenV1)('reports a v1 record with %s as invalid', (_what, body) => {
      expect(decodeState(v1(body), course)).toEqual({ ok: false, reason: 'invalid', raw: v1(body) });
    });
  });

  it('does not share arrays between the decoded state and anything else', () => {
    const raw = encodeState(state({ visited: { a: ['s1'] } }), course);
    const first = decodeState(raw, course);
    if (first.ok) first.state.visited.a?.push('s2');
    const second = decodeState(raw, course);
    expect(second.ok && second.state.visited).toEqual({ a: ['s1'] });
  });
});
