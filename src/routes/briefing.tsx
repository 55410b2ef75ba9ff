import { Suspense, use, type ReactNode } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ContentLocale, GlossaryTerm, TimelineEvent } from '../content/model.ts';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { asUiLocale, useFixedT } from '../instructor/fixed-locale.ts';
import { loadBank, type Bank, type BankItem } from '../instructor/item-bank.ts';
import { loadAllLessons, type LoadedLessonPair } from '../instructor/lessons.ts';
import { PrintBlocks } from '../instructor/print-blocks.tsx';
import { parsePages, PrintDocument, type Chapter } from '../instructor/print-document.tsx';
import { clockTime, summerSchoolPlan } from '../instructor/session-plan.ts';
import { SlideInlines, formatEventDate } from '../instructor/slide-view.tsx';
import { keyPoints } from '../instructor/slides.ts';
import type { UiLocale } from '../store/types.ts';
import { citationLabel, courseIndex, loadGlossaryData, loadTimelineData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import '../instructor/print.css';

/**
 * `#/print/briefing/:locale` (the learners' briefing book) and `#/print/guide/:locale` (the
 * facilitator guide): print-ready documents in one language. `npm run package` prints them to
 * PDF with headless Chromium (scorm/print-pdfs.ts), passing the contents' page numbers back in
 * `?pages=`. Read-only: nothing here touches the learner store or an LMS.
 */
function PrintRoute({ kind }: { kind: 'briefing' | 'guide' }) {
  const { locale: param } = useParams();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const stored = useUiLocale();
  const ui = asUiLocale(param) ?? stored;
  return (
    <main data-path={pathname} className="print-route" lang={ui} dir={directionOf(ui)}>
      <Suspense
        fallback={
          <p role="status" className="loading">
            {t('common.loading')}
          </p>
        }
      >
        <PrintBody kind={kind} ui={ui} />
      </Suspense>
    </main>
  );
}

export default function BriefingRoute() {
  return <PrintRoute kind="briefing" />;
}

export function GuideRoute() {
  return <PrintRoute kind="guide" />;
}

function PrintBody({ kind, ui }: { kind: 'briefing' | 'guide'; ui: UiLocale }) {
  const t = useFixedT(ui);
  const [params] = useSearchParams();
  const lessons = use(loadAllLessons(ui));
  const content: ContentLocale = lessons[0]?.lesson.locale ?? CONTENT_FALLBACKS[ui][0]!;
  const glossary = use(loadGlossaryData());
  const timeline = use(loadTimelineData());
  const bank = use(loadBank(content));
  const pages = parsePages(params.get('pages'));
  const languageName = t(`languages.${content}`);

  const chapters: Chapter[] =
    kind === 'briefing'
      ? [
          ...lessons.map((l) => lessonChapter(l, t, content)),
          glossaryChapter(glossary, t, content),
          timelineChapter(timeline, t, content),
        ]
      : [planChapter(lessons, bank, t, ui), ...lessons.map((l) => guideChapter(l, bank, t, content))];

  return (
    <PrintDocument
      ui={ui}
      content={content}
      t={t}
      kind={kind}
      pages={pages}
      chapters={chapters}
      cover={
        <>
          <p className="print-cover-source">{t('footer.source')}</p>
          <p>{t('print.languageNote', { language: languageName })}</p>
          {kind === 'guide' && <p className="print-cover-warning">{t('print.guideNote')}</p>}
        </>
      }
      intro={<p>{kind === 'briefing' ? t('print.briefingIntro') : t('print.guideIntro')}</p>}
    />
  );
}

function range(paragraphs: number[]): string {
  return paragraphs.length === 0 ? '' : citationLabel(paragraphs[0]!, paragraphs[paragraphs.length - 1]!);
}

function LessonMetaLine({ pair, t, extra }: { pair: LoadedLessonPair; t: TFunction; extra?: string }) {
  return (
    <p className="print-meta">
      {t('home.paragraphs', { range: range(pair.meta.paragraphs) })} ·{' '}
      {t('home.minutes', { count: pair.meta.minutes })}
      {extra ? ` · ${extra}` : ''}
    </p>
  );
}

function Objectives({ pair, t }: { pair: LoadedLessonPair; t: TFunction }) {
  return (
    <>
      <h3>{t('lesson.objectives')}</h3>
      <ul className="print-objectives">
        {pair.lesson.objectives.map((o, k) => (
          <li key={k}>
            <SlideInlines nodes={o} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The head of a lesson's chapter in the briefing book and the facilitator guide. */
function lessonHeading({ meta, lesson }: LoadedLessonPair, t: TFunction): Omit<Chapter, 'body'> {
  return {
    id: meta.id,
    eyebrow: t('home.lessonN', { n: meta.order }),
    title: lesson.title,
    detail: range(meta.paragraphs),
  };
}

function lessonChapter(pair: LoadedLessonPair, t: TFunction, content: ContentLocale): Chapter {
  const { meta, lesson } = pair;
  return {
    ...lessonHeading(pair, t),
    body: (
      <div lang={content}>
        <LessonMetaLine pair={pair} t={t} />
        <Objectives pair={pair} t={t} />
        {lesson.sections.map((s) => (
          <section key={s.id} className="print-section" aria-labelledby={`${meta.id}-${s.id}`}>
            <h3 id={`${meta.id}-${s.id}`}>
              <SlideInlines nodes={s.title} />
            </h3>
            <PrintBlocks blocks={s.blocks} t={t} level={4} />
          </section>
        ))}
        {lesson.discussion.length > 0 && (
          <section className="print-section" aria-labelledby={`${meta.id}-discussion`}>
            <h3 id={`${meta.id}-discussion`}>{t('lesson.discussion')}</h3>
            <ol>
              {lesson.discussion.map((d, k) => (
                <li key={k}>
                  <SlideInlines nodes={d.question} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    ),
  };
}

function glossaryChapter(terms: GlossaryTerm[], t: TFunction, content: ContentLocale): Chapter {
  const collator = new Intl.Collator(content);
  const sorted = [...terms].sort((a, b) => collator.compare(a.term[content], b.term[content]));
  return {
    id: 'glossary',
    eyebrow: t('print.reference'),
    title: t('glossary.title'),
    body: (
      <dl className="print-glossary" lang={content}>
        {sorted.map((g) => (
          <div key={g.id} className="print-term">
            <dt>
              {g.term[content]}
              {g.abbr[content] && <span className="abbr"> ({g.abbr[content]})</span>}
            </dt>
            <dd>
              {g.definition[content]}
              {g.paragraphs.length > 0 && (
                <span className="slide-cite"> [{g.paragraphs.map((p) => `¶${p}`).join(', ')}]</span>
              )}
              {g.background && <span className="print-background"> — {t('print.notInReport')}</span>}
            </dd>
          </div>
        ))}
      </dl>
    ),
  };
}

function timelineChapter(events: TimelineEvent[], t: TFunction, content: ContentLocale): Chapter {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: 'timeline',
    eyebrow: t('print.reference'),
    title: t('timeline.title'),
    body: (
      <>
        <p>{t('timeline.intro')}</p>
        <div className="print-table-scroll" role="region" aria-label={t('timeline.title')} tabIndex={0}>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('print.date')}</th>
                <th scope="col">{t('print.event')}</th>
                <th scope="col">{t('print.report')}</th>
              </tr>
            </thead>
            <tbody lang={content}>
              {sorted.map((e) => (
                <tr key={e.id} className={e.background ? 'is-background' : undefined}>
                  <td className="nowrap">{formatEventDate(e.date, content)}</td>
                  <td>
                    {e.label[content]}
                    {e.background && <span className="print-background"> — {t('timeline.background')}</span>}
                  </td>
                  <td className="nowrap">{e.paragraphs.map((p) => `¶${p}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
  };
}

function planChapter(lessons: LoadedLessonPair[], bank: Bank, t: TFunction, ui: UiLocale): Chapter {
  const hasCheck = (id: string) => bank.quizzes.some((q) => q.kind === 'formative' && q.lesson === id);
  const discussion = (id: string) => lessons.find((l) => l.meta.id === id)?.lesson.discussion.length ?? 0;
  const plan = summerSchoolPlan(courseIndex.lessons, discussion, hasCheck);
  const time = (m: number) => clockTime(m, ui === 'en' ? 'en-GB' : ui);
  const titleOf = (id: string) => lessons.find((l) => l.meta.id === id)?.lesson.title ?? id;
  return {
    id: 'session-plan',
    eyebrow: t('print.plan.eyebrow'),
    title: t('print.plan.title'),
    body: (
      <>
        <p>{t('print.plan.intro')}</p>
        {plan.map((day) => (
          <section key={day.day} className="print-day" aria-labelledby={`day-${day.day}`}>
            <h3 id={`day-${day.day}`}>{t('print.plan.day', { n: day.day })}</h3>
            <div className="print-table-scroll" role="region" aria-labelledby={`day-${day.day}`} tabIndex={0}>
              <table className="print-table plan-table">
                <thead>
                  <tr>
                    <th scope="col">{t('print.plan.time')}</th>
                    <th scope="col">{t('print.plan.activity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.items.map((item, k) => (
                    <tr key={k} className={`plan-${item.kind}`}>
                      <td className="nowrap" dir="ltr">
                        {time(item.start)}–{time(item.end)}
                      </td>
                      <td>
                        {item.kind === 'lesson' ? (
                          <>
                            <strong>
                              {t('home.lessonN', { n: item.lesson.order })}:{' '}
                              <span lang={bank.locale}>{titleOf(item.lesson.id)}</span>
                            </strong>{' '}
                            <span className="slide-cite">[{range(item.lesson.paragraphs)}]</span>
                            <br />
                            <span className="print-meta">
                              {t('print.plan.lessonDetail', {
                                present: item.present,
                                discussion: item.discussion,
                                check: item.check,
                              })}
                            </span>
                          </>
                        ) : item.kind === 'workshop' ? (
                          t('print.plan.workshop', {
                            range: citationLabel(item.paragraphs[0], item.paragraphs[1]),
                          })
                        ) : (
                          t(`print.plan.${item.kind}`)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </>
    ),
  };
}

function guideChapter(pair: LoadedLessonPair, bank: Bank, t: TFunction, content: ContentLocale): Chapter {
  const { meta, lesson } = pair;
  const quiz = bank.quizzes.find((q) => q.kind === 'formative' && q.lesson === meta.id);
  const items = quiz ? bank.items.filter((i) => i.quiz.id === quiz.id) : [];
  const session = meta.minutes + Math.min(40, 10 * lesson.discussion.length) + (quiz ? 15 : 0);
  return {
    ...lessonHeading(pair, t),
    body: (
      <div lang={content}>
        <LessonMetaLine pair={pair} t={t} extra={t('print.sessionLength', { minutes: session })} />
        <p className="print-meta">{t('print.presenterHint', { route: `#/present/${meta.id}` })}</p>
        <Objectives pair={pair} t={t} />
        <h3>{t('print.keyPoints')}</h3>
        {lesson.sections.map((s) => {
          const { points, callouts } = keyPoints(s.blocks);
          return (
            <div key={s.id} className="print-keypoints">
              <h4>
                <SlideInlines nodes={s.title} />
              </h4>
              <ul>
                {points.map((p, k) => (
                  <li key={k}>
                    <SlideInlines nodes={p} />
                  </li>
                ))}
              </ul>
              {callouts.map((c, k) => (
                <aside key={k} className="print-note" aria-label={t('lesson.note')}>
                  <p className="print-note-label">{t('lesson.note')}</p>
                  <PrintBlocks blocks={c} t={t} level={5} />
                </aside>
              ))}
            </div>
          );
        })}
        {lesson.discussion.length > 0 && (
          <>
            <h3>{t('lesson.discussion')}</h3>
            <ol className="print-discussion">
              {lesson.discussion.map((d, k) => (
                <li key={k}>
                  <p className="print-question">
                    <SlideInlines nodes={d.question} />
                  </p>
                  <p className="print-notes">
                    <strong>{`${t('lesson.facilitatorNotes')}${t('print.colon')}`}</strong>
                    <SlideInlines nodes={d.notes} />
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
        {quiz && items.length > 0 && (
          <>
            <h3>{t('print.answerKey', { title: quiz.titles[content] })}</h3>
            <ol className="print-answers">
              {items.map((item) => (
                <li key={item.id}>
                  <p className="print-question">
                    <SlideInlines nodes={item.stem} />
                  </p>
                  <div className="print-answer">
                    <strong>{`${t('print.answer')}${t('print.colon')}`}</strong>
                    <Answer item={item} t={t} locale={content} />
                  </div>
                  {item.feedback && (
                    <p className="print-explanation">
                      <SlideInlines nodes={item.feedback.explanation} />
                    </p>
                  )}
                  <p className="print-meta">
                    <span className="mono">{item.id}</span> ·{' '}
                    {t('print.reportParagraphs', {
                      list: item.structure.paragraphs.map((p) => `¶${p}`).join(', '),
                    })}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    ),
  };
}

/** The right answer of an item, written out for the facilitator. */
function Answer({ item, t, locale }: { item: BankItem; t: TFunction; locale: ContentLocale }): ReactNode {
  const r = item.rubric;
  const text = (id: string) => (item.texts[id] ? <SlideInlines nodes={item.texts[id]} /> : id);
  if (!r) return '—';
  switch (item.structure.kind) {
    case 'single':
      return text((r as { correct: string }).correct);
    case 'multiple':
      return (
        <ul>
          {(r as { correct: string[] }).correct.map((id) => (
            <li key={id}>{text(id)}</li>
          ))}
        </ul>
      );
    case 'true-false':
      return (r as { correct: boolean }).correct ? t('results.true') : t('results.false');
    case 'matching': {
      const pairs = (r as { pairs: Record<string, string> }).pairs;
      return (
        <ul>
          {item.structure.premises.map((p) => (
            <li key={p}>
              {text(p)} → {text(pairs[p]!)}
            </li>
          ))}
        </ul>
      );
    }
    case 'sequencing':
      return (
        <ol>
          {(r as { order: string[] }).order.map((id) => (
            <li key={id}>{text(id)}</li>
          ))}
        </ol>
      );
    case 'numeric': {
      const { value, tolerance } = r as { value: number; tolerance: number };
      const unit = item.unit ? ` ${item.unit}` : '';
      const nf = new Intl.NumberFormat(locale);
      return tolerance > 0
        ? t('print.numericTolerance', {
            value: `${nf.format(value)}${unit}`,
            from: nf.format(value - tolerance),
            to: nf.format(value + tolerance),
          })
        : `${nf.format(value)}${unit}`;
    }
    case 'fill-in': {
      const accepted = (r as { accepted: Record<ContentLocale, string[]> }).accepted[locale] ?? [];
      return accepted.join(' / ');
    }
  }
}
