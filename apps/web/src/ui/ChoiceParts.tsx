import type { ReactNode } from 'react';
import { describedBy, FieldError, FieldHint } from './FieldParts.tsx';
import './CheckboxGroup.css';

export type Choice<V extends string | number> = { value: V; label: string; description?: string };

/** What every group of checkboxes or radios has: its id, its legend, and perhaps a hint and an error. */
export type ChoiceGroupProps = { id: string; legend: string; hint?: string; error?: string };

type ChoiceFieldsetProps = ChoiceGroupProps & {
  /** Long lists in columns, short answers side by side; one under another when left out. */
  layout?: 'columns' | 'inline';
  children: ReactNode;
};

/** A group of checkboxes or radios: a fieldset named by its legend, with its hint and error. */
export function ChoiceFieldset({ id, legend, hint, error, layout, children }: ChoiceFieldsetProps) {
  return (
    <fieldset
      id={id}
      className={['choices', error ? 'choices--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="choices__legend">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <ul className={['choices__list', layout ? `choices__list--${layout}` : ''].filter(Boolean).join(' ')}>{children}</ul>
    </fieldset>
  );
}

type ChoiceItemProps<V extends string | number> = {
  groupId: string;
  type: 'checkbox' | 'radio';
  choice: Choice<V>;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** One checkbox or radio with its label and, when it has one, a description. */
export function ChoiceItem<V extends string | number>({ groupId, type, choice, checked, onChange }: ChoiceItemProps<V>) {
  const inputId = `${groupId}-${choice.value}`;
  return (
    <li className="choices__item">
      <input
        id={inputId}
        type={type}
        name={type === 'radio' ? groupId : undefined}
        value={choice.value}
        className="choices__box"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
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
}
