import { LicenceDecision as LicenceDecisionInput, type Licence } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideLicence } from '../../api/operations.ts';
import { checkWith } from '../../forms/fieldMessages.ts';
import { Alert, Button, TextAreaField } from '../../ui/index.ts';
import { licenceCellIds, useLicenceName } from './LicenceTable.tsx';
import './LicenceDecision.css';

const reasonMessage = { reason: 'validation.rejection.reason' } as const;

type LicenceDecisionProps = {
  licence: Licence;
  /** Said in a live region that outlives this row, which disappears once the decision is made. */
  onDecided: (message: string) => void;
};

/**
 * Verify or reject one pending licence; rejecting asks for the reason the provider will read. Sits in
 * a table row whose cells carry `licenceCellIds`.
 */
export function LicenceDecision({ licence, onDecided }: LicenceDecisionProps) {
  const { t } = useTranslation();
  const decide = useDecideLicence();
  const licenceName = useLicenceName();
  const [rejecting, setRejecting] = useState(false);
  // After "Cancel", focus goes back to the Reject button it came from.
  const [cancelled, setCancelled] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const reasonId = `reject-reason-${licence.id}`;
  const cells = licenceCellIds(licence);
  const name = licenceName(licence);

  function verify() {
    decide.mutate(
      { licenceId: licence.id, body: { decision: 'verify' } },
      { onSuccess: () => onDecided(t('licenceDecision.verified', { licence: name })) },
    );
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decide.isPending) return;
    const checked = checkWith(LicenceDecisionInput, { decision: 'reject', reason }, reasonMessage);
    if (!checked.ok) {
      setReasonError(t('validation.rejection.reason'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    decide.mutate(
      { licenceId: licence.id, body: checked.data },
      { onSuccess: () => onDecided(t('licenceDecision.rejected', { licence: name })) },
    );
  }

  const failure = decide.isError && <Alert tone="error">{t(`errors.${decide.error.code}`)}</Alert>;
  if (rejecting) {
    return (
      <form className="decision__reject" noValidate onSubmit={reject}>
        {failure}
        <TextAreaField
          id={reasonId}
          label={t('licenceDecision.reason')}
          hint={t('licenceDecision.reasonHint', { licence: name })}
          value={reason}
          maxLength={500}
          rows={3}
          autoFocus
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
        />
        <div className="table__actions">
          <Button type="submit" className="button--small" loading={decide.isPending}>
            {t('licenceDecision.confirmReject')}
          </Button>
          <Button
            variant="quiet"
            className="button--small"
            onClick={() => {
              setRejecting(false);
              setCancelled(true);
            }}
          >
            {t('licenceDecision.cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <>
      {failure}
      <Button className="button--small" loading={decide.isPending} onClick={verify} aria-describedby={cells}>
        {t('licenceDecision.verify')}
      </Button>
      <Button
        variant="secondary"
        className="button--small"
        onClick={() => setRejecting(true)}
        aria-describedby={cells}
        autoFocus={cancelled}
      >
        {t('licenceDecision.reject')}
      </Button>
    </>
  );
}
