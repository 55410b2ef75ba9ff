/**
 * An LMS in memory, for unit tests of the store and its tracking bridge: keeps suspend_data
 * between launches (pass what one launch kept to the next) and records the score, success status,
 * interactions and commits as an LMS would keep them. Every write succeeds.
 */
import type { InteractionReport, LmsAdapter, ScoreReport } from '../../src/tracking/adapter.ts';

export function memoryLms(state: string | null = null) {
  const kept = {
    state,
    scores: [] as ScoreReport[],
    success: [] as string[],
    interactions: new Map<number, InteractionReport>(),
    commits: 0,
  };
  const ok = () => true;
  const adapter: LmsAdapter = {
    kind: 'scorm2004',
    initialize: () => ({
      mode: 'normal',
      credit: true,
      entry: kept.state ? 'resume' : 'ab-initio',
      learnerName: null,
      learnerId: null,
      launchData: null,
    }),
    readState: () => kept.state,
    readLocation: () => null,
    writeState: (s) => ((kept.state = s), true),
    writeLocation: ok,
    writeCompletion: ok,
    writeSuccess: (s) => (kept.success.push(s), true),
    writeScore: (s) => (kept.scores.push(s), true),
    writeInteraction: (n, r) => (kept.interactions.set(n, r), true),
    writeObjective: ok,
    writeSessionTime: ok,
    commit: () => (kept.commits++, true),
    terminate: ok,
    lastError: () => null,
  };
  return { adapter, kept };
}
