import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTENT_LOCALES } from '../content/model.ts';
import { contentLocaleFor, courseIndex, lessonTitle } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import '../instructor/instructor.css';

/** `#/instructor`: the tools for teaching the course in a room. */
export default function InstructorRoute() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  return (
    <div className="instructor">
      <title>{`${t('instructor.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('instructor.title')}</h1>
      <p className="lead">{t('instructor.intro')}</p>
      <ul className="instructor-tools">
        <li>
          <h2>{t('instructor.presentTitle')}</h2>
          <p>{t('instructor.presentIntro')}</p>
          <ol className="link-list">
            {courseIndex.lessons.map((l) => (
              <li key={l.id}>
                <Link to={`/present/${l.id}`} lang={contentLocaleFor(l, ui)} dir={directionOf(contentLocaleFor(l, ui))}>
                  {lessonTitle(l, ui)}
                </Link>
              </li>
            ))}
          </ol>
        </li>
        <li>
          <h2>{t('instructor.printTitle')}</h2>
          <p>{t('instructor.printIntro')}</p>
          <ul className="link-list">
            {CONTENT_LOCALES.map((l) => (
              <li key={`b-${l}`}>
                <Link to={`/print/briefing/${l}`} hrefLang={l}>
                  {t('instructor.briefingIn', { language: t(`languages.${l}`) })}
                </Link>
              </li>
            ))}
            {CONTENT_LOCALES.map((l) => (
              <li key={`g-${l}`}>
                <Link to={`/print/guide/${l}`} hrefLang={l}>
                  {t('instructor.guideIn', { language: t(`languages.${l}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <h2>{t('results.title')}</h2>
          <p>{t('instructor.resultsIntro')}</p>
          <p>
            <Link className="button" to="/instructor/results">
              {t('instructor.resultsOpen')}
            </Link>
          </p>
        </li>
        <li>
          <h2>{t('instructor.exportTitle')}</h2>
          <p>{t('instructor.exportIntro')}</p>
          <p dir="ltr" className="mono">
            npm run export-questions -- --format moodle-xml --locale es --out questions-es.xml
          </p>
        </li>
      </ul>
    </div>
  );
}
