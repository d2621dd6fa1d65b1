import type { LiveSession } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';
import { formatDateTime, formatTimeOfDay } from '../../time/formatting.ts';
import { sameDay } from './sessionRules.ts';

/** How a live session reads to the client: when, how long, how, with whom, and at what cost. */
export function useSessionWords(timeZone: string) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  return {
    when: (session: Pick<LiveSession, 'startsAt'>) => formatDateTime(session.startsAt, timeZone, locale),
    details: (session: LiveSession) =>
      t('clientSessions.details', {
        minutes: session.lengthMinutes,
        modality: t(`liveBooking.modalityWords.${session.modality}`),
        name: session.providerName,
      }),
    cost: (session: Pick<LiveSession, 'costCents'>) =>
      session.costCents > 0 ? t('clientSessions.cost', { cost: formatCents(session.costCents) }) : t('clientSessions.costNone'),
    /** "Opens at 2:50 PM" on the day itself; before that day, when it opens in relation to the start. */
    joinOpens: (session: Pick<LiveSession, 'joinOpensAt'>, now: number) =>
      sameDay(Date.parse(session.joinOpensAt), now, timeZone)
        ? t('clientSessions.opensAt', { time: formatTimeOfDay(session.joinOpensAt, timeZone, locale) })
        : t('clientSessions.opensBefore'),
  };
}

export type SessionWords = ReturnType<typeof useSessionWords>;
