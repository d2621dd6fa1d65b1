import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { describedBy, FieldError, FieldHint } from './FieldParts.tsx';
import './TextField.css';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Placed beside the input, inside the field, e.g. the show/hide password toggle. */
  adornment?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ id, label, hint, error, adornment, type = 'text', className, ...inputProps }: TextFieldProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className="field__control">
        <input
          {...inputProps}
          id={id}
          type={type}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        {adornment}
      </div>
    </div>
  );
}
