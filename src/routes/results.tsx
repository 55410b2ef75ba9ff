import { use, useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  analyseClass,
  buildClassData,
  mapItemIds,
  mergeResults,
  parseResultsFile,
  type AttemptPolicy,
  type ParsedResults,
} from '../analytics/index.ts';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { loadBank } from '../instructor/item-bank.ts';
import { loadAllLessons } from '../instructor/lessons.ts';
import { ResultsReport } from '../instructor/results-report.tsx';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import '../instructor/instructor.css';

interface LoadedFile {
  name: string;
  parsed: ParsedResults;
}

/**
 * `#/instructor/results`: an instructor loads a class's results (Moodle's interactions report or
 * a long-format CSV) and sees item statistics, charts and mastery. Files are read in the browser
 * and never sent anywhere; nothing here touches the learner store or the LMS.
 */
export default function ResultsRoute() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const locale = CONTENT_FALLBACKS[ui][0]!;
  const bank = use(loadBank(locale));
  const lessons = use(loadAllLessons(ui));
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const [reading, setReading] = useState(false);
  const [attempts, setAttempts] = useState<AttemptPolicy>('first');
  const [threshold, setThreshold] = useState(80);
  const ids = useId();

  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const list = [...(e.target.files ?? [])];
    if (list.length === 0) return;
    setReading(true);
    try {
      const read = await Promise.all(list.map(async (f) => ({ name: f.name, parsed: parseResultsFile(await f.text(), f.name) })));
      setFiles(read);
    } finally {
      setReading(false);
    }
  };

  const analysis = useMemo(() => {
    if (files.length === 0) return null;
    const merged = mergeResults(files.map((f) => f.parsed));
    const records = mapItemIds(merged.records, new Set(bank.byId.keys()));
    const data = buildClassData(records, { attempts, itemOrder: bank.items.map((i) => i.id) });
    const report = analyseClass(data, { meta: bank.meta, masteryThreshold: threshold / 100 });
    return { merged, data, report };
  }, [files, attempts, threshold, bank]);

  return (
    <div className="instructor results">
      <title>{`${t('results.title')} — ${t('app.shortTitle')}`}</title>
      <p className="eyebrow">{t('instructor.eyebrow')}</p>
      <h1>{t('results.title')}</h1>
      <p className="lead">{t('results.intro')}</p>

      <section className="results-load" aria-labelledby={`${ids}-load`}>
        <h2 id={`${ids}-load`}>{t('results.loadTitle')}</h2>
        <ul className="results-formats">
          <li>{t('results.formatMoodle')}</li>
          <li>{t('results.formatLong')}</li>
        </ul>
        <div className="field">
          <label htmlFor={`${ids}-file`}>{t('results.fileLabel')}</label>
          <p className="hint" id={`${ids}-file-hint`}>
            {t('results.fileHint')}
          </p>
          <input
            id={`${ids}-file`}
            type="file"
            multiple
            accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
            aria-describedby={`${ids}-file-hint`}
            onChange={(e) => void onFiles(e)}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${ids}-attempts`}>{t('results.attempts')}</label>
            <select id={`${ids}-attempts`} value={attempts} onChange={(e) => setAttempts(e.target.value as AttemptPolicy)}>
              <option value="first">{t('results.attempts_first')}</option>
              <option value="last">{t('results.attempts_last')}</option>
              <option value="all">{t('results.attempts_all')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-threshold`}>{t('results.threshold')}</label>
            <p className="hint" id={`${ids}-threshold-hint`}>
              {t('results.thresholdHint')}
            </p>
            <input
              id={`${ids}-threshold`}
              type="number"
              min={50}
              max={100}
              step={5}
              value={threshold}
              aria-describedby={`${ids}-threshold-hint`}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v) && v >= 1 && v <= 100) setThreshold(v);
              }}
            />
          </div>
        </div>
        {files.length > 0 && (
          <button type="button" className="button" onClick={() => setFiles([])}>
            {t('results.clear')}
          </button>
        )}
      </section>

      <div role="status" className="results-status">
        {reading ? t('results.reading') : analysis ? t('results.loaded', { files: files.map((f) => f.name).join(', ') }) : ''}
      </div>

      {analysis ? (
        <ResultsReport files={files.map((f) => ({ name: f.name, format: f.parsed.format }))} merged={analysis.merged} report={analysis.report} bank={bank} lessons={lessons} />
      ) : (
        !reading && <p className="results-empty">{t('results.nothing')}</p>
      )}
    </div>
  );
}
