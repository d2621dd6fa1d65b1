import { describedBy, FieldError, FieldHint } from './FieldParts.tsx';
import './CheckboxGroup.css';

type CheckboxFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** A single yes-or-no checkbox: a consent, a permission. */
export function CheckboxField({ id, label, hint, error, checked, onChange }: CheckboxFieldProps) {
  return (
    <div className={['choices', 'choices--single', error ? 'choices--invalid' : ''].filter(Boolean).join(' ')}>
      <FieldError id={id} error={error} />
      <div className="choices__item">
        <input
          id={id}
          type="checkbox"
          className="choices__box"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <span>
          <label htmlFor={id} className="choices__label choices__label--strong">
            {label}
          </label>
          <FieldHint id={id} hint={hint} />
        </span>
      </div>
    </div>
  );
}
