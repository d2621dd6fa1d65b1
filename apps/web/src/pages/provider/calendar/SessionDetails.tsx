import type { LiveSession } from '@haven/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarFileUrl } from '../../../api/sessions.ts';
import { formatDateTime } from '../../../time/formatting.ts';
import { Badge, Button, ButtonLink, Fact } from '../../../ui/index.ts';
import { CancelControl } from './CancelControl.tsx';
import { DecisionControls } from './DecisionControls.tsx';
import { RescheduleForm } from './RescheduleForm.tsx';
import { firstName, statusTones, useCalendarWords } from './useCalendarWords.ts';

type SessionDetailsProps = {
  session: LiveSession;
  timeZone: string;
  now: number;
  onClose: () => void;
  onDone: (message: string) => void;
  onMoved: (session: LiveSession, message: string) => void;
};

type Change = 'none' | 'reschedule' | 'cancel';

/** One session: when, how, its state, and what the provider can do with it now. */
export function SessionDetails({ session, timeZone, now, onClose, onDone, onMoved }: SessionDetailsProps) {
  const { t, i18n } = useTranslation();
  const words = useCalendarWords(timeZone);
  const [change, setChange] = useState<Change>('none');
  const heading = useRef<HTMLHeadingElement>(null);
  const name = firstName(session.clientName);
  const open = session.status === 'requested' || session.status === 'booked';
  const ahead = new Date(session.startsAt).getTime() > now;
  const started = (session.status === 'booked' || session.status === 'completed') && new Date(session.startsAt).getTime() <= now;

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="card calendar__details" aria-labelledby="session-details-heading">
      <div className="calendar__details-head">
        <h2 id="session-details-heading" ref={heading} tabIndex={-1}>
          {t('providerCalendar.details.heading', { name: session.clientName })}
        </h2>
        <Button variant="quiet" className="button--small" onClick={onClose}>
          {t('providerCalendar.details.close')}
        </Button>
      </div>
      <dl className="facts">
        <Fact term={t('providerCalendar.details.when')}>
          {formatDateTime(session.startsAt, timeZone, i18n.language)} (
          {t('providerCalendar.details.minutes', { count: session.lengthMinutes })})
        </Fact>
        <Fact term={t('providerCalendar.details.modality')}>{words.modality(session)}</Fact>
        <Fact term={t('providerCalendar.details.status')}>
          <Badge tone={statusTones[session.status]}>{words.status(session)}</Badge>
        </Fact>
        {session.changeReason && <Fact term={t('providerCalendar.details.reason')}>{session.changeReason}</Fact>}
      </dl>
      {session.status === 'requested' && <DecisionControls session={session} onDone={onDone} />}
      <div className="form__actions calendar__actions">
        {session.joinable && (
          <ButtonLink to={`/sessions/${session.id}`} className="button--small">
            {t('providerCalendar.details.join')}
          </ButtonLink>
        )}
        {open && ahead && change === 'none' && (
          <>
            <Button variant="secondary" className="button--small" onClick={() => setChange('reschedule')}>
              {t('providerCalendar.reschedule.open')}
            </Button>
            <Button variant="secondary" className="button--small" onClick={() => setChange('cancel')}>
              {t('providerCalendar.cancel.open')}
            </Button>
          </>
        )}
        <a className="button button--quiet button--small" href={calendarFileUrl(session.id)} download>
          {t('providerCalendar.details.ics')}
        </a>
        {started && (
          <ButtonLink variant="quiet" to={`/provider/sessions/${session.id}/note`} className="button--small">
            {t('providerCalendar.details.note')}
          </ButtonLink>
        )}
      </div>
      {change === 'reschedule' && (
        <RescheduleForm session={session} timeZone={timeZone} onMoved={onMoved} onKeep={() => setChange('none')} />
      )}
      {change === 'cancel' && (
        <CancelControl
          session={session}
          name={name}
          onCancelled={(message) => {
            setChange('none');
            onDone(message);
          }}
          onKeep={() => setChange('none')}
        />
      )}
    </section>
  );
}
