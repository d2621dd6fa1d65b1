import type { ParseKeys } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkWith } from '../../../forms/fieldMessages.ts';
import type { SafeParser } from '../../../forms/problems.ts';
import { Button, TextAreaField } from '../../../ui/index.ts';

type Props = {
  id: string;
  /** The request body's schema: `{ reason }`, checked before anything is sent. */
  schema: SafeParser<{ reason: string }>;
  /** The message key shown when the reason does not pass the schema. */
  invalid: ParseKeys;
  label: string;
  hint: string;
  action: string;
  pending: boolean;
  /** Sends the checked body; `clear` empties the field once the change went through. */
  onSubmit: (body: { reason: string }, clear: () => void) => void;
};

/** An operator's action that the audit trail records with the reason written here. */
export function ReasonForm({ id, schema, invalid, label, hint, action, pending, onSubmit }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const checked = checkWith(schema, { reason }, { reason: invalid });
    if (!checked.ok) {
      setError(t(invalid));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onSubmit(checked.data, () => setReason(''));
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      <TextAreaField
        id={id}
        label={label}
        hint={hint}
        value={reason}
        rows={3}
        maxLength={500}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={error}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={pending}>
          {action}
        </Button>
      </div>
    </form>
  );
}
