import type { LiveSession } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideSession } from '../../../api/calendar.ts';
import { Alert, Button, TextAreaField } from '../../../ui/index.ts';
import { firstName } from './useCalendarWords.ts';

/** Confirm or decline a requested session; declining asks for an optional reason the client sees. */
export function DecisionControls({ session, onDone }: { session: LiveSession; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecideSession();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const name = firstName(session.clientName);
  const id = `decline-${session.id}`;

  function confirm() {
    if (decide.isPending) return;
    decide.mutate(
      { sessionId: session.id, decision: 'confirm' },
      { onSuccess: () => onDone(t('providerCalendar.decision.confirmed', { name })) },
    );
  }

  function decline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decide.isPending) return;
    const trimmed = reason.trim();
    decide.mutate(
      { sessionId: session.id, decision: 'decline', ...(trimmed ? { reason: trimmed } : {}) },
      { onSuccess: () => onDone(t('providerCalendar.decision.declined', { name })) },
    );
  }

  return (
    <div className="calendar__decision">
      {decide.isError && (
        <Alert tone="error">
          <p>{t(`errors.${decide.error.code}`)}</p>
        </Alert>
      )}
      {declining ? (
        <form className="form" noValidate onSubmit={decline} aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>{t('providerCalendar.decision.declineQuestion', { name })}</p>
          <TextAreaField
            id={`${id}-reason`}
            label={t('providerCalendar.reason')}
            hint={t('providerCalendar.reasonHint')}
            value={reason}
            maxLength={500}
            rows={2}
            autoFocus
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <div className="form__actions">
            <Button type="submit" className="button--small" loading={decide.isPending}>
              {t('providerCalendar.decision.declineConfirm')}
            </Button>
            <Button variant="quiet" className="button--small" onClick={() => setDeclining(false)}>
              {t('providerCalendar.decision.keep')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="form__actions">
          <Button className="button--small" loading={decide.isPending && decide.variables.decision === 'confirm'} onClick={confirm}>
            {t('providerCalendar.decision.confirm')}
            <span className="visually-hidden"> {t('providerCalendar.decision.forName', { name })}</span>
          </Button>
          <Button variant="secondary" className="button--small" onClick={() => setDeclining(true)}>
            {t('providerCalendar.decision.decline')}
            <span className="visually-hidden"> {t('providerCalendar.decision.forName', { name })}</span>
          </Button>
        </div>
      )}
    </div>
  );
}
