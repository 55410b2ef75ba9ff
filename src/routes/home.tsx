import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import CertificateLink from '../instructor/certificate-link.tsx';
import { useCourseStore } from '../store/course-store.ts';
import { courseProgress, lessonProgress } from '../store/selectors.ts';
import { courseIndex, findLesson, lessonTitle } from '../ui/course-data.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import { FINAL_QUIZ_ID, findQuiz, formatPercent } from '../ui/quiz/quiz-data.ts';

function rangeLabel(paragraphs: number[]): string {
  if (paragraphs.length === 0) return '';
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  return first === last ? `¶${first}` : `¶${first}–${last}`;
}

export default function Home() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const visited = useCourseStore((s) => s.visited);
  const location = useCourseStore((s) => s.location);
  const overall = courseProgress(visited, courseIndex);
  const resume = location ? findLesson(location.lesson) : undefined;
  const percent = Math.round(overall.ratio * 100);
  const finalQuiz = findQuiz(FINAL_QUIZ_ID);

  return (
    <div className="home">
      <title>{t('app.title')}</title>
      <h1>{t('app.title')}</h1>
      <p className="lead">{t('home.intro')}</p>

      <section className="progress-card" aria-labelledby="overall-progress">
        <h2 id="overall-progress">{t('home.yourProgress')}</h2>
        <p>
          {t('home.lessonsComplete', { done: overall.lessonsComplete, total: overall.lessonsTotal })}
        </p>
        <progress max={100} value={percent} aria-labelledby="overall-progress" aria-valuetext={`${percent}%`} />
        {resume && location ? (
          <p>
            <Link className="button primary" to={`/lesson/${resume.id}/${location.section}`}>
              {t('home.continue', { title: lessonTitle(resume, ui) })}
            </Link>
          </p>
        ) : (
          courseIndex.lessons[0] && (
            <p>
              <Link className="button primary" to={`/lesson/${courseIndex.lessons[0].id}`}>
                {t('home.start')}
              </Link>
            </p>
          )
        )}
      </section>

      <h2 id="lessons-heading">{t('home.lessons')}</h2>
      <ol className="lesson-list" aria-labelledby="lessons-heading">
        {courseIndex.lessons.map((lesson) => {
          const p = lessonProgress(visited, lesson);
          const status = p.complete ? t('home.complete') : p.viewed > 0 ? t('home.inProgress', { viewed: p.viewed, total: p.total }) : t('home.notStarted');
          return (
            <li key={lesson.id} className={`lesson-card${p.complete ? ' is-complete' : ''}`}>
              <span className="lesson-number">
                <span className="visually-hidden">{t('home.lessonN', { n: lesson.order })}</span>
                <span aria-hidden="true">{lesson.order}</span>
              </span>
              <div>
                <h3>
                  <Link to={`/lesson/${lesson.id}`}>{lessonTitle(lesson, ui)}</Link>
                </h3>
                <p className="meta">
                  <span>{t('home.minutes', { count: lesson.minutes })}</span>
                  <span>{t('home.paragraphs', { range: rangeLabel(lesson.paragraphs) })}</span>
                  <span className={`status${p.complete ? ' done' : ''}`}>{status}</span>
                </p>
              </div>
            </li>
          );
        })}
      </ol>

      {finalQuiz && (
        <section className="quiz-callout" aria-labelledby="assessment-heading">
          <h2 id="assessment-heading">{t('quiz.assessment')}</h2>
          <p>
            {t('quiz.home.body', {
              percent: formatPercent(finalQuiz.passMark, ui),
              attempts: finalQuiz.attempts ?? '∞',
            })}
          </p>
          <p>
            <Link className="button" to="/assessment">
              {t('quiz.home.link')}
            </Link>{' '}
            <CertificateLink final={finalQuiz} />
          </p>
        </section>
      )}
    </div>
  );
}
