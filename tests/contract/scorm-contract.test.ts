// @vitest-environment jsdom
/**
 * The course against real scorm-again run-times, installed where an LMS puts them
 * (window.API for 1.2, window.API_1484_11 for 2004). One table of cases, each run against both
 * versions; each case states the exact calls and values the course must send in each version.
 * scorm-again accepts more than real LMSs do, so the values are checked, not only accepted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourseIndex, LessonMeta } from '../../src/content/model.ts';
import type { InteractionReport, LaunchInfo, LmsAdapter } from '../../src/tracking/adapter.ts';
import { connectLms } from '../../src/tracking/connect.ts';
import { initialCourseState, useCourseStore } from '../../src/store/course-store.ts';
import { launchTracking, type TrackingHandle } from '../../src/store/tracking-bridge.ts';
import { hostLms, type CmiRecord, type Faults, type HostedLms, type Launch, type LmsVersion } from '../../preview/lms-host.ts';

const VERSIONS: LmsVersion[] = ['1.2', '2004'];
const LEARNER: Launch = { mode: 'normal', credit: true, learnerId: 'learner-7', learnerName: 'Ramírez, Ana' };
const T0 = Date.UTC(2026, 10, 25, 9, 30, 15, 250);

function lesson(id: string, sections: string[], order: number): LessonMeta {
  return { id, order, minutes: 10, paragraphs: [1], sectionIds: sections, titles: { en: id }, locales: ['en'] };
}
const index: CourseIndex = {
  lessons: [lesson('01-intro', ['why', 'summary'], 1), lesson('02-next', ['only'], 2)],
  paragraphCount: 91,
  quizzes: [],
};

interface Run {
  lms: HostedLms;
  adapter: LmsAdapter;
  info: LaunchInfo | null;
  logs: string[];
}

/** One launch: the stand-in LMS on window, the course's adapter found by API discovery. */
async function launch(version: LmsVersion, o: { launch?: Partial<Launch>; previous?: CmiRecord | null; faults?: Partial<Faults> } = {}): Promise<Run> {
  const lms = hostLms({ version, launch: { ...LEARNER, ...o.launch }, previous: o.previous ?? null, faults: o.faults ?? {}, now: () => T0 });
  lms.install(window);
  const logs: string[] = [];
  const adapter = await connectLms(window, { courseId: 'contract', storage: localStorage, log: (m) => logs.push(m), now: () => T0 });
  if (!adapter) throw new Error('no adapter found');
  const info = adapter.initialize();
  return { lms, adapter, info, logs };
}

/** The SetValue calls, as [element, value], in order. */
const sets = (lms: HostedLms) => lms.calls.filter((c) => /SetValue$/.test(c.fn)).map((c) => [c.args[0], c.args[1]]);
const callNames = (lms: HostedLms) => lms.calls.filter((c) => !/GetValue$/.test(c.fn)).map((c) => (/SetValue$/.test(c.fn) ? `${c.fn}(${c.args[0]})` : c.fn));

const interaction = (over: Partial<InteractionReport>): InteractionReport => ({
  id: 'f01-item',
  type: 'choice',
  learnerResponse: [],
  correctResponse: [],
  result: 'correct',
  weighting: 1,
  latencyMs: 12_340,
  timestamp: new Date(T0),
  ...over,
});

/** The elements of interaction n, in the order each version writes them. */
function interactionSets(version: LmsVersion, n: number, x: { id: string; type: string; learner: string; correct: string[]; result: string; description?: string }) {
  const p = `cmi.interactions.${n}.`;
  if (version === '1.2') {
    return [
      [`${p}id`, x.id],
      [`${p}type`, x.type],
      [`${p}time`, '09:30:15'],
      ...x.correct.map((c, k) => [`${p}correct_responses.${k}.pattern`, c]),
      [`${p}student_response`, x.learner],
      [`${p}result`, x.result === 'incorrect' ? 'wrong' : x.result],
      [`${p}weighting`, '1'],
      [`${p}latency`, '0000:00:12.34'],
    ];
  }
  return [
    [`${p}id`, x.id],
    [`${p}type`, x.type],
    ...(x.description ? [[`${p}description`, x.description]] : []),
    [`${p}timestamp`, '2026-11-25T09:30:15.25Z'],
    [`${p}weighting`, '1'],
    ...x.correct.map((c, k) => [`${p}correct_responses.${k}.pattern`, c]),
    [`${p}learner_response`, x.learner],
    [`${p}result`, x.result],
    [`${p}latency`, 'PT12.34S'],
  ];
}

interface Case {
  name: string;
  run: (version: LmsVersion) => Promise<void>;
}

let handle: TrackingHandle | undefined;
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(initialCourseState, true);
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
  delete (window as unknown as Record<string, unknown>).API;
  delete (window as unknown as Record<string, unknown>).API_1484_11;
  vi.restoreAllMocks();
});

/** The course itself (store + tracking bridge) launched by the stand-in LMS. */
async function launchCourse(version: LmsVersion, o: Parameters<typeof launch>[1] = {}) {
  const lms = hostLms({ version, launch: { ...LEARNER, ...o.launch }, previous: o.previous ?? null, faults: o.faults ?? {}, now: () => T0 });
  lms.install(window);
  const logs: string[] = [];
  let clock = T0;
  handle = await launchTracking({ index, win: window, now: () => clock, log: (m) => logs.push(m) });
  return {
    lms,
    logs,
    tick: (ms: number) => (clock += ms),
    leave: () => window.dispatchEvent(new Event('pagehide')),
  };
}

const cases: Case[] = [
  {
    name: 'first launch: reads the launch, says incomplete, saves the empty state, and commits once',
    async run(v) {
      const { lms } = await launchCourse(v);
      const s = v === '1.2' ? 'cmi.core.' : 'cmi.';
      expect(lms.calls[0]!.fn).toBe(v === '1.2' ? 'LMSInitialize' : 'Initialize');
      expect(sets(lms)).toEqual(
        v === '1.2'
          ? [
              ['cmi.suspend_data', '2|0s|||'],
              [`${s}lesson_status`, 'incomplete'],
              ['cmi.objectives.0.id', '01-intro'],
              ['cmi.objectives.0.status', 'not attempted'],
              ['cmi.objectives.1.id', '02-next'],
              ['cmi.objectives.1.status', 'not attempted'],
            ]
          : [
              ['cmi.suspend_data', '2|0s|||'],
              ['cmi.completion_status', 'incomplete'],
              ['cmi.progress_measure', '0'],
              ['cmi.objectives.0.id', '01-intro'],
              ['cmi.objectives.0.completion_status', 'not attempted'],
              ['cmi.objectives.0.progress_measure', '0'],
              ['cmi.objectives.1.id', '02-next'],
              ['cmi.objectives.1.completion_status', 'not attempted'],
              ['cmi.objectives.1.progress_measure', '0'],
            ],
      );
      expect(callNames(lms).filter((c) => /Commit$/.test(c))).toHaveLength(1);
      expect(useCourseStore.getState().learnerName).toBe(v === '1.2' ? 'Ana Ramírez' : 'Ramírez, Ana');
      expect(useCourseStore.getState().notice).toBeNull();
    },
  },
  {
    name: 'a learner leaves unfinished: session time, exit suspend, terminate; and resumes where they were',
    async run(v) {
      const first = await launchCourse(v);
      useCourseStore.getState().visitSection('01-intro', 'why');
      first.tick(3_723_450);
      first.leave();
      const names = callNames(first.lms);
      expect(names.slice(-4)).toEqual(
        v === '1.2'
          ? ['LMSSetValue(cmi.core.session_time)', 'LMSCommit', 'LMSSetValue(cmi.core.exit)', 'LMSFinish']
          : ['SetValue(cmi.session_time)', 'Commit', 'SetValue(cmi.exit)', 'Terminate'],
      );
      const tail = sets(first.lms).slice(-2);
      expect(tail).toEqual(v === '1.2' ? [['cmi.core.session_time', '0001:02:03.45'], ['cmi.core.exit', 'suspend']] : [['cmi.session_time', 'PT1H2M3.45S'], ['cmi.exit', 'suspend']]);
      expect(first.lms.cmi()[v === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe('01-intro/why');
      handle?.stop();

      useCourseStore.setState(initialCourseState, true);
      const second = await launchCourse(v, { previous: first.lms.record() });
      expect(second.lms.cmi()[v === '1.2' ? 'cmi.core.entry' : 'cmi.entry']).toBe('resume');
      expect(useCourseStore.getState().visited).toEqual({ '01-intro': ['why'] });
      expect(useCourseStore.getState().location).toEqual({ lesson: '01-intro', section: 'why' });
      // Nothing changed yet, so nothing is written again.
      expect(sets(second.lms)).toEqual([]);
    },
  },
  {
    name: 'finishing every lesson: completed, objectives per lesson, exit normal (1.2: empty)',
    async run(v) {
      const run = await launchCourse(v);
      useCourseStore.getState().visitSection('01-intro', 'why');
      useCourseStore.getState().visitSection('01-intro', 'summary');
      useCourseStore.getState().visitSection('02-next', 'only');
      run.leave();
      const cmi = run.lms.cmi();
      if (v === '1.2') {
        expect(cmi['cmi.core.lesson_status']).toBe('completed');
        expect([cmi['cmi.objectives.0.id'], cmi['cmi.objectives.0.status'], cmi['cmi.objectives.1.id'], cmi['cmi.objectives.1.status']]).toEqual(['01-intro', 'completed', '02-next', 'completed']);
        expect(sets(run.lms).slice(-1)).toEqual([['cmi.core.exit', '']]);
      } else {
        expect([cmi['cmi.completion_status'], cmi['cmi.progress_measure']]).toEqual(['completed', '1']);
        expect([cmi['cmi.objectives.0.id'], cmi['cmi.objectives.0.completion_status'], cmi['cmi.objectives.0.progress_measure']]).toEqual(['01-intro', 'completed', '1']);
        expect(sets(run.lms).slice(-1)).toEqual([['cmi.exit', 'normal']]);
      }
      // The objective of a half-read lesson was written as incomplete 0.5 on the way.
      expect(sets(run.lms)).toContainEqual(v === '1.2' ? ['cmi.objectives.0.status', 'incomplete'] : ['cmi.objectives.0.progress_measure', '0.5']);
    },
  },
  {
    name: 'pass: score raw/min/max (2004 also scaled) and passed',
    async run(v) {
      const { lms, adapter } = await launch(v);
      adapter.writeCompletion('completed', 1);
      adapter.writeScore({ raw: 85, min: 0, max: 100, scaled: 0.85 });
      adapter.writeSuccess('passed');
      expect(sets(lms)).toEqual(
        v === '1.2'
          ? [
              ['cmi.core.lesson_status', 'completed'],
              // scorm-again starts cmi.core.score.max at 100: a value the LMS holds is not sent again.
              ['cmi.core.score.min', '0'],
              ['cmi.core.score.raw', '85'],
              ['cmi.core.lesson_status', 'passed'],
            ]
          : [
              ['cmi.completion_status', 'completed'],
              ['cmi.progress_measure', '1'],
              ['cmi.score.scaled', '0.85'],
              ['cmi.score.raw', '85'],
              ['cmi.score.min', '0'],
              ['cmi.score.max', '100'],
              ['cmi.success_status', 'passed'],
            ],
      );
    },
  },
  {
    name: 'fail: failed, with a score of two decimals at most',
    async run(v) {
      const { lms, adapter } = await launch(v);
      adapter.writeCompletion('completed', 1);
      adapter.writeScore({ raw: 100 / 3, min: 0, max: 100, scaled: 1 / 3 });
      adapter.writeSuccess('failed');
      const cmi = lms.cmi();
      if (v === '1.2') expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['failed', '33.33']);
      else expect([cmi['cmi.success_status'], cmi['cmi.completion_status'], cmi['cmi.score.raw'], cmi['cmi.score.scaled']]).toEqual(['failed', 'completed', '33.33', '0.3333']);
    },
  },
  {
    name: 'each interaction type in the version’s own response format',
    async run(v) {
      const { lms, adapter } = await launch(v);
      const items: [InteractionReport, { learner: string; correct: string[]; result: string }, { learner: string; correct: string[] }][] = [
        [interaction({ id: 'q-single', type: 'choice', ids: ['opanal', 'iaea', 'ctbto'], learnerResponse: ['iaea'], correctResponse: ['opanal'], result: 'incorrect', description: 'Which body?' }), { learner: 'b', correct: ['a'], result: 'incorrect' }, { learner: 'iaea', correct: ['opanal'] }],
        [interaction({ id: 'q-multi', type: 'choice', ids: ['a1', 'b2', 'c3', 'd4'], learnerResponse: ['a1', 'c3'], correctResponse: ['a1', 'c3'] }), { learner: 'a,c', correct: ['a,c'], result: 'correct' }, { learner: 'a1[,]c3', correct: ['a1[,]c3'] }],
        [interaction({ id: 'q-tf', type: 'true-false', learnerResponse: ['true'], correctResponse: ['false'], result: 'incorrect' }), { learner: 't', correct: ['f'], result: 'incorrect' }, { learner: 'true', correct: ['false'] }],
        [interaction({ id: 'q-match', type: 'matching', ids: ['p1', 'p2', 'r1', 'r2', 'r3'], learnerResponse: ['p1.r2', 'p2.r1'], correctResponse: ['p1.r1', 'p2.r2'], result: 'incorrect' }), { learner: 'a.d,b.c', correct: ['a.c,b.d'], result: 'incorrect' }, { learner: 'p1[.]r2[,]p2[.]r1', correct: ['p1[.]r1[,]p2[.]r2'] }],
        [interaction({ id: 'q-seq', type: 'sequencing', ids: ['s1967', 's1968', 's1970'], learnerResponse: ['s1967', 's1968', 's1970'], correctResponse: ['s1967', 's1968', 's1970'] }), { learner: 'a,b,c', correct: ['a,b,c'], result: 'correct' }, { learner: 's1967[,]s1968[,]s1970', correct: ['s1967[,]s1968[,]s1970'] }],
        // Partial credit: half the marks of a matching item, as a decimal result in both versions.
        [interaction({ id: 'q-match-half', type: 'matching', ids: ['p1', 'p2', 'r1', 'r2'], learnerResponse: ['p1.r1', 'p2.r1'], correctResponse: ['p1.r1', 'p2.r2'], result: 0.5 }), { learner: 'a.c,b.c', correct: ['a.c,b.d'], result: '0.5' }, { learner: 'p1[.]r1[,]p2[.]r1', correct: ['p1[.]r1[,]p2[.]r2'] }],
        [interaction({ id: 'q-num', type: 'numeric', learnerResponse: ['1996'], correctResponse: ['1995', '1997'] }), { learner: '1996', correct: ['1996'], result: 'correct' }, { learner: '1996', correct: ['1995[:]1997'] }],
        [interaction({ id: 'q-fill', type: 'fill-in', learnerResponse: ['Tlatelolco'], correctResponse: ['tlatelolco', 'tratado de tlatelolco'] }), { learner: 'Tlatelolco', correct: ['tlatelolco', 'tratado de tlatelolco'], result: 'correct' }, { learner: 'Tlatelolco', correct: ['{case_matters=false}tlatelolco', '{case_matters=false}tratado de tlatelolco'] }],
      ];
      items.forEach(([x], n) => expect(adapter.writeInteraction(n, x)).toBe(true));
      const expected = items.flatMap(([x, v12, v2004], n) =>
        interactionSets(v, n, {
          id: x.id,
          type: x.type,
          result: v12.result,
          ...(v === '1.2' ? { learner: v12.learner, correct: v12.correct } : { learner: v2004.learner, correct: v2004.correct, ...(x.description ? { description: x.description } : {}) }),
        }),
      );
      expect(sets(lms)).toEqual(expected);
      expect(lms.calls.every((c) => c.result === 'true' || !/SetValue$/.test(c.fn))).toBe(true);
    },
  },
  {
    name: 'interactions are appended after those already recorded, without gaps, whatever index the course gives',
    async run(v) {
      const earlier = await launch(v);
      earlier.adapter.writeInteraction(0, interaction({ id: 'first', type: 'true-false', learnerResponse: ['true'], correctResponse: ['true'] }));
      earlier.adapter.terminate('suspend');
      const { lms, adapter, info } = await launch(v, { previous: earlier.lms.record() });
      expect(info?.interactionCount).toBe(1);
      adapter.writeInteraction(25, interaction({ id: 'second', type: 'true-false', learnerResponse: ['false'], correctResponse: ['true'], result: 'incorrect' }));
      adapter.writeInteraction(22, interaction({ id: 'third', type: 'true-false', learnerResponse: ['true'], correctResponse: ['true'] }));
      adapter.writeInteraction(25, interaction({ id: 'second', type: 'true-false', learnerResponse: ['false'], correctResponse: ['true'], result: 'incorrect', weighting: 2 }));
      const ids = sets(lms).filter(([e]) => /\.id$/.test(e!));
      expect(ids).toEqual([['cmi.interactions.1.id', 'second'], ['cmi.interactions.2.id', 'third']]);
      expect(sets(lms).slice(-1)).toEqual([['cmi.interactions.1.weighting', '2']]);
    },
  },
  {
    name: 'session time in the version’s format, zero and long',
    async run(v) {
      const { lms, adapter } = await launch(v);
      for (const ms of [0, 45_600, 90_061_000]) adapter.writeSessionTime(ms);
      expect(sets(lms).map(([, value]) => value)).toEqual(v === '1.2' ? ['0000:00:00.00', '0000:00:45.60', '0025:01:01.00'] : ['PT0S', 'PT45.6S', 'PT25H1M1S']);
    },
  },
  {
    name: 'browse mode: reads the saved state but writes nothing, and still terminates',
    async run(v) {
      const earlier = await launch(v);
      earlier.adapter.writeState('2|0s|||');
      earlier.adapter.terminate('suspend');
      const { lms, adapter, info } = await launch(v, { launch: { mode: 'browse' }, previous: earlier.lms.record() });
      expect(info?.mode).toBe('browse');
      expect(adapter.readState()).toBe('2|0s|||');
      for (const ok of [adapter.writeState('2|1s|||'), adapter.writeCompletion('completed', 1), adapter.writeScore({ raw: 90, min: 0, max: 100, scaled: 0.9 }), adapter.writeSessionTime(1000), adapter.commit(), adapter.terminate('suspend')]) expect(ok).toBe(true);
      expect(sets(lms)).toEqual([]);
      expect(callNames(lms)).toEqual(v === '1.2' ? ['LMSInitialize', 'LMSFinish'] : ['Initialize', 'Terminate']);
    },
  },
  {
    name: 'no-credit: progress is saved, results are not (no score, success or interactions)',
    async run(v) {
      const { lms, adapter, info } = await launch(v, { launch: { credit: false } });
      expect(info?.credit).toBe(false);
      adapter.writeCompletion('completed', 1);
      adapter.writeScore({ raw: 90, min: 0, max: 100, scaled: 0.9 });
      adapter.writeSuccess('passed');
      adapter.writeInteraction(0, interaction({ learnerResponse: ['a'], correctResponse: ['a'] }));
      expect(sets(lms)).toEqual(v === '1.2' ? [['cmi.core.lesson_status', 'completed']] : [['cmi.completion_status', 'completed'], ['cmi.progress_measure', '1']]);
    },
  },
  {
    name: 'size limit: suspend data over the version’s limit is refused by the course itself and kept in the browser',
    async run(v) {
      const { lms, adapter } = await launch(v);
      const limit = v === '1.2' ? 4096 : 64000;
      expect(adapter.writeState('x'.repeat(limit))).toBe(true);
      expect(adapter.writeState('y'.repeat(limit + 1))).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: v === '1.2' ? '405' : '407', call: expect.stringContaining('cmi.suspend_data') });
      expect(sets(lms).map(([e, value]) => [e, value!.length])).toEqual([['cmi.suspend_data', limit]]);
      expect(JSON.stringify(localStorage.getItem('mx-a20:contract:learner-7:unsaved'))).toContain('yyyy');
    },
  },
  {
    name: 'never writes a value the LMS already holds',
    async run(v) {
      const { lms, adapter } = await launch(v);
      adapter.writeCompletion('incomplete', 0.5);
      adapter.writeCompletion('incomplete', 0.5);
      adapter.writeLocation('01-intro/why');
      adapter.writeLocation('01-intro/why');
      adapter.writeObjective(0, { id: '01-intro', completion: 'incomplete', success: 'unknown', progress: 0.5 });
      adapter.writeObjective(0, { id: '01-intro', completion: 'incomplete', success: 'unknown', progress: 0.5 });
      const written = sets(lms).map(([e]) => e);
      expect(new Set(written).size).toBe(written.length);
      expect(adapter.commit()).toBe(true);
      expect(adapter.commit()).toBe(true);
      expect(callNames(lms).filter((c) => /Commit$/.test(c))).toHaveLength(1);
    },
  },
  {
    name: 'fault: no API at all — the course keeps progress in the browser and says so',
    async run() {
      handle = await launchTracking({ index, win: window, log: () => undefined });
      expect(useCourseStore.getState().adapterKind).toBe('standalone');
      expect(useCourseStore.getState().notice).toBe('lms-unavailable');
    },
  },
  {
    name: 'fault: SetValue fails — error read and logged, progress kept in the browser, one notice, sent at the next launch',
    async run(v) {
      const first = await launchCourse(v, { faults: { setValueFails: true } });
      useCourseStore.getState().visitSection('01-intro', 'why');
      expect(useCourseStore.getState().notice).toBe('save-failed');
      const code = v === '1.2' ? '101' : '351';
      expect(first.logs.some((l) => l.includes(`${code} General`) && l.includes('cmi.suspend_data'))).toBe(true);
      const mirror = JSON.parse(localStorage.getItem('mx-a20:mx-action20:learner-7:unsaved') ?? 'null') as { values: [string, string][] };
      expect(mirror.values).toContainEqual(['cmi.suspend_data', expect.stringMatching(/^2\|/)]);
      first.leave();
      handle?.stop();

      useCourseStore.setState(initialCourseState, true);
      const second = await launchCourse(v, { previous: first.lms.record() });
      // The LMS had nothing; the browser's copy is sent, committed, and used to resume.
      expect(useCourseStore.getState().visited).toEqual({ '01-intro': ['why'] });
      expect(sets(second.lms).map(([e]) => e)).toContain('cmi.suspend_data');
      expect(localStorage.getItem('mx-a20:mx-action20:learner-7:unsaved')).toBeNull();
    },
  },
  {
    name: 'fault: Commit fails — error logged, the values are kept in the browser until a commit succeeds',
    async run(v) {
      const run = await launchCourse(v, { faults: { commitFails: true } });
      useCourseStore.getState().visitSection('01-intro', 'why');
      expect(useCourseStore.getState().notice).toBe('save-failed');
      expect(run.logs.some((l) => l.includes(v === '1.2' ? 'LMSCommit' : 'Commit') && l.includes(v === '1.2' ? '101' : '391'))).toBe(true);
      expect(localStorage.getItem('mx-a20:mx-action20:learner-7:unsaved')).toContain('01-intro/why');
      run.lms.faults.commitFails = false;
      useCourseStore.getState().visitSection('01-intro', 'summary');
      expect(localStorage.getItem('mx-a20:mx-action20:learner-7:unsaved')).toBeNull();
    },
  },
  {
    name: 'fault: a slow LMS — every call still made once, in order, and the course finishes',
    async run(v) {
      const run = await launchCourse(v, { faults: { slowMs: 5 } });
      useCourseStore.getState().visitSection('02-next', 'only');
      run.leave();
      expect(run.lms.terminated()).toBe(true);
      expect(run.lms.calls.every((c) => c.result !== 'false')).toBe(true);
    },
  },
];

describe.each(VERSIONS)('SCORM %s with scorm-again as the LMS', (version) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => c.run(version));

  it('resumes only from what the LMS says: 2004 needs entry resume, 1.2 saved suspend_data', async () => {
    const earlier = await launch(version);
    earlier.adapter.writeState('2|1s|||');
    earlier.adapter.terminate('normal');
    const { adapter } = await launch(version, { previous: earlier.lms.record() });
    // 2004: exit normal ended the attempt, so the next launch starts afresh; 1.2 keeps suspend_data.
    expect(adapter.readState()).toBe(version === '1.2' ? '2|1s|||' : null);
  });
});
