import type { MfaEnrolment } from '@haven/contract';
import { useState, type FormEvent, type ReactNode } from 'react';
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
      <CodeForm
        id="mfa-confirm-code"
        label={t('settings.mfa.codeLabel')}
        submitLabel={t('settings.mfa.confirm')}
        digitsOnly
        mutation={confirm}
        onCode={(code) => confirm.mutate({ code }, { onSuccess: onEnabled })}
      />
    </>
  );
}

type CodeFormProps = {
  id: string;
  label: string;
  submitLabel: string;
  /** The request the code is for: its pending state and its refusal show on the form. */
  mutation: { isPending: boolean; error: ApiFailure | null };
  onCode: (code: string) => void;
  heading?: string;
  /** Only the app's 6 digits will do (no recovery code): a numeric keyboard on phones. */
  digitsOnly?: boolean;
  secondary?: boolean;
  /** Fields asked before the code (the password, to turn it off). */
  children?: ReactNode;
};

/** One form that asks for a code from the app (or a recovery code) and sends it trimmed. */
function CodeForm({ id, label, submitLabel, mutation, onCode, heading, digitsOnly = false, secondary = false, children }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mutation.isPending) onCode(code.trim());
  }
  return (
    <form noValidate onSubmit={submit}>
      {heading && <h3>{heading}</h3>}
      {children}
      <TextField
        id={id}
        label={label}
        inputMode={digitsOnly ? 'numeric' : undefined}
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={errorText(t, mutation.error)}
      />
      <Button type="submit" variant={secondary ? 'secondary' : undefined} loading={mutation.isPending}>
        {submitLabel}
      </Button>
    </form>
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
  return (
    <CodeForm
      id="mfa-regenerate-code"
      heading={t('settings.mfa.regenerateHeading')}
      label={t('settings.mfa.anyCodeLabel')}
      submitLabel={t('settings.mfa.regenerate')}
      secondary
      mutation={regenerate}
      onCode={(code) => regenerate.mutate({ code }, { onSuccess: onCodes })}
    />
  );
}

function Disable() {
  const { t } = useTranslation();
  const disable = useDisableMfa();
  const [password, setPassword] = useState('');
  return (
    <CodeForm
      id="mfa-disable-code"
      heading={t('settings.mfa.disableHeading')}
      label={t('settings.mfa.anyCodeLabel')}
      submitLabel={t('settings.mfa.disable')}
      secondary
      mutation={disable}
      onCode={(code) => disable.mutate({ password, code })}
    >
      <PasswordField
        id="mfa-disable-password"
        label={t('fields.password.label')}
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
    </CodeForm>
  );
}
