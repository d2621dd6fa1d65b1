import { describedBy, FieldError, FieldHint } from './FieldParts.tsx';
import './CheckboxGroup.css';

export type Choice<V extends string | number> = { value: V; label: string; description?: string };

type CheckboxGroupProps<V extends string | number> = {
  /** The fieldset's id; each checkbox is `${id}-${value}`. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: readonly Choice<V>[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  /** Lays long lists out in columns on wider screens. */
  columns?: boolean;
};

export function CheckboxGroup<V extends string | number>({
  id,
  legend,
  hint,
  error,
  choices,
  selected,
  onChange,
  columns = false,
}: CheckboxGroupProps<V>) {
  function toggle(value: V, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    // Keep the order the choices are shown in; anything selected but not shown stays, at the end.
    const shown = choices.map((choice) => choice.value);
    const notShown = selected.filter((value) => !shown.includes(value));
    onChange([...shown, ...notShown].filter((value) => next.has(value)));
  }

  return (
    <fieldset
      id={id}
      className={['choices', error ? 'choices--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="choices__legend">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <ul className={['choices__list', columns ? 'choices__list--columns' : ''].filter(Boolean).join(' ')}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <li key={choice.value} className="choices__item">
              <input
                id={inputId}
                type="checkbox"
                className="choices__box"
                checked={selected.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
                aria-describedby={choice.description ? `${inputId}-description` : undefined}
              />
              <span>
                <label htmlFor={inputId} className="choices__label">
                  {choice.label}
                </label>
                {choice.description && (
                  <span id={`${inputId}-description`} className="choices__description">
                    {choice.description}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
