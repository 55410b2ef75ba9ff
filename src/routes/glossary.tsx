import { use, useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { CiteButton } from '../ui/cite-button.tsx';
import { loadGlossaryData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';

export default function Glossary() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const { termId } = useParams();
  const terms = use(loadGlossaryData());
  const locale = CONTENT_FALLBACKS[ui][0]!;
  const collator = new Intl.Collator(locale);
  const sorted = [...terms].sort((a, b) => collator.compare(a.term[locale], b.term[locale]));
  const targetRef = useRef<HTMLElement>(null);
  useEffect(() => {
    targetRef.current?.scrollIntoView({ block: 'start' });
    targetRef.current?.focus({ preventScroll: true });
  }, [termId]);

  return (
    <div className="glossary">
      <title>{`${t('glossary.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('glossary.title')}</h1>
      <p className="lead">{t('glossary.intro', { count: terms.length })}</p>
      {locale !== ui && <p className="fallback-notice">{t('lesson.fallback', { language: t(`languages.${locale}`) })}</p>}
      {sorted.length === 0 ? (
        <p>{t('glossary.empty')}</p>
      ) : (
        <dl className="glossary-list" lang={locale} dir={directionOf(locale)}>
          {sorted.map((term) => {
            const isTarget = term.id === termId;
            return (
              <div
                key={term.id}
                id={`term-${term.id}`}
                className={`glossary-entry${isTarget ? ' is-target' : ''}`}
                ref={isTarget ? (el) => void (targetRef.current = el) : undefined}
                tabIndex={isTarget ? -1 : undefined}
              >
                <dt>
                  {term.term[locale]}
                  {term.abbr[locale] && <span className="abbr"> ({term.abbr[locale]})</span>}
                </dt>
                <dd>
                  <p>{term.definition[locale]}</p>
                  {term.paragraphs.length > 0 && (
                    <p className="refs">
                      {term.background ? t('glossary.relevant') : t('glossary.appears')}{' '}
                      {term.paragraphs.map((n) => (
                        <CiteButton key={n} from={n} to={n} brackets={false} />
                      ))}
                    </p>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
