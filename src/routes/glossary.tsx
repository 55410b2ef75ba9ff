import { use, useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContentLocale, GlossaryTerm } from '../content/model.ts';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { loadGlossaryData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { ParagraphRefs, ReferencePage } from '../ui/reference-page.tsx';
import { useUiLocale } from '../ui/use-ui-locale.ts';

/** An abbreviation in brackets, spaced as each language writes it: "Treaty (NPT)", "条约(不扩散条约)". */
function bracketed(abbr: string, locale: ContentLocale): string {
  return locale === 'zh' ? `(${abbr})` : ` (${abbr})`;
}

/** The term with its abbreviation, as shown in one content language. */
function termText(term: GlossaryTerm, locale: ContentLocale): string {
  const abbr = term.abbr[locale];
  return abbr ? term.term[locale] + bracketed(abbr, locale) : term.term[locale];
}

/** The space after a label, except after full-width punctuation, which carries its own ("其他语言："). */
function spaceAfter(label: string): string {
  return /[\u3000-\u303f\uff00-\uffef]$/.test(label) ? '' : ' ';
}

export default function Glossary() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const { termId } = useParams();
  const terms = use(loadGlossaryData());
  const [locale, ...otherLocales] = CONTENT_FALLBACKS[ui] as [ContentLocale, ...ContentLocale[]];
  const collator = new Intl.Collator(locale);
  const sorted = [...terms].sort((a, b) => collator.compare(a.term[locale], b.term[locale]));
  const targetRef = useRef<HTMLElement>(null);
  useEffect(() => {
    targetRef.current?.scrollIntoView({ block: 'start' });
    targetRef.current?.focus({ preventScroll: true });
  }, [termId]);

  return (
    <ReferencePage page="glossary" count={terms.length} locale={locale}>
      <dl className="glossary-list" lang={locale} dir={directionOf(locale)}>
        {sorted.map((term) => {
          const isTarget = term.id === termId;
          const others = otherLocales.filter((l) => term.term[l]);
          return (
            <div
              key={term.id}
              id={`term-${term.id}`}
              className={`glossary-entry${isTarget ? ' is-target' : ''}${term.background ? ' is-background' : ''}`}
              ref={isTarget ? (el) => void (targetRef.current = el) : undefined}
              tabIndex={isTarget ? -1 : undefined}
            >
              <dt>
                {term.term[locale]}
                {term.abbr[locale] && <span className="abbr">{bracketed(term.abbr[locale], locale)}</span>}
              </dt>
              <dd>
                {term.background && term.paragraphs.length === 0 && (
                  <p className="badge" lang={ui} dir={directionOf(ui)}>
                    {t('glossary.background')}
                  </p>
                )}
                <p>{term.definition[locale]}</p>
                {others.length > 0 && (
                  <p className="other-languages" lang={ui} dir={directionOf(ui)}>
                    {t('glossary.otherLanguages') + spaceAfter(t('glossary.otherLanguages'))}
                    {others.map((l, i) => {
                      const label = t('glossary.inLanguage', { language: t(`languages.${l}`) });
                      return (
                        <span key={l}>
                          {i > 0 && ' · '}
                          {label + spaceAfter(label)}
                          <span lang={l} dir={directionOf(l)}>
                            {termText(term, l)}
                          </span>
                        </span>
                      );
                    })}
                  </p>
                )}
                {term.paragraphs.length > 0 && (
                  <p className="refs" lang={ui} dir={directionOf(ui)}>
                    {term.background ? t('glossary.relevant') : t('glossary.appears')}{' '}
                    <ParagraphRefs paragraphs={term.paragraphs} />
                  </p>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </ReferencePage>
  );
}
