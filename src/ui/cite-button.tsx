import { useTranslation } from 'react-i18next';
import { citationLabel } from './course-data.ts';
import { useCitations } from './citation-panel.tsx';

/**
 * A citation as a button that opens the cited paragraph(s). Its accessible name starts with the
 * visible text (WCAG 2.5.3 Label in Name), followed by what it does.
 */
export function CiteButton({ from, to, brackets = true }: { from: number; to: number; brackets?: boolean }) {
  const { t } = useTranslation();
  const { open } = useCitations();
  return (
    <button type="button" className="cite" aria-haspopup="dialog" onClick={(e) => open(from, to, e.currentTarget)}>
      {brackets && <span aria-hidden="true">[</span>}
      {citationLabel(from, to)}
      {brackets && <span aria-hidden="true">]</span>}
      <span className="visually-hidden">
        {' '}
        {from === to ? t('cite.one', { n: from }) : t('cite.range', { from, to })}
      </span>
    </button>
  );
}
