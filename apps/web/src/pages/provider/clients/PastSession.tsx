import { sessionOutcomes } from '@haven/contract';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordSessionOutcome, type SessionOutcome } from '../../../api/caseload.ts';
import { useNow } from '../../../time/useNow.ts';
import { Alert, Badge, Button, ButtonLink, type BadgeTone } from '../../../ui/index.ts';
import type { CaseloadSession } from './LiveSessions.tsx';

type RecordedOutcome = NonNullable<CaseloadSession['outcome']>;

const outcomeTone: Record<RecordedOutcome, BadgeTone> = {
  completed: 'success',
  client_no_show: 'warning',
  provider_no_show: 'warning',
  cancelled_early: 'neutral',
  cancelled_late: 'neutral',
  cancelled_by_provider: 'neutral',
  declined: 'neutral',
};

type PastSessionProps = {
  session: CaseloadSession;
  /** When it was and how, in words: "Tue, Jun 3, 2025, 5:00 PM CDT · Video". */
  description: string;
  clientName: string;
  onChanged: (message: string) => void;
};

/** A session that has started or was cancelled: how it went, or the buttons that say so. */
export function PastSession({ session, description, clientName, onChanged }: PastSessionProps) {
  const { t } = useTranslation();
  const record = useRecordSessionOutcome();
  const item = useRef<HTMLLIElement>(null);
  const descriptionId = `session-${session.id}`;
  const needsOutcome = session.outcome === null && session.status === 'booked';
  // A session that was held (or has started) has notes to write.
  const now = useNow();
  const hasNotes = session.status !== 'cancelled' && Date.parse(session.startsAt) <= now;

  function choose(outcome: SessionOutcome) {
    record.mutate(
      { sessionId: session.id, outcome },
      {
        onSuccess: () => {
          onChanged(t('caseload.live.recorded', { name: clientName, when: description, outcome: t(`caseload.outcome.${outcome}`) }));
          // The buttons are gone; focus stays on this session, now showing what was recorded.
          item.current?.focus();
        },
      },
    );
  }

  const failure =
    record.error && (record.error.code === 'conflict' ? t('caseload.live.outcomeConflict') : t(`errors.${record.error.code}`));
  return (
    <li className="caseload__session" ref={item} tabIndex={-1}>
      <span id={descriptionId}>{description}</span>
      {session.outcome && <Badge tone={outcomeTone[session.outcome]}>{t(`caseload.outcome.${session.outcome}`)}</Badge>}
      {!session.outcome && session.status !== 'booked' && (
        <Badge tone={session.status === 'completed' ? 'success' : 'neutral'}>{t(`caseload.status.${session.status}`)}</Badge>
      )}
      {hasNotes && (
        <ButtonLink to={`/provider/sessions/${session.id}/note`} variant="quiet" className="button--small">
          {t('caseload.live.progressNote')}
          <span className="visually-hidden"> {t('caseload.live.progressNoteFor', { name: clientName, when: description })}</span>
        </ButtonLink>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
      {needsOutcome && (
        <div className="table__actions" role="group" aria-label={t('caseload.live.outcomeQuestion', { when: description })}>
          {sessionOutcomes.map((outcome) => (
            <Button
              key={outcome}
              variant={outcome === 'completed' ? 'primary' : 'secondary'}
              className="button--small"
              loading={record.isPending && record.variables?.outcome === outcome}
              onClick={() => choose(outcome)}
            >
              {t(`caseload.choose.${outcome}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
