import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  decodeState,
  EMPTY_STATE,
  encodeState,
  MOTION_PREFERENCES,
  TEXT_SIZES,
  type ResumeState,
} from '../../../src/tracking/state-codec.ts';

/** A state built from EMPTY_STATE with the given changes. */
function state(over: Partial<Omit<ResumeState, 'prefs'>> & { prefs?: Partial<ResumeState['prefs']> } = {}): ResumeState {
  return { ...EMPTY_STATE, ...over, prefs: { ...EMPTY_STATE.prefs, ...over.prefs } };
}

/** The v1 body of an encoded state, parsed, so a test can break one field. */
function body(s: ResumeState = state()): Record<string, unknown> {
  return JSON.parse(encodeState(s).slice(2)) as Record<string, unknown>;
}
const v1 = (b: unknown) => `1:${JSON.stringify(b)}`;

const id = fc.oneof(fc.string({ minLength: 1, maxLength: 24 }), fc.constantFrom('01-mexico-report', 's1', '__proto__', 'constructor', 'a/b', 'a:b', '中文'));
const localeTag = fc.oneof(
  fc.constantFrom('es', 'en', 'zh', 'fr', 'ar', 'ru', 'pt', 'zh-Hans', 'pt-BR', 'es-419'),
  fc.stringMatching(/^[a-z]{2,8}(-[A-Za-z0-9]{1,8}){0,2}$/),
);
const resumeState: fc.Arbitrary<ResumeState> = fc.record({
  visited: fc.dictionary(id, fc.array(id, { maxLength: 6 }), { maxKeys: 8, noNullPrototype: true }),
  location: fc.option(fc.record({ lesson: id, section: id }), { nil: null }),
  prefs: fc.record({
    locale: fc.option(localeTag, { nil: null }),
    textSize: fc.constantFrom(...TEXT_SIZES),
    reducedMotion: fc.constantFrom(...MOTION_PREFERENCES),
  }),
});

describe('resume state codec', () => {
  it('gives back exactly the state it encoded, for any valid state', () => {
    fc.assert(
      fc.property(resumeState, (s) => {
        const decoded = decodeState(encodeState(s));
        expect(decoded).toEqual({ ok: true, state: s, version: CURRENT_VERSION });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a lesson id that looks like an object property as an ordinary key', () => {
    const visited = JSON.parse('{"__proto__":["s1"],"constructor":["s2"]}') as Record<string, string[]>;
    const decoded = decodeState(encodeState(state({ visited })));
    expect(decoded.ok && Object.getPrototypeOf(decoded.state.visited)).toBe(Object.prototype);
    expect(decoded.ok && Object.entries(decoded.state.visited)).toEqual([
      ['__proto__', ['s1']],
      ['constructor', ['s2']],
    ]);
  });

  it('writes a version marker and compact JSON without whitespace', () => {
    const s = state({ visited: { '01-mexico-report': ['why', 'action-20'] }, location: { lesson: '01-mexico-report', section: 'why' }, prefs: { locale: 'es', textSize: 150, reducedMotion: 'reduce' } });
    expect(encodeState(s)).toBe('1:{"v":{"01-mexico-report":["why","action-20"]},"p":["es",150,"r"],"l":["01-mexico-report","why"]}');
    expect(encodeState(EMPTY_STATE)).toBe('1:{"v":{},"p":[null,100,"s"]}');
  });

  it('never throws, whatever string it is given', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string().map((s) => `1:${s}`),
      fc.json().map((j) => `1:${j}`),
      fc.stringMatching(/^\d{1,12}:.*$/),
    );
    fc.assert(
      fc.property(anyText, (raw) => {
        const r = decodeState(raw);
        if (!r.ok) expect(r.raw).toBe(raw === '' ? '' : raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on structurally random v1 bodies, and accepts only well-formed ones', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = decodeState(v1(value));
        if (r.ok) expect(decodeState(encodeState(r.state))).toEqual(r);
      }),
      { numRuns: 1000 },
    );
  });

  describe('says why it could not decode, and keeps the raw value', () => {
    it.each([null, undefined, ''])('reports %o as empty', (raw) => {
      expect(decodeState(raw)).toEqual({ ok: false, reason: 'empty', raw: '' });
    });

    it.each(['garbage', '{"v":{}}', ':{"v":{}}', 'v1:{}', ' 1:{}', '01:{"v":{},"p":[null,100,"s"]}', '1:{"v":', '1:', '1:not json'])(
      'reports %j as unreadable',
      (raw) => {
        expect(decodeState(raw)).toEqual({ ok: false, reason: 'unreadable', raw });
      },
    );

    it.each(['0:{}', '2:{"v":{},"p":[null,100,"s"]}', '99:anything'])('reports %j as an unknown version', (raw) => {
      expect(decodeState(raw)).toEqual({ ok: false, reason: 'unknown-version', raw });
    });

    const broken: [string, (b: Record<string, unknown>) => unknown][] = [
      ['a body that is not an object', () => [1, 2]],
      ['a JSON null body', () => null],
      ['an unknown top-level key', (b) => ({ ...b, x: 1 })],
      ['visited missing', ({ v: _v, ...rest }) => rest],
      ['visited as an array', (b) => ({ ...b, v: [] })],
      ['a lesson whose sections are not a list', (b) => ({ ...b, v: { a: 's1' } })],
      ['a section id that is a number', (b) => ({ ...b, v: { a: ['s1', 2] } })],
      ['a location that is a string', (b) => ({ ...b, l: 'a/s1' })],
      ['a location with one part', (b) => ({ ...b, l: ['a'] })],
      ['a location of null', (b) => ({ ...b, l: null })],
      ['prefs missing', ({ p: _p, ...rest }) => rest],
      ['prefs with two entries', (b) => ({ ...b, p: [null, 100] })],
      ['a locale that is a number', (b) => ({ ...b, p: [7, 100, 's'] })],
      ['a locale that is not a language tag', (b) => ({ ...b, p: ['<script>', 100, 's'] })],
      ['an unknown text size', (b) => ({ ...b, p: [null, 110, 's'] })],
      ['a text size given as a string', (b) => ({ ...b, p: [null, '100', 's'] })],
      ['an unknown motion code', (b) => ({ ...b, p: [null, 100, 'x'] })],
      ['a motion code that is an object property', (b) => ({ ...b, p: [null, 100, 'toString'] })],
      ['a motion preference written out in full', (b) => ({ ...b, p: [null, 100, 'reduce'] })],
    ];
    it.each(broken)('reports %s as invalid', (_what, breakIt) => {
      const raw = v1(breakIt(body(state({ visited: { a: ['s1'] }, location: { lesson: 'a', section: 's1' } }))));
      expect(decodeState(raw)).toEqual({ ok: false, reason: 'invalid', raw });
    });
  });

  it('does not share arrays between the decoded state and anything else', () => {
    const raw = encodeState(state({ visited: { a: ['s1'] } }));
    const first = decodeState(raw);
    if (first.ok) first.state.visited.a?.push('s2');
    const second = decodeState(raw);
    expect(second.ok && second.state.visited).toEqual({ a: ['s1'] });
  });

  it('keeps the whole state of a long course short enough for a small suspend_data limit', () => {
    // Ten lessons of eight sections, with ids as long as the authoring rules produce.
    const visited = Object.fromEntries(
      Array.from({ length: 10 }, (_, l) => [`${String(l + 1).padStart(2, '0')}-lesson-title-here`, Array.from({ length: 8 }, (_, s) => `section-${s + 1}`)]),
    );
    const encoded = encodeState(state({ visited, location: { lesson: '10-lesson-title-here', section: 'section-8' }, prefs: { locale: 'zh-Hans' } }));
    expect(encoded.length).toBeLessThan(2000);
  });
});
