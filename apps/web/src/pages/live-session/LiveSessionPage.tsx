import type { Me } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../api/sessions.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ButtonLink, Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { CallView } from './CallView.tsx';
import type { Joined } from './joined.ts';
import { Lobby } from './Lobby.tsx';
import './liveSession.css';

/** `/sessions/:sessionId`: the lobby, then the session itself, for the client and the provider. */
export function LiveSessionPage() {
  usePageTitle('liveSession.title');
  const { sessionId = '' } = useParams();
  return <RequireAccount>{(me) => <SessionScreen key={sessionId} sessionId={sessionId} me={me} />}</RequireAccount>;
}

function SessionScreen({ sessionId, me }: { sessionId: string; me: Me }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  const [joined, setJoined] = useState<Joined | null>(null);
  if (session.isError) return <LoadFailed failure={session.error} onRetry={() => void session.refetch()} what="liveSession.loadFailed" />;
  if (!session.data) return <Spinner />;
  const back = me.role === 'provider' ? '/provider/calendar' : '/sessions';
  return (
    <div className="live-session">
      <p>
        <ButtonLink to={back} variant="quiet">
          {t(me.role === 'provider' ? 'liveSession.backProvider' : 'liveSession.backClient')}
        </ButtonLink>
      </p>
      {joined && !session.data.endedAt ? (
        <CallView joined={joined} session={session.data} me={me} onLeave={() => setJoined(null)} />
      ) : (
        <Lobby session={session.data} role={me.role === 'provider' ? 'provider' : 'client'} onJoined={setJoined} />
      )}
    </div>
  );
}
