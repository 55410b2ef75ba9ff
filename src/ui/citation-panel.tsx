import {
  Suspense,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { citationLabel } from './course-data.ts';
import { ParagraphText } from './paragraph-text.tsx';
import { useReportVersion, VersionSwitch } from './report-version.tsx';

interface CitationApi {
  /** Opens the panel on paragraphs `from`..`to`; focus returns to `trigger` on close. */
  open: (from: number, to: number, trigger?: HTMLElement) => void;
}

const CitationContext = createContext<CitationApi>({ open: () => undefined });

export function useCitations(): CitationApi {
  return useContext(CitationContext);
}

/**
 * Hosts the citation panel: a modal dialog shown as a side panel on wide screens and a bottom
 * sheet on phones (CSS). The native dialog gives focus containment and Escape to close.
 */
export function CitationProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLElement | null>(null);

  const open = useCallback((from: number, to: number, trigger?: HTMLElement) => {
    triggerRef.current = trigger ?? null;
    setRange({ from, to });
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (range && dialog && !dialog.open) dialog.showModal();
  }, [range]);

  // A route change (back button, a link elsewhere) takes the learner away from what was cited:
  // the panel closes with it, and focus stays with the new page rather than a vanished trigger.
  const { pathname } = useLocation();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog?.open) {
      triggerRef.current = null;
      dialog.close();
    }
  }, [pathname]);

  const close = () => dialogRef.current?.close();
  const onClose = () => {
    // The close event is queued: after Escape then a quick Enter on the citation, it arrives when
    // the panel is already open again, and must not empty it.
    if (dialogRef.current?.open) return;
    setRange(null);
    triggerRef.current?.focus();
  };

  const api = useMemo(() => ({ open }), [open]);
  return (
    <CitationContext value={api}>
      {children}
      <dialog
        ref={dialogRef}
        className="cite-panel"
        aria-labelledby="cite-panel-title"
        onClose={onClose}
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (e.target === dialogRef.current) close();
        }}
      >
        <div className="cite-panel-inner">
          <header className="cite-panel-header">
            <h2 id="cite-panel-title">
              {range ? t('cite.panelTitle', { label: citationLabel(range.from, range.to) }) : ''}
            </h2>
            <button type="button" className="icon-button" onClick={close} aria-label={t('common.close')}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          {range && (
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <CitedParagraphs from={range.from} to={range.to} onNavigate={close} />
            </Suspense>
          )}
        </div>
      </dialog>
    </CitationContext>
  );
}

function CitedParagraphs({ from, to, onNavigate }: { from: number; to: number; onNavigate: () => void }) {
  const { t } = useTranslation();
  const version = useReportVersion();
  const { report, translationLocale, translation, original } = version;

  const paragraphs = report.paragraphs.filter((p) => p.n >= from && p.n <= to);
  return (
    <div className="cited">
      <VersionSwitch version={version} />
      {paragraphs.map((p) => (
        <article key={p.n} className="cited-paragraph" aria-labelledby={`cited-${p.n}`}>
          <h3 id={`cited-${p.n}`}>{t('source.paragraph', { n: p.n })}</h3>
          {original ? (
            <ParagraphText text={p.text} lang="zh" />
          ) : (
            <ParagraphText text={translation?.[p.n] ?? p.text} lang={translation?.[p.n] ? translationLocale! : 'zh'} />
          )}
        </article>
      ))}
      <p>
        <Link to={`/source/${from}`} onClick={onNavigate}>
          {t('cite.openInReport')}
        </Link>
      </p>
    </div>
  );
}
