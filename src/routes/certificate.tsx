import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { displayName } from '../instructor/learner-name.ts';
import { completionDay, dayToDate, logOutcome } from '../quiz/log.ts';
import { useCourseStore } from '../store/course-store.ts';
import { courseIndex } from '../ui/course-data.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import '../instructor/certificate.css';

/**
 * The final assessment's outcome and the day it was completed, both decided by the quiz engine
 * from the saved log (null: no final assessment).
 */
function useFinalOutcome() {
  const final = (courseIndex.quizzes ?? []).find((q) => q.kind === 'final');
  const log = useCourseStore((s) => (final ? s.quizLogs[final.id] : undefined));
  if (!final) return null;
  return { final, outcome: log ? logOutcome(final, log) : null, day: log ? completionDay(final, log) : null };
}

/**
 * `#/certificate`: after the final assessment is passed, a printable certificate in the learner's
 * language with their name (from the LMS, or typed when there is none), the course, the score and
 * the date the assessment was passed (the learner's calendar day of that submission, whenever the
 * certificate is printed). A record saved before days were recorded has no such date: the
 * certificate then says the day it is issued instead. Reads the store only; it writes nothing.
 */
export default function CertificateRoute() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const state = useFinalOutcome();
  const lmsName = useCourseStore((s) => s.learnerName);
  const [typed, setTyped] = useState('');
  const id = useId();
  const fromLms = displayName(lmsName);
  const name = fromLms || typed.trim();
  const percent = (x: number) => new Intl.NumberFormat(ui, { style: 'percent', maximumFractionDigits: 0 }).format(x);

  if (!state || !state.outcome?.passed || state.outcome.grade === null) {
    return (
      <div className="certificate-page">
        <title>{`${t('certificate.title')} — ${t('app.shortTitle')}`}</title>
        <h1>{t('certificate.title')}</h1>
        {!state ? (
          <p>{t('certificate.noFinal')}</p>
        ) : (
          <>
            <p className="lead">{t('certificate.notYet')}</p>
            <p>
              {state.outcome && state.outcome.best !== null
                ? t('certificate.status', { score: percent(state.outcome.best), passMark: percent(state.final.passMark) })
                : t('certificate.notTaken', { passMark: percent(state.final.passMark) })}
            </p>
            <p>
              <Link className="button primary" to="/assessment">
                {t('certificate.toAssessment')}
              </Link>
            </p>
          </>
        )}
      </div>
    );
  }

  const locale = ui === 'en' ? 'en-GB' : ui;
  // The day number is midnight UTC of the learner's calendar day: formatted in UTC, it never shifts a day.
  const dateLine =
    state.day === null
      ? t('certificate.dateIssued', {
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date()),
        })
      : t('certificate.date', {
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(dayToDate(state.day)),
        });
  return (
    <div className="certificate-page">
      <title>{`${t('certificate.title')} — ${t('app.shortTitle')}`}</title>
      <div className="certificate-tools">
        <h1>{t('certificate.title')}</h1>
        {!fromLms && (
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('certificate.nameLabel')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('certificate.nameHint')}
            </p>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="name"
              maxLength={80}
              value={typed}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
        )}
        <button type="button" className="button primary" onClick={() => window.print()} disabled={!name}>
          {t('certificate.print')}
        </button>
      </div>
      <section className="certificate" aria-labelledby={`${id}-heading`}>
        <p className="certificate-course-line">{t('app.shortTitle')}</p>
        <h2 id={`${id}-heading`} className="certificate-heading">
          {t('certificate.heading')}
        </h2>
        <p className="certificate-text">{t('certificate.certifies')}</p>
        <p className={`certificate-name${name ? '' : ' is-empty'}`}>{name || t('certificate.namePending')}</p>
        <p className="certificate-text">{t('certificate.completed')}</p>
        <p className="certificate-course">{t('app.title')}</p>
        <p className="certificate-text">{t('certificate.passed', { score: percent(state.outcome.grade) })}</p>
        <p className="certificate-date">{dateLine}</p>
        <p className="certificate-source">{t('footer.source')}</p>
        <p className="certificate-disclaimer">{t('certificate.disclaimer')}</p>
      </section>
    </div>
  );
}
