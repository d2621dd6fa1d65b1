import type { CareTeamMember } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSwitchProvider } from '../../api/care.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { Alert, Button, RadioGroup, TextAreaField, type Choice } from '../../ui/index.ts';

type SwitchField = 'reason' | 'history';
const fieldIds: Record<SwitchField, string> = { reason: 'switch-reason', history: 'switch-history' };
const REASON_MAX = 1000;

type SwitchProviderProps = {
  member: CareTeamMember;
  onSwitched: (message: string) => void;
  /** Why switching is suggested now (the provider does not accept the client's new coverage). */
  notice?: string;
};

/** Switching provider: opened on request, with a reason (optional) and the history decision (required). */
export function SwitchProvider({ member, onSwitched, notice }: SwitchProviderProps) {
  const { t } = useTranslation();
  const switchProvider = useSwitchProvider();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<'yes' | 'no' | null>(null);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<SwitchField>();
  const currentName = `${member.provider.firstName} ${member.provider.lastName}`;
  const historyChoices: Choice<'yes' | 'no'>[] = [
    { value: 'yes', label: t('care.switch.historyYes') },
    { value: 'no', label: t('care.switch.historyNo') },
  ];

  function close() {
    setOpen(false);
    setReason('');
    setHistory(null);
    clear();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (switchProvider.isPending) return;
    if (history === null) {
      report({ fields: { history: { key: 'care.switch.choose' } } });
      return;
    }
    clear();
    const body = {
      fromAssignmentId: member.assignmentId,
      mayReadEarlierConversation: history === 'yes',
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    switchProvider.mutate(body, {
      onSuccess: (care) => {
        close();
        const next = care.current;
        if (next && next.assignmentId !== member.assignmentId) {
          onSwitched(t('care.switch.done', { name: `${next.provider.firstName} ${next.provider.lastName}` }));
        } else {
          onSwitched(t('care.switch.queued', { name: currentName }));
        }
      },
      onError: (failure) => report({ fields: {}, general: { key: `errors.${failure.code}` } }),
    });
  }

  return (
    <section className="care__section" aria-labelledby="care-switch-heading">
      <h2 id="care-switch-heading">{t('care.switch.heading')}</h2>
      {notice && (
        <Alert tone="info">
          <p>{notice}</p>
        </Alert>
      )}
      <p>{t('care.switch.lead')}</p>
      {!open ? (
        <Button variant="secondary" aria-expanded={false} aria-controls="care-switch-form" onClick={() => setOpen(true)}>
          {t('care.switch.open')}
        </Button>
      ) : (
        <form id="care-switch-form" className="form care__form" noValidate onSubmit={handleSubmit}>
          {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
          <TextAreaField
            id={fieldIds.reason}
            label={t('care.switch.reason')}
            hint={t('care.switch.reasonHint')}
            value={reason}
            maxLength={REASON_MAX}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errorFor('reason')}
          />
          <RadioGroup
            id={fieldIds.history}
            legend={t('care.switch.history')}
            choices={historyChoices}
            value={history}
            onChange={setHistory}
            error={errorFor('history')}
          />
          <div className="form__actions">
            <Button type="submit" loading={switchProvider.isPending}>
              {t('care.switch.confirm')}
            </Button>
            <Button variant="quiet" onClick={close}>
              {t('care.switch.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
