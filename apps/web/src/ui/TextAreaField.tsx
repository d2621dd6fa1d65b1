import type { TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldError, FieldHint } from './FieldParts.tsx';
import './TextField.css';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value'> & {
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  /** Shows a counter of characters used out of this many. */
  maxLength?: number;
};

export function TextAreaField({ id, label, value, hint, error, maxLength, className, ...areaProps }: TextAreaFieldProps) {
  const { t, i18n } = useTranslation();
  const counterId = `${id}-count`;
  const described = [describedBy(id, hint, error), maxLength ? counterId : ''].filter(Boolean).join(' ');
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        {...areaProps}
        id={id}
        value={value}
        maxLength={maxLength}
        className="field__input field__textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {maxLength && (
        <p className="field__hint" id={counterId}>
          {t('form.characterCount', { count: value.length, used: number(value.length), max: number(maxLength) })}
        </p>
      )}
    </div>
  );
}
