import { EapCodeInput, type EapPartner } from '@haven/contract';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddEapCode } from '../../../api/partnersOps.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';

type AddEapCodeFormProps = { partner: EapPartner; onAdded: (message: string) => void };

/** A new code for one organisation; its employees type it at sign-up. One field, so its error sits on it. */
export function AddEapCodeForm({ partner, onAdded }: AddEapCodeFormProps) {
  const { t } = useTranslation();
  const add = useAddEapCode();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const fieldId = `new-code-${partner.id}`;

  function refuse(message: string) {
    setError(message);
    input.current?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const checked = EapCodeInput.safeParse({ code });
    if (!checked.success) return refuse(t('partnersOps.validation.code'));
    setError(undefined);
    add.mutate(
      { partnerId: partner.id, body: checked.data },
      {
        onSuccess: () => {
          setCode('');
          onAdded(t('partnersOps.eap.codeAdded', { code: checked.data.code, name: partner.name }));
        },
        onError: (failure) => {
          if (failure.code === 'conflict') refuse(t('partnersOps.validation.codeTaken'));
          else if (failure.code === 'validation_failed') refuse(t('partnersOps.validation.code'));
        },
      },
    );
  }

  const failure = add.error && !['conflict', 'validation_failed'].includes(add.error.code) && t(`errors.${add.error.code}`);
  return (
    <form className="partners__add-code" noValidate onSubmit={submit}>
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField
        ref={input}
        id={fieldId}
        label={t('partnersOps.eap.newCode')}
        aria-label={t('partnersOps.eap.newCodeFor', { name: partner.name })}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={32}
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={error}
      />
      <Button type="submit" variant="secondary" className="button--small" loading={add.isPending}>
        {t('partnersOps.eap.addCode')}
        <span className="visually-hidden"> {t('partnersOps.eap.addCodeTo', { name: partner.name })}</span>
      </Button>
    </form>
  );
}
