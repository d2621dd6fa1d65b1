import type { MfaEnrolment } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../api/client.ts';
import { useConfirmMfaEnrolment, useDisableMfa, useMfaStatus, useRegenerateRecoveryCodes, useStartMfaEnrolment } from '../../api/mfa.ts';
import { Alert, Button, Card, PasswordField, Spinner, TextField } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';

const errorText = (t: (key: `errors.${ApiFailure['code']}`) => string, failure: ApiFailure | null) =>
  failure ? (failure.issues[0]?.message ?? t(`errors.${failure.code}`)) : undefined;

/** Two-step sign-in: set up with a QR code, recovery codes shown once, turn off, new recovery codes. */
export function TwoStepSection() {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (status.isError) return <LoadFailed failure={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Spinner />;
  const { enabled, required, recoveryCodesLeft } = status.data;
  return (
    <Card title={t('settings.mfa.heading')} headingId="settings-mfa" badge={enabled ? t('settings.mfa.on') : t('settings.mfa.off')}>
      {required && !enabled && <Alert tone="info">{t('settings.mfa.required')}</Alert>}
      {codes && <RecoveryCodeList codes={codes} onDone={() => setCodes(null)} />}
      {!codes && !enabled && <Enrol onEnabled={setCodes} />}
      {!codes && enabled && (
        <>
          <p>{t('settings.mfa.enabledLead', { count: recoveryCodesLeft })}</p>
          <Regenerate onCodes={setCodes} />
          <Disable />
        </>
      )}
    </Card>
  );
}

function Enrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfaEnrolment();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [code, setCode] = useState('');
  if (!enrolment) {
    return (
      <>
        <p>{t('settings.mfa.offLead')}</p>
        {start.error && <Alert tone="error">{errorText(t, start.error)}</Alert>}
        <Button loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
          {t('settings.mfa.start')}
        </Button>
      </>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: code.trim() }, { onSuccess: onEnabled });
  }
  return (
    <>
      <p>{t('settings.mfa.scan')}</p>
      <img
        className="mfa-qr"
        width={200}
        height={200}
        alt={t('settings.mfa.qrAlt')}
        src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
      />
      <p>
        {t('settings.mfa.secretLabel')} <code data-testid="mfa-secret">{enrolment.secret}</code>
      </p>
      <form noValidate onSubmit={submit}>
        <TextField
          id="mfa-confirm-code"
          label={t('settings.mfa.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errorText(t, confirm.error)}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('settings.mfa.confirm')}
        </Button>
      </form>
    </>
  );
}

function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <>
      <Alert tone="info" title={t('settings.mfa.codesHeading')}>
        {t('settings.mfa.codesLead')}
      </Alert>
      <ul className="mfa-codes" aria-label={t('settings.mfa.codesHeading')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
        {copied ? t('settings.mfa.copied') : t('settings.mfa.copy')}
      </Button>{' '}
      <a href={download} download="haven-recovery-codes.txt">
        {t('settings.mfa.download')}
      </a>{' '}
      <Button onClick={onDone}>{t('settings.mfa.saved')}</Button>
    </>
  );
}

function Regenerate({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        regenerate.mutate({ code: code.trim() }, { onSuccess: onCodes });
      }}
    >
      <h3>{t('settings.mfa.regenerateHeading')}</h3>
      <TextField
        id="mfa-regenerate-code"
        label={t('settings.mfa.anyCodeLabel')}
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={errorText(t, regenerate.error)}
      />
      <Button type="submit" variant="secondary" loading={regenerate.isPending}>
        {t('settings.mfa.regenerate')}
      </Button>
    </form>
  );
}

function Disable() {
  const { t } = useTranslation();
  const disable = useDisableMfa();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        disable.mutate({ password, code: code.trim() });
      }}
    >
      <h3>{t('settings.mfa.disableHeading')}</h3>
      <PasswordField
        id="mfa-disable-password"
        label={t('fields.password.label')}
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <TextField
        id="mfa-disable-code"
        label={t('settings.mfa.anyCodeLabel')}
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={errorText(t, disable.error)}
      />
      <Button type="submit" variant="secondary" loading={disable.isPending}>
        {t('settings.mfa.disable')}
      </Button>
    </form>
  );
}
