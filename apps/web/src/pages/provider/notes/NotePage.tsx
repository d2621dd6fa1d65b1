import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNoteView } from '../../../api/notes.ts';
import { useWorkspace } from '../../../api/workspace.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone, formatDateTime } from '../../../time/formatting.ts';
import { Alert, ButtonLink, Card, Fact, Spinner, StatusMessage } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { Amendments } from './Amendments.tsx';
import { ProgressNoteForm } from './ProgressNoteForm.tsx';
import { PsychotherapyNoteForm } from './PsychotherapyNoteForm.tsx';
import { SignedNote } from './SignedNote.tsx';
import './notes.css';

/** A live session's notes (PRODUCT §2.5): the progress note to draft and sign, and private psychotherapy notes. */
export function NotePage() {
  const { t, i18n } = useTranslation();
  usePageTitle('notes.title');
  const { sessionId = '' } = useParams();
  const view = useNoteView(sessionId);
  const vocabulary = useVocabulary();
  // Times are shown in the provider's own time zone, as on their clients page.
  const timeZone = useWorkspace().data?.profile.timeZone ?? browserTimeZone();
  // Said in a live region that outlives the form a save or a signature replaces.
  const [message, setMessage] = useState<string | null>(null);

  if (view.isPending) return <Spinner />;
  if (view.isError) return <LoadFailed failure={view.error} onRetry={() => void view.refetch()} what="notes.loadFailed" />;
  const { session, note, writable } = view.data;
  const signed = note?.status === 'signed';

  return (
    <div className="workspace notes">
      <div className="workspace__intro">
        <h1>{t('notes.heading', { name: session.clientName })}</h1>
        <ButtonLink to="/provider/clients" variant="quiet">
          {t('notes.backToClients')}
        </ButtonLink>
      </div>
      <Card title={t('notes.session.heading')} headingId="note-session">
        <dl className="facts">
          <Fact term={t('notes.session.client')}>{session.clientName}</Fact>
          <Fact term={t('notes.session.when')}>{formatDateTime(session.startsAt, timeZone, i18n.language)}</Fact>
          <Fact term={t('notes.session.length')}>{t('notes.minutes', { count: session.lengthMinutes })}</Fact>
          <Fact term={t('notes.session.modality')}>{vocabulary.modality(session.modality)}</Fact>
          <Fact term={t('notes.session.status')}>{t(`notes.sessionStatus.${session.status}`)}</Fact>
        </dl>
      </Card>
      <StatusMessage message={message} />
      {!writable && !note && <Alert tone="info">{t(session.status === 'cancelled' ? 'notes.cancelled' : 'notes.notYet')}</Alert>}
      {signed && (
        <>
          <SignedNote note={note} timeZone={timeZone} />
          <Amendments sessionId={sessionId} amendments={view.data.amendments} timeZone={timeZone} onChanged={setMessage} />
        </>
      )}
      {!signed && writable && <ProgressNoteForm sessionId={sessionId} view={view.data} onChanged={setMessage} />}
      {(writable || view.data.psychotherapyNote) && (
        <PsychotherapyNoteForm sessionId={sessionId} saved={view.data.psychotherapyNote} onChanged={setMessage} />
      )}
    </div>
  );
}
