import { Suspense, use, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContentLocale } from '../content/model.ts';
import type {
  Certainty,
  QuizDefinition,
  QuizMeta,
  QuizStructure,
  QuizText,
  Score,
  UserInput,
} from '../content/quiz-model.ts';
import {
  EMPTY_LOG,
  currentRecord,
  drawItems,
  fraction,
  logOutcome,
  publicItem,
  savedToRecord,
  scoreAttempt,
  validateItem,
  withKey,
  type AttemptRecord,
  type AttemptResult,
  type QuizLog,
} from '../quiz/index.ts';
import { useCourseStore } from '../store/course-store.ts';
import { answerQuizItem, beginQuiz, submitQuiz } from '../store/quiz-actions.ts';
import { Inlines } from '../ui/content/render.tsx';
import { contentLocaleFor, findLesson, lessonTitle } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { LearnerAnswer, RightAnswer } from '../ui/quiz/answer-view.tsx';
import { CertaintyField, useLevelLabel } from '../ui/quiz/certainty-field.tsx';
import {
  CBM_DEFAULT_LEVEL,
  answeredWithoutCertainty,
  cbmSummary,
  checkItem,
  formatMarks,
  needsCertainty,
  reviewMarks,
  schemeValues,
  type ItemMarks,
} from '../ui/quiz/certainty.ts';
import { ItemView } from '../ui/quiz/item-view.tsx';
import { UiText } from '../ui/quiz/ui-text.tsx';
import {
  FINAL_QUIZ_ID,
  findQuiz,
  formatPercent,
  loadQuiz,
  loadQuizKey,
  newSeed,
  quizLocaleFor,
  type PublicQuiz,
} from '../ui/quiz/quiz-data.ts';
import '../ui/quiz/quiz.css';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import NotFound from './not-found.tsx';

/** `#/quiz/:quizId`: a lesson's formative check (or any quiz by id). */
export default function QuizRoute() {
  const { quizId = '' } = useParams();
  const meta = findQuiz(quizId);
  if (!meta) return <NotFound />;
  return <QuizScreen key={meta.id} meta={meta} />;
}

/** `#/assessment`: the final assessment. */
export function AssessmentRoute() {
  const meta = findQuiz(FINAL_QUIZ_ID);
  if (!meta) return <NotFound />;
  return <QuizScreen key={meta.id} meta={meta} />;
}

/**
 * A quiz's screen. The header and the intro come from the course index (title, settings), so the
 * first screen of a quiz paints without waiting for its items; the items (structure and text in
 * the quiz's language) load behind a Suspense boundary once an attempt or a review is shown, and
 * the intro starts that download a moment after it has painted, so Start rarely waits.
 */
function QuizScreen({ meta }: { meta: QuizMeta }) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const locale = quizLocaleFor(ui);
  const log = useCourseStore((s) => s.quizLogs[meta.id]) ?? EMPTY_LOG;
  const [screen, setScreen] = useState<'intro' | 'starting' | 'results'>(() =>
    log.count > 0 ? 'results' : 'intro',
  );
  const [announcement, setAnnouncement] = useState('');
  const announce = (m: string) => {
    // Re-announce an identical message (the same step moved twice) by clearing first.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(m));
  };
  const dir = directionOf(locale);
  const lesson = meta.lesson ? findLesson(meta.lesson) : undefined;
  const title = meta.titles[locale];

  let body;
  if (log.current) {
    body = (
      <WithQuiz meta={meta} locale={locale}>
        {({ structure, text }) => (
          <AttemptView
            structure={structure}
            text={text}
            log={log}
            locale={locale}
            announce={announce}
            onSubmitted={() => setScreen('results')}
          />
        )}
      </WithQuiz>
    );
  } else if (screen === 'results' && log.count > 0) {
    body = (
      <WithQuiz meta={meta} locale={locale}>
        {({ structure, text }) => <ResultsView structure={structure} text={text} log={log} locale={locale} />}
      </WithQuiz>
    );
  } else if (screen === 'starting') {
    body = (
      <WithQuiz meta={meta} locale={locale}>
        {({ structure }) => <StartAttempt structure={structure} onStarted={() => setScreen('intro')} />}
      </WithQuiz>
    );
  } else {
    body = <IntroView meta={meta} locale={locale} log={log} onStart={() => setScreen('starting')} />;
  }

  return (
    <article className="quiz" aria-labelledby="quiz-title">
      <title>{`${title} — ${t('app.shortTitle')}`}</title>
      <header className="quiz-header">
        <p className="eyebrow">
          {lesson ? (
            <Link to={`/lesson/${lesson.id}`}>
              {t('home.lessonN', { n: lesson.order })}: {lessonTitle(lesson, ui)}
            </Link>
          ) : (
            t('quiz.assessment')
          )}
        </p>
        <h1 id="quiz-title" lang={locale} dir={dir}>
          {title}
        </h1>
      </header>
      <div lang={locale} dir={dir} className="quiz-content">
        <Suspense
          fallback={
            <p role="status" className="loading" lang={ui} dir={directionOf(ui)}>
              {t('common.loading')}
            </p>
          }
        >
          {body}
        </Suspense>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </article>
  );
}

/** Renders its child with the quiz's items in `locale` (suspends until they have loaded). */
function WithQuiz({
  meta,
  locale,
  children,
}: {
  meta: QuizMeta;
  locale: ContentLocale;
  children: (quiz: PublicQuiz) => ReactNode;
}) {
  return children(use(loadQuiz(meta.id, locale)));
}

/** Starts a new attempt once the items have loaded (Start was pressed before they had). */
function StartAttempt({ structure, onStarted }: { structure: QuizStructure; onStarted: () => void }) {
  const started = useRef(false);
  useEffect(() => {
    // Once: a second run (Strict Mode, a re-render) must not replace the attempt just begun.
    if (started.current) return;
    started.current = true;
    beginQuiz(structure, newSeed(), true);
    onStarted();
  });
  return null;
}

/** What the intro and the results say about a quiz: from the index or from the loaded structure. */
type QuizSettings = Pick<QuizMeta, 'kind' | 'draw' | 'passMark' | 'attempts' | 'grading'> & {
  /** Items in the bank. */
  bank: number;
  cbm: boolean;
};

function settingsOf(meta: QuizMeta): QuizSettings {
  return { ...meta, bank: meta.items, cbm: meta.cbm ?? false };
}

function Facts({ quiz, log }: { quiz: QuizSettings; log: QuizLog }) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const outcome = logOutcome(quiz, log);
  const draw = Math.min(quiz.draw, quiz.bank);
  return (
    <ul className="quiz-facts" lang={ui} dir={directionOf(ui)}>
      <li>{t('quiz.facts.items', { n: draw })}</li>
      <li>{t('quiz.facts.passMark', { percent: formatPercent(quiz.passMark, ui) })}</li>
      {quiz.attempts === null ? (
        <li>{t('quiz.facts.unlimited')}</li>
      ) : (
        <>
          <li>{t('quiz.facts.attemptsLeft', { left: outcome.attemptsLeft, total: quiz.attempts })}</li>
          <li>{t(`quiz.facts.grading.${quiz.grading}`)}</li>
        </>
      )}
      {outcome.best !== null && <li>{t('quiz.facts.best', { percent: formatPercent(outcome.best, ui) })}</li>}
      {quiz.cbm && <li>{t('quiz.cbm.scheme', schemeValues(ui))}</li>}
    </ul>
  );
}

/** How long after the intro mounts its items start downloading. */
const INTRO_WARM_UP_MS = 1000;

function IntroView({
  meta,
  locale,
  log,
  onStart,
}: {
  meta: QuizMeta;
  locale: ContentLocale;
  log: QuizLog;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const quiz = settingsOf(meta);
  const outcome = logOutcome(quiz, log);
  const final = quiz.kind === 'final';
  useEffect(() => {
    // Start downloading the items a moment after the intro has painted, while the learner reads
    // it (sooner, they would compete with the first paint on a slow link); a failure here is not
    // shown (Start asks again and the loading screen reports it).
    const handle = setTimeout(() => void loadQuiz(meta.id, locale).catch(() => undefined), INTRO_WARM_UP_MS);
    return () => clearTimeout(handle);
  }, [meta.id, locale]);
  return (
    <section className="quiz-intro" lang={ui} dir={directionOf(ui)} aria-label={t('quiz.about')}>
      <p className="lead">{final ? t('quiz.lead.final') : t('quiz.lead.formative')}</p>
      <Facts quiz={quiz} log={log} />
      {outcome.attemptsLeft === 0 ? (
        <p className="quiz-status">{t('quiz.noAttemptsLeft')}</p>
      ) : (
        <button type="button" className="button primary" onClick={onStart}>
          {quiz.attempts === null
            ? t('quiz.start')
            : t('quiz.startAttempt', { n: log.count + 1, total: quiz.attempts })}
        </button>
      )}
    </section>
  );
}

interface AttemptProps {
  structure: QuizStructure;
  text: QuizText;
  log: QuizLog;
  locale: ContentLocale;
  announce: (m: string) => void;
  onSubmitted: () => void;
}

function AttemptView({ structure, text, log, locale, announce, onSubmitted }: AttemptProps) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const seed = log.current!.seed;
  const items = useMemo(() => drawItems(structure, seed), [structure, seed]);
  const pubs = useMemo(() => items.map((i) => publicItem(i, seed)), [items, seed]);
  const record = currentRecord(structure, log);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [checks, setChecks] = useState<Record<number, { score: Score; marks: ItemMarks | null }>>({});
  /** CBM: items whose Check was pressed before a certainty was chosen. */
  const [needCertainty, setNeedCertainty] = useState<Record<number, boolean>>({});
  const [key, setKey] = useState<QuizDefinition | null>(null);
  const [feedback, setFeedback] = useState<Awaited<ReturnType<typeof loadQuizKey>>['feedback'] | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const levelLabel = useLevelLabel();
  const formative = structure.feedback === 'immediate';
  const cbm = structure.cbm;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!record) {
    // The saved attempt no longer fits the quiz (its content changed): start it again.
    return (
      <div className="quiz-status" lang={ui} dir={directionOf(ui)}>
        <p>{t('quiz.attemptChanged')}</p>
        <button
          type="button"
          className="button primary"
          onClick={() => beginQuiz(structure, newSeed(), true)}
        >
          {t('quiz.start')}
        </button>
      </div>
    );
  }

  const answered = items.filter((it, i) => validateItem(it, record.responses[i]) === null).length;
  const noCertainty = answeredWithoutCertainty(items, record, cbm);
  const incomplete = answered < items.length || noCertainty > 0;

  const loadKey = async (): Promise<QuizDefinition> => {
    if (key) return key;
    const k = await loadQuizKey(structure.id, locale);
    const def = withKey(structure, k);
    setKey(def);
    setFeedback(k.feedback);
    return def;
  };

  const submit = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const def = await loadKey();
      if (submitQuiz(def)) onSubmitted();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (incomplete && !confirming) {
      setConfirming(true);
      return;
    }
    void submit();
  };

  const check = async (i: number) => {
    const certainty = record.certainties?.[i] ?? null;
    if (needsCertainty(cbm, certainty)) {
      // Not marked yet: the message appears in the certainty group and focus goes there.
      flushSync(() => setNeedCertainty((n) => ({ ...n, [i]: true })));
      document.querySelector<HTMLInputElement>(`input[name="cbm-${CSS.escape(items[i]!.id)}"]`)?.focus();
      return;
    }
    try {
      const def = await loadKey();
      const item = def.items.find((x) => x.id === items[i]!.id)!;
      const out = checkItem(item, record.responses[i] ?? null, certainty, cbm);
      if (out.ok) setChecks((c) => ({ ...c, [i]: { score: out.score, marks: out.marks } }));
    } catch {
      setFailed(true);
    }
  };

  const onChange = (i: number, v: UserInput | null) => {
    answerQuizItem(structure, i, v);
    if (checks[i]) setChecks(({ [i]: _drop, ...rest }) => rest);
  };

  const onCertainty = (i: number, c: Certainty) => {
    answerQuizItem(structure, i, record.responses[i] ?? null, c);
    if (needCertainty[i]) setNeedCertainty(({ [i]: _drop, ...rest }) => rest);
    if (checks[i]) setChecks(({ [i]: _drop, ...rest }) => rest);
  };

  return (
    <form className="quiz-form" onSubmit={onSubmit} noValidate>
      <p className="quiz-progress" lang={ui} dir={directionOf(ui)}>
        {t('quiz.answered', { answered, total: items.length })}
      </p>
      {cbm && (
        <p className="quiz-cbm-scheme" lang={ui} dir={directionOf(ui)}>
          {t('quiz.cbm.scheme', schemeValues(ui))}
        </p>
      )}
      <ol className="quiz-items">
        {items.map((item, i) => {
          const checked = checks[i];
          return (
            <li key={item.id} className="quiz-item" data-item={item.id}>
              <ItemView
                pub={pubs[i]!}
                text={text.items[item.id]!}
                value={record.responses[i] ?? null}
                onChange={(v) => onChange(i, v)}
                idBase={`q-${item.id}`}
                label={t('quiz.question', { n: i + 1, total: items.length })}
                announce={announce}
              />
              {cbm && (
                <CertaintyField
                  itemId={item.id}
                  value={record.certainties?.[i] ?? null}
                  onChange={(c) => onCertainty(i, c)}
                  invalid={Boolean(needCertainty[i])}
                />
              )}
              {formative && (
                <div className="quiz-check">
                  <button
                    type="button"
                    className="button"
                    lang={ui}
                    dir={directionOf(ui)}
                    aria-describedby={checked ? `fb-${item.id}` : undefined}
                    onClick={() => void check(i)}
                  >
                    {t('quiz.check')}
                  </button>
                  <div role="status" id={`fb-${item.id}`} className="quiz-feedback-region">
                    {checked && feedback && (
                      <Verdict
                        score={checked.score}
                        marks={checked.marks}
                        explanation={feedback[item.id]?.explanation ?? []}
                      />
                    )}
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="quiz-submit" lang={ui} dir={directionOf(ui)}>
        {confirming && incomplete && (
          <div className="quiz-confirm" role="alert" tabIndex={-1} ref={confirmRef}>
            {answered < items.length && <p>{t('quiz.confirmUnanswered', { n: items.length - answered })}</p>}
            {noCertainty > 0 && (
              <p>
                {t('quiz.cbm.confirmNoCertainty', { n: noCertainty, level: levelLabel(CBM_DEFAULT_LEVEL) })}
              </p>
            )}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('quiz.keepAnswering')}
            </button>
          </div>
        )}
        {failed && (
          <p className="quiz-error" role="alert">
            {t('quiz.loadFailed')}
          </p>
        )}
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy ? t('quiz.marking') : confirming && incomplete ? t('quiz.submitAnyway') : t('quiz.submit')}
        </button>
      </div>
    </form>
  );
}

/** Right, partly right or wrong, and why (with the citation buttons of the explanation). */
function Verdict({
  score,
  marks,
  explanation,
}: {
  score: Score;
  /** CBM quizzes: the certainty and the mark it earned. */
  marks?: ItemMarks | null;
  explanation: Parameters<typeof Inlines>[0]['nodes'];
}) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const levelLabel = useLevelLabel();
  const f = fraction(score);
  const verdict =
    score.type === 'invalid'
      ? t('quiz.review.notAnswered')
      : f >= 1
        ? t('quiz.review.correct')
        : f > 0
          ? t('quiz.review.partly', { percent: formatPercent(f, ui) })
          : t('quiz.review.incorrect');
  const cls = f >= 1 ? 'is-correct' : f > 0 ? 'is-partly' : 'is-incorrect';
  return (
    <div className={`quiz-verdict ${cls}`}>
      <p className="quiz-verdict-label">
        <span aria-hidden="true" className="quiz-mark">
          {f >= 1 ? '✓' : f > 0 ? '◐' : '✗'}
        </span>{' '}
        <UiText>{verdict}</UiText>
      </p>
      {marks && (
        <UiText as="p" className={`quiz-cbm-mark${marks.marks < 0 ? ' is-negative' : ''}`}>
          {/* Nothing answered and no certainty: the mark alone says it (0 at the default level). */}
          {marks.assumed && score.type === 'invalid'
            ? null
            : marks.assumed
              ? `${t('quiz.cbm.assumed', { level: levelLabel(marks.certainty) })} `
              : `${t('quiz.cbm.certainty', { level: levelLabel(marks.certainty) })} `}
          <span className="quiz-cbm-value">
            {t('quiz.cbm.mark', { marks: formatMarks(marks.marks, ui) })}
          </span>
        </UiText>
      )}
      <p className="quiz-explanation">
        <UiText className="quiz-why">{t('quiz.review.why')}</UiText> <Inlines nodes={explanation} />
      </p>
    </div>
  );
}

function ResultsView({
  structure,
  text,
  log,
  locale,
}: {
  structure: QuizStructure;
  text: QuizText;
  log: QuizLog;
  locale: ContentLocale;
}) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const submission = useCourseStore((s) => s.quizSubmissions.findLast((x) => x.quizId === structure.id));
  const keyData = use(loadQuizKey(structure.id, locale));
  const def = useMemo(() => withKey(structure, keyData), [structure, keyData]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const latest = log.submitted[log.submitted.length - 1];
  const record: AttemptRecord | null =
    submission?.record ?? (latest ? savedToRecord(structure, latest) : null);
  const result: AttemptResult | null = submission?.result ?? (record ? scoreAttempt(def, record) : null);
  const attemptNumber = submission?.attempt ?? log.count;
  const outcome = logOutcome(structure, log);
  const items = record ? drawItems(def, record.seed) : [];
  const summary = result ? cbmSummary(result) : null;
  const marks = result && record ? reviewMarks(result, record) : null;
  const toReview = result
    ? Object.entries(result.byLesson)
        .filter(([, l]) => !l.mastered)
        .map(([id]) => findLesson(id))
        .filter((l) => l !== undefined)
        .sort((a, b) => a.order - b.order)
    : [];
  const final = structure.kind === 'final';
  const uiAttrs = { lang: ui, dir: directionOf(ui) } as const;

  return (
    <section className="quiz-results" aria-labelledby="results-title">
      <div {...uiAttrs}>
        <h2 id="results-title" ref={headingRef} tabIndex={-1}>
          {structure.attempts === null
            ? t('quiz.results.title')
            : t('quiz.results.attemptTitle', { n: attemptNumber, total: structure.attempts })}
        </h2>
        {result && (
          <p className={`quiz-score ${result.passed ? 'is-passed' : 'is-failed'}`}>
            <span className="quiz-score-value">
              {t('quiz.results.score', { percent: formatPercent(result.percent, ui) })}
            </span>{' '}
            <span className="quiz-badge">
              {result.passed ? t('quiz.results.passed') : t('quiz.results.notPassed')}
            </span>
          </p>
        )}
        {summary && (
          <div className="quiz-cbm-summary">
            <p className="quiz-cbm-total">
              {t('quiz.cbm.total', {
                marks: formatMarks(summary.marks, ui),
                max: formatMarks(summary.max, ui),
                average: formatMarks(summary.average, ui),
                best: formatMarks(summary.perItemMax, ui),
              })}
            </p>
            <p className="quiz-cbm-scheme">{t('quiz.cbm.scheme', schemeValues(ui))}</p>
          </div>
        )}
        <ul className="quiz-facts">
          <li>{t('quiz.facts.passMark', { percent: formatPercent(structure.passMark, ui) })}</li>
          {outcome.grade !== null && (
            <li>
              {final
                ? t('quiz.results.grade', { percent: formatPercent(outcome.grade, ui) })
                : t('quiz.facts.best', { percent: formatPercent(outcome.grade, ui) })}{' '}
              {final && (
                <strong>{outcome.passed ? t('quiz.results.passed') : t('quiz.results.notPassed')}</strong>
              )}
            </li>
          )}
          {structure.attempts !== null && (
            <li>{t('quiz.facts.attemptsLeft', { left: outcome.attemptsLeft, total: structure.attempts })}</li>
          )}
        </ul>
        {toReview.length > 0 && (
          <div className="quiz-to-review">
            <p>{t('quiz.results.toReview')}</p>
            <ul>
              {toReview.map((l) => (
                <li key={l.id}>
                  <Link
                    to={`/lesson/${l.id}`}
                    lang={contentLocaleFor(l, ui)}
                    dir={directionOf(contentLocaleFor(l, ui))}
                  >
                    {lessonTitle(l, ui)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome.failed && <p className="quiz-status">{t('quiz.noAttemptsLeft')}</p>}
        <div className="quiz-actions">
          {outcome.attemptsLeft !== 0 && (
            <button
              type="button"
              className="button primary"
              onClick={() => beginQuiz(structure, newSeed(), true)}
            >
              {structure.attempts === null
                ? t('quiz.tryAgain')
                : t('quiz.startAttempt', { n: log.count + 1, total: structure.attempts })}
            </button>
          )}
          {structure.lesson ? (
            <Link className="button" to={`/lesson/${structure.lesson}`}>
              {t('quiz.backToLesson')}
            </Link>
          ) : (
            <Link className="button" to="/">
              {t('lesson.backToLessons')}
            </Link>
          )}
        </div>
      </div>
      {record && result ? (
        <>
          <h2 {...uiAttrs}>{t('quiz.review.title')}</h2>
          <ol className="quiz-review">
            {items.map((item, i) => (
              <li key={item.id} className="quiz-review-item" data-item={item.id}>
                <h3 className="quiz-review-heading">
                  <UiText className="quiz-number">
                    {t('quiz.question', { n: i + 1, total: items.length })}
                  </UiText>
                  <span className="quiz-stem">
                    <Inlines nodes={text.items[item.id]?.stem ?? []} />
                  </span>
                </h3>
                <dl className="quiz-answers">
                  <div>
                    <dt>
                      <UiText>{t('quiz.review.yours')}</UiText>
                    </dt>
                    <dd>
                      <LearnerAnswer
                        item={item}
                        input={record.responses[i] ?? null}
                        text={text.items[item.id]!}
                      />
                    </dd>
                  </div>
                  <div>
                    <dt>
                      <UiText>{t('quiz.review.right')}</UiText>
                    </dt>
                    <dd>
                      <RightAnswer item={item} text={text.items[item.id]!} locale={locale} />
                    </dd>
                  </div>
                </dl>
                <Verdict
                  score={result.scores[i]!}
                  marks={marks?.[i]}
                  explanation={keyData.feedback[item.id]?.explanation ?? []}
                />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p {...uiAttrs}>{t('quiz.review.notKept')}</p>
      )}
    </section>
  );
}
