import type { ReactNode } from 'react';
import type { ItemPublic, ItemText, UserInput } from '../../content/quiz-model.ts';
import { Inlines } from '../content/render.tsx';
import { UiText } from './ui-text.tsx';
import { FillInWidget } from './widgets/fill-in-widget.tsx';
import { MatchingWidget } from './widgets/matching-widget.tsx';
import { MultipleWidget } from './widgets/multiple-widget.tsx';
import { NumericWidget } from './widgets/numeric-widget.tsx';
import { SequencingWidget } from './widgets/sequencing-widget.tsx';
import { SingleWidget } from './widgets/single-widget.tsx';
import { TrueFalseWidget } from './widgets/true-false-widget.tsx';

export interface ItemViewProps {
  pub: ItemPublic;
  text: ItemText;
  value: UserInput | null;
  onChange: (value: UserInput | null) => void;
  idBase: string;
  /** "Question 3 of 20". */
  label: string;
  announce: (message: string) => void;
}

/** The widget for an item's kind, with "Question n of N" and the stem as its legend. */
export function ItemView({ pub, text, value, onChange, idBase, label, announce }: ItemViewProps): ReactNode {
  const legend = (
    <>
      <UiText className="quiz-number">{label}</UiText>
      <span className="quiz-stem">
        <Inlines nodes={text.stem} />
      </span>
    </>
  );
  const common = { text, idBase, legend, announce };
  const v = value as never;
  const change = onChange as never;
  switch (pub.kind) {
    case 'single':
      return <SingleWidget {...common} item={pub} value={v} onChange={change} />;
    case 'multiple':
      return <MultipleWidget {...common} item={pub} value={v} onChange={change} />;
    case 'true-false':
      return <TrueFalseWidget {...common} item={pub} value={v} onChange={change} />;
    case 'matching':
      return <MatchingWidget {...common} item={pub} value={v} onChange={change} />;
    case 'sequencing':
      return <SequencingWidget {...common} item={pub} value={v} onChange={change} />;
    case 'numeric':
      return <NumericWidget {...common} item={pub} value={v} onChange={change} />;
    case 'fill-in':
      return <FillInWidget {...common} item={pub} value={v} onChange={change} />;
  }
}
