import type { ReactNode } from 'react';
import type { ItemText } from '../../../content/quiz-model.ts';

/** What every quiz widget receives: the item's public form, its text and the learner's response. */
export interface WidgetProps<P, V> {
  item: P;
  text: ItemText;
  value: V | null;
  onChange: (value: V | null) => void;
  /** Unique prefix for element ids. */
  idBase: string;
  /** "Question 3 of 20" and the stem, rendered as the group's legend. */
  legend: ReactNode;
  /** Polite live-region announcement (sequencing moves). */
  announce: (message: string) => void;
}
