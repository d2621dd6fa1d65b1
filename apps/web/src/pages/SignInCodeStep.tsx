import { MfaCodeRequest } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignInCode } from '../api/mfa.ts';
import { Button, TextField } from '../ui/index.ts';
import './AuthPage.css';

/** The second step of signing in: a code from the authenticator app, or one recovery code. */
export function SignInCodeStep({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSignInCode();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending) return;
    const checked = MfaCodeRequest.safeParse({ code });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    submit.mutate(checked.data, {
      onSuccess: () => void navigate('/home', { replace: true }),
      onError: (failure) => {
        if (failure.code === 'mfa_challenge_ended') onRestart();
        else setError(t(`errors.${failure.code}`));
      },
    });
  }

  return (
    <div className="auth">
      <h1>{t('mfa.signIn.heading')}</h1>
      <p className="lead">{t('mfa.signIn.lead')}</p>
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="sign-in-code"
          name="code"
          label={t('mfa.signIn.codeLabel')}
          hint={t('mfa.signIn.codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={error}
        />
        <Button type="submit" loading={submit.isPending}>
          {t('mfa.signIn.submit')}
        </Button>
      </form>
      <p>
        <Button variant="quiet" onClick={onRestart}>
          {t('mfa.signIn.restart')}
        </Button>
      </p>
    </div>
  );
}
