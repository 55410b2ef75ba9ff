import type { LessonMeta } from '../content/model.ts';

/**
 * A suggested programme for teaching the course as a one-week summer school: five days, the
 * twelve lessons grouped by theme, each lesson a session of presentation (presenter mode),
 * discussion (the lesson's questions) and its formative check. Pure: times in minutes after
 * midnight, so the guide prints them in the reader's format.
 */

/** Lessons per day, by theme: the report and the UN machinery; the TPNW and zones; testing, fissile material and transparency; education, safeguards and trade controls; nuclear security and peaceful uses, then the final assessment. */
export const SUMMER_SCHOOL_DAYS: readonly (readonly string[])[] = [
  ['01-mexico-report', '02-un-disarmament-machinery', '03-conference-on-disarmament'],
  ['04-tpnw', '05-nuclear-weapon-free-zones'],
  ['06-nuclear-testing-ctbt', '07-fissile-material-verification', '08-transparency-reporting'],
  ['09-disarmament-education', '10-safeguards-iaea', '11-strategic-trade-controls'],
  ['12-nuclear-security-peaceful-uses'],
];

export const DAY_START = 9 * 60;
export const MINUTES = {
  welcome: 30,
  break: 20,
  lunch: 90,
  workshop: 60,
  plenary: 30,
  wrapUp: 15,
  assessment: 60,
  closing: 30,
  check: 15,
  perQuestion: 10,
  maxDiscussion: 40,
} as const;

export type PlanItem =
  | { kind: 'welcome' | 'break' | 'lunch' | 'plenary' | 'wrap-up' | 'assessment' | 'closing'; start: number; end: number }
  /** Small groups read the day's paragraphs of the report. */
  | { kind: 'workshop'; start: number; end: number; paragraphs: [number, number] }
  | { kind: 'lesson'; start: number; end: number; lesson: LessonMeta; present: number; discussion: number; check: number };

export interface PlanDay {
  day: number;
  items: PlanItem[];
}

/** Minutes of a lesson's session: its study time, 10 min per discussion question (at most 40) and the check. */
export function lessonSession(lesson: LessonMeta, discussionQuestions: number, hasCheck: boolean) {
  const discussion = Math.min(MINUTES.maxDiscussion, MINUTES.perQuestion * discussionQuestions);
  const check = hasCheck ? MINUTES.check : 0;
  return { present: lesson.minutes, discussion, check, total: lesson.minutes + discussion + check };
}

/**
 * The week. Mornings teach the day's lessons, with a break after the first and lunch after the
 * first that ends at 12:00 or later; afternoons are a reading workshop on the day's paragraphs of
 * the report and a plenary, then a short wrap-up. The last day ends with the final assessment and
 * a closing session. Lessons not in {@link SUMMER_SCHOOL_DAYS} join the last day.
 */
export function summerSchoolPlan(
  lessons: readonly LessonMeta[],
  discussionCount: (lessonId: string) => number,
  hasCheck: (lessonId: string) => boolean,
): PlanDay[] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const placed = new Set(SUMMER_SCHOOL_DAYS.flat());
  const days = SUMMER_SCHOOL_DAYS.map((ids, k) => {
    const extra = k === SUMMER_SCHOOL_DAYS.length - 1 ? lessons.filter((l) => !placed.has(l.id)).map((l) => l.id) : [];
    return [...ids, ...extra].map((id) => byId.get(id)).filter((l): l is LessonMeta => l !== undefined);
  });
  return days.map((dayLessons, k) => {
    const last = k === days.length - 1;
    const items: PlanItem[] = [];
    let t = DAY_START;
    let lunched = false;
    const add = (kind: 'welcome' | 'break' | 'lunch' | 'plenary' | 'wrap-up' | 'assessment' | 'closing', minutes: number) => {
      items.push({ kind, start: t, end: t + minutes });
      t += minutes;
    };
    if (k === 0) add('welcome', MINUTES.welcome);
    dayLessons.forEach((lesson, i) => {
      const s = lessonSession(lesson, discussionCount(lesson.id), hasCheck(lesson.id));
      items.push({ kind: 'lesson', start: t, end: t + s.total, lesson, present: s.present, discussion: s.discussion, check: s.check });
      t += s.total;
      const more = i < dayLessons.length - 1;
      if (more && !lunched && t >= 12 * 60) {
        add('lunch', MINUTES.lunch);
        lunched = true;
      } else if (more && i === 0) {
        add('break', MINUTES.break);
      }
    });
    if (last) {
      add('break', MINUTES.break);
      add('assessment', MINUTES.assessment);
      add('closing', MINUTES.closing);
      return { day: k + 1, items };
    }
    if (!lunched) add('lunch', MINUTES.lunch);
    const paras = dayLessons.flatMap((l) => l.paragraphs);
    if (paras.length > 0) {
      items.push({ kind: 'workshop', start: t, end: t + MINUTES.workshop, paragraphs: [Math.min(...paras), Math.max(...paras)] });
      t += MINUTES.workshop;
      add('plenary', MINUTES.plenary);
    }
    add('wrap-up', MINUTES.wrapUp);
    return { day: k + 1, items };
  });
}

/** 09:30-style time, in the reader's locale. */
export function clockTime(minutes: number, locale: string): string {
  const d = new Date(Date.UTC(2020, 0, 1, Math.floor(minutes / 60), minutes % 60));
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(d);
}
