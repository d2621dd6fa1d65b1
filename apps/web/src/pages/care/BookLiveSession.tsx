import type { CareTeamMember, CoverageState } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBookingOptions, useNextTwoWeeks } from '../../api/sessions.ts';
import { describeTimeZone } from '../../time/formatting.ts';
import { Alert, Spinner } from '../../ui/index.ts';
import { BookingForm } from './BookingForm.tsx';

type BookLiveSessionProps = {
  state: CoverageState;
  member: CareTeamMember;
  timeZone: string;
  onBooked: (message: string) => void;
};

/** Booking a live session (or a weekly series) with the current provider: length, way of meeting, time, cost. */
export function BookLiveSession({ state, member, timeZone, onBooked }: BookLiveSessionProps) {
  const { t } = useTranslation();

  return (
    <section className="care__section" aria-labelledby="care-book-heading">
      <h2 id="care-book-heading">{t('care.book.heading', { name: member.provider.firstName })}</h2>
      {state.live ? (
        <OpenTimes state={state} member={member} timeZone={timeZone} onBooked={onBooked} />
      ) : (
        <p>
          {t('care.book.notIncluded')} <Link to="/plan">{t('care.seePlan')}</Link>
        </p>
      )}
    </section>
  );
}

function OpenTimes({ state, member, timeZone, onBooked }: BookLiveSessionProps) {
  const { t, i18n } = useTranslation();
  const range = useNextTwoWeeks();
  // Left unset, the provider's usual length; a choice of another reads the open times again.
  const [length, setLength] = useState<number | undefined>(undefined);
  const options = useBookingOptions(range, length);

  if (options.isPending) return <Spinner label={t('care.book.loading')} />;
  if (options.isError) {
    return (
      <Alert tone="error">
        <p>{t('care.book.loadFailed')}</p>
        <p>{t(`errors.${options.error.code}`)}</p>
      </Alert>
    );
  }
  return (
    <>
      <p className="muted">{t('liveBooking.zone', { zone: describeTimeZone(timeZone, i18n.language) })}</p>
      <BookingForm
        options={options.data}
        lengthMinutes={length ?? options.data.lengthMinutes}
        updating={options.isPlaceholderData}
        onLengthChange={setLength}
        state={state}
        providerFirstName={member.provider.firstName}
        timeZone={timeZone}
        onBooked={onBooked}
      />
    </>
  );
}
