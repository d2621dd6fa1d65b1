import type { ProviderProfile } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveProfile } from '../../../api/workspace.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { problemFromApi } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Button, StatusMessage } from '../../../ui/index.ts';
import { AboutYouFields } from './AboutYouFields.tsx';
import { ClientFields } from './ClientFields.tsx';
import { MessagingHoursFields } from './MessagingHoursFields.tsx';
import { PracticeFields } from './PracticeFields.tsx';
import { checkProfile, draftFromProfile, profileFieldIds, profileMessages, type ProfileDraft, type ProfileField } from './profileDraft.ts';

export function ProfileForm({ profile }: { profile: ProviderProfile }) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const [draft, setDraft] = useState(() => draftFromProfile(profile));
  const [saved, setSaved] = useState(false);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<ProfileField>();

  function update(change: Partial<ProfileDraft>) {
    setDraft((current) => ({ ...current, ...change }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const checked = checkProfile(draft);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    save.mutate(checked.data, {
      onSuccess: () => setSaved(true),
      onError: (failure) => report(problemFromApi(failure, profileMessages)),
    });
  }

  const sectionProps = { draft, update, errorFor };
  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {problem && <ErrorSummary problem={problem} fieldIds={profileFieldIds} ref={summaryRef} />}
      <AboutYouFields {...sectionProps} />
      <PracticeFields {...sectionProps} />
      <ClientFields {...sectionProps} />
      <MessagingHoursFields {...sectionProps} />
      <StatusMessage message={saved ? t('providerProfile.saved') : null} />
      <div className="form__actions">
        <Button type="submit" loading={save.isPending}>
          {t('providerProfile.submit')}
        </Button>
      </div>
    </form>
  );
}
