import type { LiveSession } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/index.ts';
import { movedSessionIds, pastOutcome, type PastOutcome } from './sessionRules.ts';
import type { SessionWords } from './useSessionWords.ts';

const outcomeTone: Record<PastOutcome, BadgeTone> = {
  held: 'success',
  missedByYou: 'warning',
  missedByProvider: 'warning',
  moved: 'neutral',
  cancelledByYou: 'neutral',
  cancelledByYouLate: 'neutral',
  cancelledByProvider: 'neutral',
  declined: 'neutral',
  notRecorded: 'info',
};

type PastSessionsProps = { past: readonly LiveSession[]; upcoming: readonly LiveSession[]; words: SessionWords };

/** Sessions that have happened or will not, newest first, each with how it ended in plain words. */
export function PastSessions({ past, upcoming, words }: PastSessionsProps) {
  const { t } = useTranslation();
  const moved = movedSessionIds([...past, ...upcoming]);

  return (
    <section className="care__section" aria-labelledby="sessions-past-heading">
      <h2 id="sessions-past-heading">{t('clientSessions.past')}</h2>
      {past.length === 0 ? (
        <p>{t('clientSessions.nonePast')}</p>
      ) : (
        <ul className="bare-list sessions__list">
          {past.map((session) => {
            const outcome = pastOutcome(session, moved);
            return (
              <li key={session.id} className="sessions__item sessions__item--past">
                <div className="sessions__head">
                  <h3 className="sessions__when">{words.when(session)}</h3>
                  <Badge tone={outcomeTone[outcome]}>{t(`clientSessions.outcome.${outcome}`)}</Badge>
                </div>
                <p className="sessions__details">{words.details(session)}</p>
                {session.changeReason && <p className="muted">{t('clientSessions.changeReason', { reason: session.changeReason })}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
