import type { ReactNode } from 'react';
import type { Inline } from '../../../content/model.ts';
import { Inlines } from '../../content/render.tsx';
import { UiText } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';

/**
 * The group every widget is: a fieldset with "Question n of N" and the stem as its legend, and,
 * when the widget needs one (matching, sequencing), a hint in the interface language that the
 * fieldset is described by.
 */
export function ItemFieldset({
  idBase,
  legend,
  hint,
  children,
}: Pick<WidgetProps<unknown, unknown>, 'idBase' | 'legend'> & { hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="quiz-field" aria-describedby={hint === undefined ? undefined : `${idBase}-hint`}>
      <legend>{legend}</legend>
      {hint !== undefined && (
        <UiText as="p" className="quiz-hint" id={`${idBase}-hint`}>
          {hint}
        </UiText>
      )}
      {children}
    </fieldset>
  );
}

/**
 * The choices of a single, multiple or true/false item: a list of labelled radios or checkboxes,
 * native inputs so arrow keys and Space work as everywhere else.
 */
export function ChoiceList({
  type,
  idBase,
  choices,
  isChecked,
  onPick,
  label,
  inline = false,
}: {
  type: 'radio' | 'checkbox';
  /** Radios of the group share this name; each checkbox has its own, `${idBase}-${choice}`. */
  idBase: string;
  choices: readonly string[];
  isChecked: (choice: string) => boolean;
  /** Called with the choice and whether its input is now checked. */
  onPick: (choice: string, checked: boolean) => void;
  label: (choice: string) => ReactNode;
  /** Side by side (True / False) rather than one under another. */
  inline?: boolean;
}) {
  return (
    <ul className={inline ? 'quiz-choices quiz-choices-inline' : 'quiz-choices'}>
      {choices.map((choice) => (
        <li key={choice}>
          <label className="quiz-choice">
            <input
              type={type}
              name={type === 'radio' ? idBase : `${idBase}-${choice}`}
              value={choice}
              checked={isChecked(choice)}
              onChange={(e) => onPick(choice, e.currentTarget.checked)}
            />
            {label(choice)}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** A choice's content-language text, as single and multiple items label their inputs. */
export function ChoiceText({ nodes }: { nodes: Inline[] | undefined }) {
  return (
    <span>
      <Inlines nodes={nodes ?? []} />
    </span>
  );
}
