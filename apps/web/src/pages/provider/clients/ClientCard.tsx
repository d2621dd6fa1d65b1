import type { Caseload } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { ButtonLink, Card, Fact } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { LiveSessions } from './LiveSessions.tsx';
import { MessagingSessionPanel } from './MessagingSessionPanel.tsx';

export type CaseloadClient = Caseload['clients'][number];

type ClientCardProps = {
  client: CaseloadClient;
  timeZone: string;
  /** Said in the page's live region, which outlives the buttons that go once something is recorded. */
  onChanged: (message: string) => void;
};

/** One client: who, since when, how they pay; their messaging session and live sessions. */
export function ClientCard({ client, timeZone, onChanged }: ClientCardProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const since = new Intl.DateTimeFormat(vocabulary.locale, { timeZone, dateStyle: 'medium' }).format(new Date(client.since));

  return (
    <Card title={client.name} headingId={`client-${client.clientId}`} className="caseload__client">
      <dl className="facts">
        <Fact term={t('caseload.since')}>{since}</Fact>
        <Fact term={t('caseload.coverage')}>{client.coverage ? vocabulary.coverage(client.coverage) : t('caseload.coverageUnknown')}</Fact>
      </dl>
      <ButtonLink to={`/provider/rooms/${client.roomId}`} variant="secondary">
        {t('caseload.openRoom', { name: client.name })}
      </ButtonLink>
      <MessagingSessionPanel client={client} timeZone={timeZone} onChanged={onChanged} />
      <LiveSessions client={client} timeZone={timeZone} onChanged={onChanged} />
    </Card>
  );
}
