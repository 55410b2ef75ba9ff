import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  itemsCsv,
  objectivesCsv,
  optionsCsv,
  problemLocation,
  problemsCsv,
  testCsv,
  type ClassReport,
  type ItemStats,
  type ParsedResults,
  type RowProblem,
} from '../analytics/index.ts';
import { Inlines, inlineText } from '../ui/content/render.tsx';
import { findLesson } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import { BarChart, ColumnChart, ItemMap } from './charts.tsx';
import { downloadText } from './download.ts';
import { fmt, int, pct } from './format.ts';
import type { Bank } from './item-bank.ts';
import type { LoadedLessonPair } from './lessons.ts';

const SHOWN_PROBLEMS = 200;

export function problemText(t: TFunction, p: RowProblem): string {
  return t(`results.problem.${p.code}`, { ...p.values, interpolation: { escapeValue: false } });
}

interface Props {
  files: { name: string; format: ParsedResults['format'] }[];
  merged: Omit<ParsedResults, 'format'>;
  report: ClassReport;
  bank: Bank;
  lessons: LoadedLessonPair[];
}

export function ResultsReport({ files, merged, report, bank, lessons }: Props) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const ids = useId();
  const test = report.test;
  const errors = merged.problems.filter((p) => p.severity === 'error').length;
  const lessonNumber = (id: string) => findLesson(id)?.order ?? id;
  const objectiveText = (lesson: string, objective: number) => {
    const l = lessons.find((x) => x.meta.id === lesson)?.lesson;
    return l?.objectives[objective - 1];
  };
  const contentLocale = bank.locale;
  const contentDir = directionOf(contentLocale);

  const bands = test.histogram.map((c, k) => ({ label: `${k * 10}–${k === 9 ? 100 : k * 10 + 9}`, value: c, text: int(ui, c) }));
  const objectiveBars = report.objectives.map((o) => ({
    label: t('results.objectiveShort', { lesson: lessonNumber(o.lesson), objective: o.objective }),
    value: o.share * 100,
    text: pct(ui, o.share),
  }));
  const flagged = report.items.filter((i) => i.flags.some((f) => f !== 'few-responses'));

  return (
    <div className="results-report">
      <ReportSection id={`${ids}-read`} title={t('results.summaryTitle')}>
        <dl className="stat-list">
          <div>
            <dt>{t('results.files')}</dt>
            <dd>
              <ul className="plain">
                {files.map((f) => (
                  <li key={f.name}>
                    {f.name} ({t(`results.format_${f.format === 'long' ? 'long' : 'moodle'}`)})
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <Stat label={t('results.rowsRead')} value={int(ui, merged.rowsRead)} />
          <Stat label={t('results.learners')} value={int(ui, test.learners)} />
          <Stat label={t('results.items')} value={int(ui, test.items)} />
          <Stat label={t('results.rowsNotUsed')} value={int(ui, errors)} />
        </dl>
        {report.unknownItems.length > 0 && <p className="note-inline">{t('results.unknownItems', { list: report.unknownItems.join(', ') })}</p>}
      </ReportSection>

      <ReportSection id={`${ids}-problems`} title={t('results.problemsTitle')}>
        {merged.problems.length === 0 ? (
          <p>{t('results.problemsNone')}</p>
        ) : (
          <>
            <p>{t('results.problemsIntro')}</p>
            <DataTable className="problems-table" labelledBy={`${ids}-problems`} columns={['where', 'kind', 'problemColumn']}>
              {merged.problems.slice(0, SHOWN_PROBLEMS).map((p, k) => (
                <tr key={k} className={`severity-${p.severity}`}>
                  <td dir="ltr" className="mono">
                    {problemLocation(p)}
                  </td>
                  <td>{t(`results.severity_${p.severity}`)}</td>
                  <td>{problemText(t, p)}</td>
                </tr>
              ))}
            </DataTable>
            {merged.problems.length > SHOWN_PROBLEMS && (
              <p>{t('results.problemsMore', { shown: int(ui, SHOWN_PROBLEMS), total: int(ui, merged.problems.length) })}</p>
            )}
            <DownloadButton file="rows-not-used.csv" text={() => problemsCsv(merged.problems)} label={t('results.download_problems')} />
          </>
        )}
      </ReportSection>

      {test.learners > 0 && (
        <>
          <ReportSection id={`${ids}-test`} title={t('results.testTitle')}>
            <dl className="stat-list">
              <Stat label={t('results.mean')} value={`${fmt(ui, test.mean, 1)} %`} />
              <Stat label={t('results.median')} value={`${fmt(ui, test.median, 1)} %`} />
              <Stat label={t('results.sd')} value={fmt(ui, test.sd, 1)} />
              <Stat label={t('results.range')} value={`${fmt(ui, test.min, 0)}–${fmt(ui, test.max, 0)} %`} />
              <Stat label={t('results.alpha')} value={fmt(ui, test.alpha)} />
              <Stat label={t('results.kr20')} value={fmt(ui, test.kr20)} />
              <Stat label={t('results.sem')} value={fmt(ui, test.sem, 1)} />
              <Stat label={t('results.itemsPerLearner')} value={fmt(ui, test.itemsPerLearner, 1)} />
            </dl>
            <p className="hint">
              {test.complete ? t('results.reliabilityComplete', { n: test.items }) : t('results.reliabilityDraw', { n: fmt(ui, test.reliabilityItems, 1) })}{' '}
              {t('results.kr20Note')}
            </p>

            <figure className="chart-figure">
              <figcaption id={`${ids}-dist`}>{t('results.distributionTitle')}</figcaption>
              <ColumnChart
                title={t('results.distributionTitle')}
                description={t('results.distributionDesc', { list: bands.map((b) => `${b.label} %: ${b.text}`).join('; ') })}
                bars={bands}
                max={Math.max(1, ...test.histogram)}
                axisLabel={t('results.band')}
              />
              <DataTable
                className="compact"
                caption={{ id: `${ids}-dist-table`, text: t('results.tableOf', { chart: t('results.distributionTitle') }) }}
                columns={['band', 'learners']}
              >
                {bands.map((b) => (
                  <tr key={b.label}>
                    <th scope="row" dir="ltr">
                      {b.label}
                    </th>
                    <td>{b.text}</td>
                  </tr>
                ))}
              </DataTable>
            </figure>
          </ReportSection>

          <ReportSection id={`${ids}-objectives`} title={t('results.objectivesTitle')}>
            {report.objectives.length === 0 ? (
              <p>{t('results.objectivesNone')}</p>
            ) : (
              <figure className="chart-figure">
                <figcaption>{t('results.objectivesIntro', { threshold: Math.round(report.masteryThreshold * 100) })}</figcaption>
                <BarChart
                  title={t('results.objectivesTitle')}
                  description={t('results.objectivesDesc', { list: objectiveBars.map((b) => `${b.label}: ${b.text}`).join('; ') })}
                  bars={objectiveBars}
                />
                <DataTable
                  caption={{ id: `${ids}-obj-table`, text: t('results.tableOf', { chart: t('results.objectivesTitle') }) }}
                  columns={['objective', 'items', 'learners', 'meanScore', 'mastered']}
                >
                  {report.objectives.map((o) => {
                    const text = objectiveText(o.lesson, o.objective);
                    return (
                      <tr key={`${o.lesson}#${o.objective}`}>
                        <th scope="row">
                          <span className="cell-title">{t('results.objectiveShort', { lesson: lessonNumber(o.lesson), objective: o.objective })}</span>
                          {text && (
                            <span className="cell-sub" lang={contentLocale} dir={contentDir}>
                              <Inlines nodes={text} />
                            </span>
                          )}
                        </th>
                        <td>{int(ui, o.items.length)}</td>
                        <td>{int(ui, o.learners)}</td>
                        <td>{pct(ui, o.meanScore)}</td>
                        <td>{`${int(ui, o.mastered)} (${pct(ui, o.share)})`}</td>
                      </tr>
                    );
                  })}
                </DataTable>
              </figure>
            )}
          </ReportSection>

          <ReportSection id={`${ids}-items`} title={t('results.itemsTitle')}>
            <p className="measure">{t('results.itemsIntro')}</p>
            <figure className="chart-figure">
              <figcaption>{t('results.itemMapTitle')}</figcaption>
              <ItemMap
                title={t('results.itemMapTitle')}
                description={t('results.itemMapDesc', { total: report.items.length, flagged: flagged.length })}
                points={report.items
                  .filter((i) => i.pointBiserial !== null)
                  .map((i) => ({ label: `${i.id}: ${fmt(ui, i.facility)}, ${fmt(ui, i.pointBiserial)}`, x: i.facility, y: i.pointBiserial!, flagged: flagged.includes(i) }))}
                xLabel={t('results.facility')}
                yLabel={t('results.pointBiserial')}
              />
              <ItemTable items={report.items} bank={bank} caption={t('results.itemsCaption')} />
            </figure>

            <h3>{t('results.optionsTitle')}</h3>
            <div className="item-options">
              {report.items.map((i) => (
                <ItemOptions key={i.id} item={i} bank={bank} />
              ))}
            </div>
          </ReportSection>

          <ReportSection id={`${ids}-downloads`} title={t('results.downloadsTitle')}>
            <div className="button-row">
              <DownloadButton file="item-statistics.csv" text={() => itemsCsv(report)} label={t('results.download_items')} />
              <DownloadButton file="answers-chosen.csv" text={() => optionsCsv(report)} label={t('results.download_options')} />
              <DownloadButton file="objective-mastery.csv" text={() => objectivesCsv(report)} label={t('results.download_objectives')} />
              <DownloadButton file="test-summary.csv" text={() => testCsv(report)} label={t('results.download_test')} />
            </div>
          </ReportSection>
        </>
      )}
    </div>
  );
}

/** A button that saves `text()`, computed when it is pressed, as the file `file`. */
function DownloadButton({ file, text, label }: { file: string; text: () => string; label: string }) {
  return (
    <button type="button" className="button" onClick={() => downloadText(file, text())}>
      {label}
    </button>
  );
}

/** A section of the report, named by its heading. */
function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * A table of the report, scrolling sideways on a narrow screen; its header row names `columns`
 * (keys under `results.`), its body is `children`. The scroll box is a keyboard-reachable region
 * named by the caption, or by `labelledBy` (a section heading) when there is none; with neither
 * (an answer table inside a disclosure) it is a plain box.
 */
function DataTable({
  className,
  caption,
  labelledBy,
  columns,
  children,
}: {
  className?: string;
  caption?: { id: string; text: string };
  labelledBy?: string;
  columns: string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const label = caption?.id ?? labelledBy;
  return (
    <div
      className="table-scroll"
      role={label ? 'region' : undefined}
      aria-labelledby={label}
      tabIndex={label ? 0 : undefined}
    >
      <table className={className ? `data-table ${className}` : 'data-table'}>
        {caption && <caption id={caption.id}>{caption.text}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`results.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function ItemTable({ items, bank, caption }: { items: ItemStats[]; bank: Bank; caption: string }) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const id = useId();
  const [sort, setSort] = useState<'bank' | 'facility' | 'discrimination'>('bank');
  const sorted =
    sort === 'bank'
      ? items
      : [...items].sort((a, b) =>
          sort === 'facility' ? a.facility - b.facility : (a.pointBiserial ?? -2) - (b.pointBiserial ?? -2),
        );
  return (
    <>
      <div className="field inline-field">
        <label htmlFor={`${id}-sort`}>{t('results.sortBy')}</label>
        <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
          <option value="bank">{t('results.sort_bank')}</option>
          <option value="facility">{t('results.sort_facility')}</option>
          <option value="discrimination">{t('results.sort_discrimination')}</option>
        </select>
      </div>
      <DataTable
        className="items-table"
        caption={{ id: `${id}-caption`, text: caption }}
        columns={['item', 'n', 'facility', 'pointBiserial', 'discrimination', 'flags']}
      >
        {sorted.map((i) => {
          const b = bank.byId.get(i.id);
          return (
            <tr key={i.id}>
              <th scope="row">
                <span className="cell-title mono" dir="ltr">
                  {i.id}
                </span>
                {b && (
                  <span className="cell-sub" lang={bank.locale} dir={directionOf(bank.locale)}>
                    {truncate(inlineText(b.stem), 110)}
                  </span>
                )}
              </th>
              <td>{int(ui, i.n)}</td>
              <td>{fmt(ui, i.facility)}</td>
              <td>{fmt(ui, i.pointBiserial)}</td>
              <td>{fmt(ui, i.discrimination)}</td>
              <td>{i.flags.length === 0 ? '' : i.flags.map((f) => t(`results.flag.${f}`)).join('; ')}</td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function ItemOptions({ item, bank }: { item: ItemStats; bank: Bank }) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const b = bank.byId.get(item.id);
  const shown = item.options.slice(0, 15);
  const optionLabel = (o: string) => {
    if (!b) return o;
    if (o === 'true' || o === 'false') return b.structure.kind === 'true-false' ? t(`results.${o}`) : o;
    const text = b.texts[o];
    if (text) return inlineText(text);
    if (b.structure.kind === 'matching' && o.includes('.')) {
      const [p, r] = o.split('.');
      return `${b.texts[p!] ? inlineText(b.texts[p!]!) : p} → ${b.texts[r!] ? inlineText(b.texts[r!]!) : r}`;
    }
    return o;
  };
  return (
    <details className="item-option-block">
      <summary>
        <span className="mono" dir="ltr">
          {item.id}
        </span>
        {b && (
          <span lang={bank.locale} dir={directionOf(bank.locale)}>
            {' '}
            <Inlines nodes={b.stem} />
          </span>
        )}
      </summary>
      <DataTable className="compact" columns={['option', 'correct', 'chosenBy', 'upper', 'lower']}>
        {shown.map((o) => (
          <tr key={o.option} className={o.correct ? 'is-key' : undefined}>
            <th scope="row" lang={bank.locale} dir={directionOf(bank.locale)}>
              {optionLabel(o.option)}
            </th>
            <td>{o.correct === undefined ? '—' : o.correct ? t('results.yes') : t('results.no')}</td>
            <td>{`${int(ui, o.count)} (${pct(ui, o.share)})`}</td>
            <td>{pct(ui, o.upper)}</td>
            <td>{pct(ui, o.lower)}</td>
          </tr>
        ))}
      </DataTable>
      {item.blank > 0 && <p className="hint">{t('results.blank', { n: int(ui, item.blank) })}</p>}
      {item.options.length > shown.length && <p className="hint">{t('results.moreOptions', { n: int(ui, item.options.length - shown.length) })}</p>}
    </details>
  );
}
