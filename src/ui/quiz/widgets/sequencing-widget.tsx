import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SequencingPublic, SequencingUserInput } from '../../../content/quiz-model.ts';
import { Inlines, inlineText } from '../../content/render.tsx';
import { useUiAttrs } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';
import { ItemFieldset } from './widget-parts.tsx';

/**
 * An ordered list with Move up / Move down buttons on every step: no dragging needed. Each move
 * is announced in the live region, and focus follows the moved step so the learner can keep
 * pressing the same button. Buttons at the ends are aria-disabled (not disabled) so they keep
 * focus.
 */
export function SequencingWidget(props: WidgetProps<SequencingPublic, SequencingUserInput>) {
  const { item, text, value, onChange, idBase, legend, announce } = props;
  const { t } = useTranslation();
  const ui = useUiAttrs();
  const order = value?.order ?? item.steps;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    if (pendingFocus.current) {
      buttons.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  const move = (from: number, by: -1 | 1) => {
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    const id = order[from]!;
    const dir = by < 0 ? 'up' : 'down';
    // Stay on the same button, or the other one when the step reached an end.
    const atEnd = (by < 0 && to === 0) || (by > 0 && to === order.length - 1);
    pendingFocus.current = `${id}:${atEnd ? (dir === 'up' ? 'down' : 'up') : dir}`;
    onChange({ order: next });
    announce(
      t('quiz.sequencing.moved', {
        item: inlineText(text.choices[id] ?? []),
        position: to + 1,
        total: order.length,
      }),
    );
  };

  return (
    <ItemFieldset idBase={idBase} legend={legend} hint={t('quiz.hint.sequencing')}>
      <ol className="quiz-sequence">
        {order.map((id, i) => {
          const label = inlineText(text.choices[id] ?? []);
          return (
            <li key={id} data-step={id}>
              <div className="quiz-step-row">
                <span className="quiz-step">
                  <Inlines nodes={text.choices[id] ?? []} />
                </span>
                <span className="quiz-step-buttons">
                  {(['up', 'down'] as const).map((dir) => {
                    const disabled = dir === 'up' ? i === 0 : i === order.length - 1;
                    return (
                      <button
                        key={dir}
                        type="button"
                        className="icon-button quiz-move"
                        ref={(el) => {
                          if (el) buttons.current.set(`${id}:${dir}`, el);
                          else buttons.current.delete(`${id}:${dir}`);
                        }}
                        aria-disabled={disabled || undefined}
                        onClick={() => !disabled && move(i, dir === 'up' ? -1 : 1)}
                      >
                        <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span>
                        <span className="visually-hidden" {...ui}>
                          {t(dir === 'up' ? 'quiz.sequencing.up' : 'quiz.sequencing.down', { item: label })}
                        </span>
                      </button>
                    );
                  })}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </ItemFieldset>
  );
}
