import type { ReactNode } from 'react';
import { directionOf } from '../i18n.ts';
import { useUiLocale } from '../use-ui-locale.ts';

/**
 * Interface text inside quiz content: the quiz is in a content language (es, en, zh) and its
 * labels in the interface language (say Arabic), so each says which it is, for screen readers'
 * pronunciation and for the direction of the text.
 */
export function UiText({
  children,
  as: Tag = 'span',
  ...rest
}: {
  children: ReactNode;
  as?: 'span' | 'p';
  id?: string;
  className?: string;
}) {
  const ui = useUiLocale();
  return (
    <Tag lang={ui} dir={directionOf(ui)} {...rest}>
      {children}
    </Tag>
  );
}

/** lang and dir attributes of the interface language, for elements that are not a span. */
export function useUiAttrs(): { lang: string; dir: 'ltr' | 'rtl' } {
  const ui = useUiLocale();
  return { lang: ui, dir: directionOf(ui) };
}
