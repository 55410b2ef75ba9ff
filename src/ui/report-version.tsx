import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLocale, Report } from '../content/model.ts';
import { useCourseStore } from '../store/course-store.ts';
import { loadReportData, loadTranslation, translationLocaleFor } from './course-data.ts';
import { useUiLocale } from './use-ui-locale.ts';

/** The report and the version of it the learner reads: the unofficial translation, or the original. */
export interface ReportVersion {
  report: Report;
  /** The translation's language for the interface language, or null when only the original fits. */
  translationLocale: ContentLocale | null;
  translation: Record<number, string> | null;
  /** True when the original is shown: asked for, or there is no translation. */
  original: boolean;
}

/**
 * Loads the report and the translation for the interface language (suspending until both are
 * there). The choice of version is the learner's, kept in the store, so the source reader and
 * the citation panel always show the same one.
 */
export function useReportVersion(): ReportVersion {
  const ui = useUiLocale();
  const report = use(loadReportData());
  const translationLocale = translationLocaleFor(ui);
  const translation = translationLocale ? use(loadTranslation(translationLocale)) : null;
  const showOriginal = useCourseStore((s) => s.showOriginal);
  return { report, translationLocale, translation, original: showOriginal || !translation };
}

/** Translation / original buttons (when there is a translation) and the note on the version shown. */
export function VersionSwitch({
  version: { translationLocale, translation, original },
}: {
  version: ReportVersion;
}) {
  const { t } = useTranslation();
  const setShowOriginal = useCourseStore((s) => s.setShowOriginal);
  return (
    <>
      {translation && translationLocale && (
        <div className="segmented" role="group" aria-label={t('source.version')}>
          <button type="button" aria-pressed={!original} onClick={() => setShowOriginal(false)}>
            {t('source.translation', { language: t(`languages.${translationLocale}`) })}
          </button>
          <button type="button" aria-pressed={original} onClick={() => setShowOriginal(true)}>
            {t('source.original')}
          </button>
        </div>
      )}
      <p className="source-disclaimer">{original ? t('source.originalNote') : t('source.translationNote')}</p>
    </>
  );
}
