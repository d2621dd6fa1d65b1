import type { CoverageState, Message, RoomView } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCoverage } from '../../api/coverage.ts';
import { useInbox } from '../../api/room.ts';
import { Badge } from '../../ui/index.ts';
import { ProviderSummary } from '../care/ProviderSummary.tsx';
import { ClientProgressForRoom } from '../provider/clients/ClientProgress.tsx';
import { CheckIn } from '../screeners/CheckIn.tsx';
import type { RoomWords } from './roomWords.ts';

/** The client's side: who their provider is, and how messaging works on their coverage. */
export function ClientAside({ view, words }: { view: RoomView; words: RoomWords }) {
  const { t } = useTranslation();
  const coverage = useCoverage();
  return (
    <>
      {view.provider ? (
        <section className="room__panel" aria-labelledby="room-provider-name">
          <p className="room__eyebrow">{t('room.provider.heading')}</p>
          <ProviderSummary provider={view.provider} headingId="room-provider-name" />
        </section>
      ) : (
        <section className="room__panel" aria-labelledby="room-provider-heading">
          <h2 id="room-provider-heading" className="room__panel-heading">
            {t('room.provider.heading')}
          </h2>
          <p>{t('room.provider.none')}</p>
        </section>
      )}
      <CheckIn compact />
      {coverage.data && <SessionMeter coverage={coverage.data} words={words} />}
    </>
  );
}

/** On an organisation code or a health plan, messaging comes in sessions: is one open, and how many are left. */
function SessionMeter({ coverage, words }: { coverage: CoverageState; words: RoomWords }) {
  const { t } = useTranslation();
  const open = coverage.openMessagingSession;
  const credits = coverage.coverage?.kind === 'eap' ? coverage.coverage.creditsLeft : null;
  return (
    <section className="room__panel" aria-labelledby="room-meter-heading">
      <h2 id="room-meter-heading" className="room__panel-heading">
        {t('room.meter.heading')}
      </h2>
      {coverage.messaging === 'continuous' && <p>{t('room.meter.continuous')}</p>}
      {coverage.messaging === 'not_included' && (
        <p>
          {t('room.meter.notIncluded')} <Link to="/plan">{t('room.meter.seePlan')}</Link>
        </p>
      )}
      {coverage.messaging === 'sessions' && (
        <>
          {open ? (
            <p className="room__meter-open">{t('room.meter.openUntil', { until: words.dateTime(open.closesAt) })}</p>
          ) : (
            <p>
              {t('room.meter.closed')} <Link to="/care">{t('room.meter.start')}</Link>
            </p>
          )}
          {credits !== null && <p>{t('room.meter.creditsLeft', { count: credits })}</p>}
        </>
      )}
    </section>
  );
}

/** The provider's side: whose room it is and when a reply is due (kept fresh by the inbox). */
export function ProviderAside({ view, words }: { view: RoomView; words: RoomWords }) {
  const { t } = useTranslation();
  const inbox = useInbox();
  const entry = inbox.data?.rooms.find((room) => room.roomId === view.roomId);
  const replyBy = entry ? entry.replyBy : view.replyBy;
  const overdue = entry?.overdue ?? false;
  return (
    <>
      <section className="room__panel" aria-labelledby="room-client-heading">
        <h2 id="room-client-heading" className="room__panel-heading">
          {t('room.client.heading')}
        </h2>
        <p className="room__client-name">{view.clientName}</p>
        {replyBy ? (
          <p className="room__reply-by">
            {t('room.client.replyBy', { when: words.due(replyBy) })} {overdue && <Badge tone="danger">{t('room.client.overdue')}</Badge>}
          </p>
        ) : (
          <p>{t('room.client.nothingWaiting')}</p>
        )}
      </section>
      <ClientProgressForRoom roomId={view.roomId} />
    </>
  );
}

/** Every file in the room, newest first, to open again without scrolling back. */
export function SharedFiles({ files, words }: { files: readonly Message[]; words: RoomWords }) {
  const { t } = useTranslation();
  return (
    <section className="room__panel" aria-labelledby="room-files-heading">
      <h2 id="room-files-heading" className="room__panel-heading">
        {t('room.files.heading')}
      </h2>
      {files.length === 0 ? (
        <p className="muted">{t('room.files.none')}</p>
      ) : (
        <ul className="room__files">
          {files.map((file) => {
            const name = file.attachment?.filename ?? t('room.kind.file');
            return (
              <li key={file.id}>
                <a href={file.attachment?.url} download={name}>
                  {t('room.download', { name, size: words.size(file.attachment?.size ?? 0) })}
                </a>
                <span className="room__file-meta">
                  {file.senderName}, {words.when(file.sentAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
