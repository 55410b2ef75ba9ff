import { describe, expect, it } from 'vitest';
import type { InteractionReport, ObjectiveReport } from '../../../src/tracking/adapter.ts';
import {
  createStandaloneAdapter,
  memoryStorage,
  readStandaloneRecord,
  recordKey,
  type StandaloneOptions,
} from '../../../src/tracking/standalone/standalone-adapter.ts';

const COURSE = 'mx-action20';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** A Storage whose methods can be made to throw, the way browsers do when full or disabled. */
function faultyStorage(base: Storage = memoryStorage()) {
  const faults = { get: null as Error | null, set: null as Error | null };
  const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  const storage: Storage = {
    get length() {
      return base.length;
    },
    clear: () => base.clear(),
    key: (i) => base.key(i),
    removeItem: (k) => base.removeItem(k),
    getItem: (k) => {
      if (faults.get) throw faults.get;
      return base.getItem(k);
    },
    setItem: (k, v) => {
      if (faults.set) throw faults.set;
      base.setItem(k, v);
    },
  };
  return { storage, base, faults, quota };
}

function launch(opts: Partial<StandaloneOptions> & { storage: Storage }) {
  const adapter = createStandaloneAdapter({ courseId: COURSE, ...opts });
  const info = adapter.initialize();
  return { adapter, info };
}

const interaction = (over: Partial<InteractionReport> = {}): InteractionReport => ({
  id: 'q1',
  type: 'choice',
  description: '¿Cuántos párrafos tiene el informe?',
  learnerResponse: ['b'],
  correctResponse: ['b'],
  result: 'correct',
  weighting: 1,
  latencyMs: 4200,
  timestamp: new Date('2025-03-01T10:00:00.000Z'),
  ...over,
});
const objective: ObjectiveReport = { id: '01-mexico-report', completion: 'incomplete', success: 'unknown', progress: 0.5 };

/** The keys the storage holds, sorted. */
const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i) as string).sort();

describe('standalone adapter', () => {
  it('starts a first launch from the beginning, in normal mode with credit', () => {
    const storage = memoryStorage();
    const { adapter, info } = launch({ storage, learnerId: 'ana' });
    expect(adapter.kind).toBe('standalone');
    expect(info).toEqual({ mode: 'normal', credit: true, entry: 'ab-initio', learnerName: null, learnerId: 'ana', launchData: null });
    expect(adapter.readState()).toBeNull();
    expect(adapter.readLocation()).toBeNull();
    expect(adapter.lastError()).toBeNull();
    expect(keys(storage)).toEqual([]);
  });

  it('resumes the saved suspend data and location after a reload', () => {
    const storage = memoryStorage();
    const first = launch({ storage }).adapter;
    expect(first.writeState('1:{"v":{"a":["s1"]},"p":["es",125,"s"]}')).toBe(true);
    expect(first.writeLocation('a/s1')).toBe(true);
    expect(first.commit()).toBe(true);

    const { adapter, info } = launch({ storage });
    expect(info?.entry).toBe('resume');
    expect(info?.notice).toBeUndefined();
    expect(adapter.readState()).toBe('1:{"v":{"a":["s1"]},"p":["es",125,"s"]}');
    expect(adapter.readLocation()).toBe('a/s1');
  });

  it('keeps every committed result exactly across a reload', () => {
    const storage = memoryStorage();
    const t = clock();
    const first = launch({ storage, now: t.now }).adapter;
    expect(first.writeCompletion('incomplete', 0.25)).toBe(true);
    expect(first.writeSuccess('passed')).toBe(true);
    expect(first.writeScore({ raw: 80, min: 0, max: 100, scaled: 0.8 })).toBe(true);
    expect(first.writeInteraction(0, interaction())).toBe(true);
    expect(first.writeInteraction(1, interaction({ id: 'q2', type: 'matching', learnerResponse: ['a.1', 'b.2'], result: 'incorrect', description: undefined }))).toBe(true);
    expect(first.writeObjective(0, objective)).toBe(true);
    t.advance(5000);
    expect(first.commit()).toBe(true);

    expect(readStandaloneRecord(storage, COURSE)).toEqual({
      v: 1,
      savedAt: t.now(),
      cmi: {
        suspendData: null,
        location: null,
        completion: 'incomplete',
        progress: 0.25,
        success: 'passed',
        score: { raw: 80, min: 0, max: 100, scaled: 0.8 },
        interactions: [
          { ...interaction(), timestamp: '2025-03-01T10:00:00.000Z' },
          { id: 'q2', type: 'matching', learnerResponse: ['a.1', 'b.2'], correctResponse: ['b'], result: 'incorrect', weighting: 1, latencyMs: 4200, timestamp: '2025-03-01T10:00:00.000Z' },
        ],
        objectives: [objective],
        totalTimeMs: 0,
      },
    });

    // A later session that changes nothing saves the same results back.
    const before = readStandaloneRecord(storage, COURSE)?.cmi;
    const second = launch({ storage }).adapter;
    expect(second.commit()).toBe(true);
    expect(readStandaloneRecord(storage, COURSE)?.cmi).toEqual(before);
  });

  it('loses writes that were never committed, like an LMS that was not told to commit', () => {
    const storage = memoryStorage();
    const first = launch({ storage }).adapter;
    first.writeState('committed');
    first.commit();
    first.writeState('not committed');
    first.writeLocation('b/t1');

    const { adapter, info } = launch({ storage });
    expect(info?.entry).toBe('resume');
    expect(adapter.readState()).toBe('committed');
    expect(adapter.readLocation()).toBeNull();
  });

  it('saves nothing at all until the first commit', () => {
    const storage = memoryStorage();
    launch({ storage }).adapter.writeState('x');
    expect(keys(storage)).toEqual([]);
    expect(launch({ storage }).info?.entry).toBe('ab-initio');
  });

  describe('a saved record it cannot read', () => {
    const unreadable: [string, string][] = [
      ['bad JSON', '{"v":1,"savedAt":'],
      ['a JSON value of the wrong shape', '[1,2,3]'],
      ['a record of an unknown version', JSON.stringify({ v: 2, savedAt: 1, cmi: {} })],
      ['a record with a field of the wrong type', JSON.stringify({ v: 1, savedAt: 1, cmi: { suspendData: 42, location: null, completion: 'incomplete', progress: 0, success: 'unknown', score: null, interactions: [], objectives: [], totalTimeMs: 0 } })],
      ['a record with an unknown completion status', JSON.stringify({ v: 1, savedAt: 1, cmi: { suspendData: null, location: null, completion: 'browsed', progress: 0, success: 'unknown', score: null, interactions: [], objectives: [], totalTimeMs: 0 } })],
      ['a record with a hole in its interactions', JSON.stringify({ v: 1, savedAt: 1, cmi: { suspendData: null, location: null, completion: 'incomplete', progress: 0, success: 'unknown', score: null, interactions: [null], objectives: [], totalTimeMs: 0 } })],
      ['text with characters JSON cannot hold unescaped', 'résumé\u0000\uD800 中文 💥'],
    ];

    it.each(unreadable)('is copied aside byte for byte when it is %s, and the course starts fresh with a notice', (_what, raw) => {
      const storage = memoryStorage();
      const t = clock();
      storage.setItem(recordKey(COURSE), raw);
      const { adapter, info } = launch({ storage, now: t.now });

      expect(info).toMatchObject({ entry: 'ab-initio', notice: 'saved-record-unreadable' });
      expect(adapter.readState()).toBeNull();
      const backup = `${recordKey(COURSE)}:unreadable:${t.now()}`;
      expect(adapter.unreadableBackupKey).toBe(backup);
      expect(storage.getItem(backup)).toBe(raw);

      adapter.writeState('fresh');
      expect(adapter.commit()).toBe(true);
      expect(storage.getItem(backup)).toBe(raw);
      expect(readStandaloneRecord(storage, COURSE)?.cmi.suspendData).toBe('fresh');
    });

    it('gets a backup key of its own when an earlier backup has the same timestamp', () => {
      const storage = memoryStorage();
      const t = clock();
      storage.setItem(recordKey(COURSE), 'first');
      launch({ storage, now: t.now });
      storage.setItem(recordKey(COURSE), 'second');
      const { adapter } = launch({ storage, now: t.now });
      expect(adapter.unreadableBackupKey).toBe(`${recordKey(COURSE)}:unreadable:${t.now()}-1`);
      expect(storage.getItem(`${recordKey(COURSE)}:unreadable:${t.now()}`)).toBe('first');
      expect(storage.getItem(`${recordKey(COURSE)}:unreadable:${t.now()}-1`)).toBe('second');
    });

    it('is not overwritten while storage refuses to take the backup copy', () => {
      const { storage, base, faults, quota } = faultyStorage();
      base.setItem(recordKey(COURSE), 'from a newer course');
      faults.set = quota();
      const { adapter, info } = launch({ storage });
      expect(info?.notice).toBe('saved-record-unreadable');
      expect(adapter.unreadableBackupKey).toBeNull();

      faults.set = null;
      const realSet = base.setItem.bind(base);
      // Storage takes the record but still refuses the backup: the record must stay as it was.
      base.setItem = (k, v) => {
        if (k.includes(':unreadable:')) throw quota();
        realSet(k, v);
      };
      adapter.writeState('fresh');
      expect(adapter.commit()).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '391', call: 'Commit' });
      expect(adapter.lastError()?.detail).toMatch(/could not be copied aside/);
      expect(base.getItem(recordKey(COURSE))).toBe('from a newer course');

      base.setItem = realSet;
      expect(adapter.commit()).toBe(true);
      expect(adapter.unreadableBackupKey).toMatch(/:unreadable:/);
      expect(base.getItem(adapter.unreadableBackupKey as string)).toBe('from a newer course');
      expect(readStandaloneRecord(base, COURSE)?.cmi.suspendData).toBe('fresh');
    });
  });

  describe('storage that refuses', () => {
    it('makes commit return false with the reason, without throwing, when storage is full', () => {
      const { storage, faults, quota } = faultyStorage();
      const { adapter } = launch({ storage });
      expect(adapter.writeState('progress')).toBe(true);
      faults.set = quota();
      expect(() => adapter.commit()).not.toThrow();
      expect(adapter.commit()).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '391', call: 'Commit' });
      expect(adapter.lastError()?.detail).toMatch(/QuotaExceededError/);
    });

    it('keeps the writes in memory so a later commit can still save them', () => {
      const { storage, base, faults, quota } = faultyStorage();
      const { adapter } = launch({ storage });
      adapter.writeState('progress');
      faults.set = quota();
      expect(adapter.commit()).toBe(false);
      faults.set = null;
      expect(adapter.commit()).toBe(true);
      expect(adapter.lastError()).toBeNull();
      expect(readStandaloneRecord(base, COURSE)?.cmi.suspendData).toBe('progress');
    });

    it('refuses to start, without throwing, when storage cannot even be read', () => {
      const { storage, base, faults } = faultyStorage();
      base.setItem(recordKey(COURSE), 'something we must not overwrite');
      faults.get = Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
      const adapter = createStandaloneAdapter({ courseId: COURSE, storage });
      expect(adapter.initialize()).toBeNull();
      expect(adapter.lastError()).toMatchObject({ code: '102', call: 'Initialize' });
      expect(adapter.writeState('x')).toBe(false);
      expect(adapter.commit()).toBe(false);
      expect(base.getItem(recordKey(COURSE))).toBe('something we must not overwrite');
    });

    it('fails terminate, without throwing, when the final save is refused', () => {
      const { storage, faults, quota } = faultyStorage();
      const { adapter } = launch({ storage });
      faults.set = quota();
      expect(adapter.terminate('suspend')).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '391', call: 'Terminate' });
    });
  });

  describe('session lifecycle', () => {
    it('refuses writes and commits after terminate, like an LMS', () => {
      const storage = memoryStorage();
      const { adapter } = launch({ storage });
      adapter.writeState('before');
      expect(adapter.terminate('suspend')).toBe(true);

      expect(adapter.writeState('after')).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '133', call: 'SetValue(cmi.suspend_data)' });
      expect(adapter.writeInteraction(0, interaction())).toBe(false);
      expect(adapter.commit()).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '143', call: 'Commit' });
      expect(adapter.terminate('normal')).toBe(false);
      expect(adapter.lastError()?.code).toBe('113');
      expect(adapter.initialize()).toBeNull();
      expect(adapter.lastError()?.code).toBe('104');
      expect(readStandaloneRecord(storage, COURSE)?.cmi.suspendData).toBe('before');
    });

    it('refuses writes and commits before initialize', () => {
      const adapter = createStandaloneAdapter({ courseId: COURSE, storage: memoryStorage() });
      expect(adapter.writeState('x')).toBe(false);
      expect(adapter.lastError()?.code).toBe('132');
      expect(adapter.commit()).toBe(false);
      expect(adapter.lastError()?.code).toBe('142');
      expect(adapter.terminate('suspend')).toBe(false);
      expect(adapter.lastError()?.code).toBe('112');
    });

    it('refuses a second initialize', () => {
      const { adapter } = launch({ storage: memoryStorage() });
      expect(adapter.initialize()).toBeNull();
      expect(adapter.lastError()?.code).toBe('103');
    });

    it('adds each session to the total time when the session ends', () => {
      const storage = memoryStorage();
      const t = clock();
      const first = launch({ storage, now: t.now }).adapter;
      first.writeSessionTime(60_000);
      first.commit();
      expect(readStandaloneRecord(storage, COURSE)?.cmi.totalTimeMs).toBe(0);
      first.writeSessionTime(90_000);
      first.terminate('suspend');
      expect(readStandaloneRecord(storage, COURSE)?.cmi.totalTimeMs).toBe(90_000);

      const second = launch({ storage, now: t.now }).adapter;
      second.writeSessionTime(30_000);
      second.terminate('normal');
      expect(readStandaloneRecord(storage, COURSE)?.cmi.totalTimeMs).toBe(120_000);
    });

    it('counts the time since launch when the course never reported a session time', () => {
      const storage = memoryStorage();
      const t = clock();
      const { adapter } = launch({ storage, now: t.now });
      t.advance(45_000);
      adapter.terminate('suspend');
      expect(readStandaloneRecord(storage, COURSE)?.cmi.totalTimeMs).toBe(45_000);
    });
  });

  describe('values an LMS would refuse', () => {
    const running = () => launch({ storage: memoryStorage() }).adapter;

    it('refuses progress outside 0..1, keeping the earlier value', () => {
      const storage = memoryStorage();
      const { adapter } = launch({ storage });
      expect(adapter.writeCompletion('incomplete', 0.5)).toBe(true);
      expect(adapter.writeCompletion('incomplete', Number.NaN)).toBe(false);
      expect(adapter.lastError()).toMatchObject({ code: '407', call: 'SetValue(cmi.completion_status)' });
      expect(adapter.writeCompletion('completed', 1.5)).toBe(false);
      expect(adapter.commit()).toBe(true);
      expect(readStandaloneRecord(storage, COURSE)?.cmi).toMatchObject({ completion: 'incomplete', progress: 0.5 });
    });

    it('treats the interaction index as a key: a skipped item leaves no gap, the same key rewrites its record', () => {
      const storage = memoryStorage();
      const { adapter } = launch({ storage });
      // Items 0 and 2 answered, item 1 skipped: slots 0 and 1, as an LMS requires.
      expect(adapter.writeInteraction(2, interaction({ id: 'q3' }))).toBe(true);
      expect(adapter.writeInteraction(0, interaction())).toBe(true);
      expect(adapter.writeInteraction(2, interaction({ id: 'q3', result: 'incorrect' }))).toBe(true);
      expect(adapter.commit()).toBe(true);
      expect(readStandaloneRecord(storage, COURSE)?.cmi.interactions.map((x) => [x.id, x.result])).toEqual([
        ['q3', 'incorrect'],
        ['q1', 'correct'],
      ]);
      // A later session appends after the interactions already kept.
      const next = launch({ storage }).adapter;
      expect(next.writeInteraction(0, interaction({ id: 'q9' }))).toBe(true);
      expect(next.commit()).toBe(true);
      expect(readStandaloneRecord(storage, COURSE)?.cmi.interactions.map((x) => x.id)).toEqual(['q3', 'q1', 'q9']);
    });

    it('refuses an objective that would leave a gap in cmi.objectives', () => {
      const adapter = running();
      expect(adapter.writeObjective(2, objective)).toBe(false);
      expect(adapter.writeObjective(-1, objective)).toBe(false);
    });

    it('refuses an interaction with an invalid date instead of throwing', () => {
      const adapter = running();
      expect(adapter.writeInteraction(0, interaction({ timestamp: new Date(Number.NaN) }))).toBe(false);
      expect(adapter.lastError()?.code).toBe('406');
    });

    it('refuses malformed values from untyped code instead of throwing', () => {
      const adapter = running();
      const untyped = <T>(x: unknown) => x as T;
      expect(adapter.writeInteraction(0, untyped(null))).toBe(false);
      expect(adapter.writeInteraction(0, interaction({ learnerResponse: untyped(undefined) }))).toBe(false);
      expect(adapter.writeInteraction(0, interaction({ type: untyped('likert') }))).toBe(false);
      expect(adapter.writeObjective(0, untyped({ id: 'x', completion: 'done', success: 'unknown' }))).toBe(false);
      expect(adapter.writeScore({ raw: 1, min: 0, max: 1, scaled: 2 })).toBe(false);
      expect(adapter.writeSuccess(untyped('great'))).toBe(false);
      expect(adapter.writeState(untyped(42))).toBe(false);
      expect(adapter.writeSessionTime(-1)).toBe(false);
      expect(adapter.lastError()?.code).toBe('407');
    });

    it('clears the error after a call that succeeds', () => {
      const adapter = running();
      adapter.writeSessionTime(-1);
      expect(adapter.lastError()).not.toBeNull();
      adapter.writeSessionTime(1);
      expect(adapter.lastError()).toBeNull();
    });
  });

  describe('separate records', () => {
    it('keeps different learners of the same course apart', () => {
      const storage = memoryStorage();
      const ana = launch({ storage, learnerId: 'ana' }).adapter;
      const ben = launch({ storage, learnerId: 'ben' }).adapter;
      const anonymous = launch({ storage }).adapter;
      ana.writeState('ana');
      ben.writeState('ben');
      anonymous.writeState('anonymous');
      [ana, ben, anonymous].forEach((a) => a.commit());
      expect(readStandaloneRecord(storage, COURSE, 'ana')?.cmi.suspendData).toBe('ana');
      expect(readStandaloneRecord(storage, COURSE, 'ben')?.cmi.suspendData).toBe('ben');
      expect(readStandaloneRecord(storage, COURSE)?.cmi.suspendData).toBe('anonymous');
      expect(launch({ storage, learnerId: 'ana' }).adapter.readState()).toBe('ana');
    });

    it('keeps different courses apart', () => {
      const storage = memoryStorage();
      const one = launch({ storage, courseId: 'course-one' }).adapter;
      one.writeState('one');
      one.commit();
      const two = launch({ storage, courseId: 'course-two' });
      expect(two.info?.entry).toBe('ab-initio');
      expect(two.adapter.readState()).toBeNull();
      expect(readStandaloneRecord(storage, 'course-one')?.cmi.suspendData).toBe('one');
    });

    it('does not mix up ids that contain the key separator, or a learner called "local"', () => {
      const pairs: [string, string | undefined][] = [
        ['a:b', 'c'],
        ['a', 'b:c'],
        ['a', 'local'],
        ['a', undefined],
        ['a', ''],
      ];
      const keySet = new Set(pairs.map(([c, l]) => recordKey(c, l)));
      expect(keySet.size).toBe(pairs.length);
      expect(recordKey(COURSE)).toBe('mx-a20:mx-action20:local');
      expect(recordKey(COURSE, 'ana')).toBe('mx-a20:mx-action20:ana');
    });
  });

  it('reads nothing back for a record that is missing or unreadable', () => {
    const storage = memoryStorage();
    expect(readStandaloneRecord(storage, COURSE)).toBeNull();
    storage.setItem(recordKey(COURSE), 'nonsense');
    expect(readStandaloneRecord(storage, COURSE)).toBeNull();
  });
});
