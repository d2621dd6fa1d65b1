import type { SafetyFlag } from '@haven/contract';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSafetyFlags, type SafetyFlagFilter } from '../../../api/matchingOps.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { SelectField, Spinner, StatusMessage } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { SafetyFlagCard } from './SafetyFlagCard.tsx';
import './matchingOps.css';

const byTime = (time: (flag: SafetyFlag) => string) => (a: SafetyFlag, b: SafetyFlag) => time(a).localeCompare(time(b));

/** Open flags first, the longest waiting at the top; then follow-ups, the latest first. */
function arrange(flags: readonly SafetyFlag[]) {
  const open = flags.filter((flag) => !flag.followedUpAt).sort(byTime((flag) => flag.raisedAt));
  const done = flags
    .filter((flag) => flag.followedUpAt)
    .sort(byTime((flag) => flag.followedUpAt ?? ''))
    .reverse();
  return { open, done };
}

/** Clients flagged for clinical follow-up at intake (PRODUCT §2.1), and what operators did. */
export function SafetyPage() {
  const { t } = useTranslation();
  usePageTitle('matchingOps.safety.heading');
  const [searchParams, setSearchParams] = useSearchParams();
  const filter: SafetyFlagFilter = searchParams.get('status') === 'all' ? 'all' : 'open';
  const list = useSafetyFlags(filter);
  const [message, setMessage] = useState<string | null>(null);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const { open, done } = arrange(list.data?.flags ?? []);

  function recorded(text: string) {
    setMessage(text);
    // The form that had focus is gone; carry on from the top of what is still open.
    openHeading.current?.focus();
  }

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('matchingOps.safety.heading')}</h1>
        <p className="lead">{t('matchingOps.safety.lead')}</p>
      </div>
      <SelectField
        id="safety-filter"
        className="form__short"
        label={t('matchingOps.safety.filter')}
        value={filter}
        onChange={(event) => setSearchParams(event.currentTarget.value === 'all' ? { status: 'all' } : {})}
      >
        <option value="open">{t('matchingOps.safety.filterOpen')}</option>
        <option value="all">{t('matchingOps.safety.filterAll')}</option>
      </SelectField>
      <StatusMessage message={message} />
      {list.isError && (
        <LoadFailed failure={list.error} onRetry={() => void list.refetch()} what="matchingOps.safety.loadFailed" asPage={false} />
      )}
      {list.isPending && <Spinner />}
      {list.data && (
        <section className="stack" aria-labelledby="open-flags">
          <h2 id="open-flags" ref={openHeading} tabIndex={-1}>
            {t('matchingOps.safety.openHeading', { count: open.length })}
          </h2>
          {open.length === 0 && <p>{t('matchingOps.safety.noneOpen')}</p>}
          {open.map((flag) => (
            <SafetyFlagCard key={flag.id} flag={flag} onRecorded={recorded} />
          ))}
        </section>
      )}
      {list.data && filter === 'all' && (
        <section className="stack" aria-labelledby="done-flags">
          <h2 id="done-flags">{t('matchingOps.safety.doneHeading', { count: done.length })}</h2>
          {done.length === 0 && <p>{t('matchingOps.safety.noneDone')}</p>}
          {done.map((flag) => (
            <SafetyFlagCard key={flag.id} flag={flag} onRecorded={recorded} />
          ))}
        </section>
      )}
    </div>
  );
}
