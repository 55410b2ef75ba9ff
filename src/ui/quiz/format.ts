import type { UiLocale } from '../../store/types.ts';

/** Percent in the interface language, with Latin digits as in the course's numbers. */
export function formatPercent(value: number, ui: UiLocale): string {
  return new Intl.NumberFormat(ui, {
    style: 'percent',
    maximumFractionDigits: 1,
    numberingSystem: 'latn',
  }).format(value);
}
