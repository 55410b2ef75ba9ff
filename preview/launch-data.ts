/**
 * How the stand-in LMS starts a launch from the learner's record of the last one, as the SCORM
 * run-time books describe cmi.entry: after `suspend` the next launch resumes (entry `resume`,
 * suspend_data kept); in 2004 any other exit ends the attempt, so the next launch is a new
 * attempt with a fresh record. No scorm-again here, so Node-side tests can use it too.
 */

export type LmsVersion = '1.2' | '2004';
export type LmsMode = 'normal' | 'browse' | 'review';

export interface Launch {
  mode: LmsMode;
  credit: boolean;
  learnerId: string;
  /** As the LMS stores it: 1.2 "Last, First". */
  learnerName: string;
  launchData?: string;
}

/** Everything the LMS keeps about a learner between launches: scorm-again's CMI as JSON. */
export type CmiRecord = Record<string, unknown>;

/** The data to load into scorm-again for this launch (loadFromJSON), from the last one's record. */
export function nextLaunchData(version: LmsVersion, previous: CmiRecord | null | undefined, launch: Launch): CmiRecord {
  const prev = (previous ?? {}) as Record<string, unknown>;
  if (version === '1.2') {
    const core = (prev.core ?? {}) as Record<string, unknown>;
    const resumed = core.exit === 'suspend';
    const keep = previous ? { ...prev } : {};
    return {
      ...keep,
      launch_data: launch.launchData ?? '',
      core: {
        ...core,
        student_id: launch.learnerId,
        student_name: launch.learnerName,
        lesson_mode: launch.mode,
        credit: launch.credit ? 'credit' : 'no-credit',
        entry: !previous ? 'ab-initio' : resumed ? 'resume' : '',
        exit: '',
        session_time: '',
        lesson_status: (core.lesson_status as string) || 'not attempted',
      },
    };
  }
  const resumed = prev.exit === 'suspend';
  // Exit other than suspend ends the attempt: the next launch is a new attempt with a fresh record.
  const keep = previous && resumed ? { ...prev } : {};
  return {
    ...keep,
    learner_id: launch.learnerId,
    learner_name: launch.learnerName,
    launch_data: launch.launchData ?? '',
    mode: launch.mode,
    credit: launch.credit ? 'credit' : 'no-credit',
    entry: resumed ? 'resume' : 'ab-initio',
    exit: '',
    session_time: '',
  };
}

