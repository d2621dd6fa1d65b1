import type { ProviderProfile } from '@haven/contract';
import type { ParseKeys } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../../api/client.ts';
import { useUploadPhoto } from '../../../api/workspace.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import type { FormProblem } from '../../../forms/problems.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Avatar, Button, Card, StatusMessage, TextField } from '../../../ui/index.ts';

const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const fieldIds = { photo: 'profile-photo' } as const;

const photoProblem = (key: ParseKeys): FormProblem<'photo'> => ({ fields: { photo: { key } } });

/** What is wrong with the chosen file before it is sent, if anything. */
function problemWith(file: File | null): ParseKeys | null {
  if (!file) return 'providerProfile.photo.missing';
  if (!photoTypes.includes(file.type)) return 'providerProfile.photo.wrongType';
  if (file.size > MAX_PHOTO_BYTES) return 'providerProfile.photo.tooLarge';
  return null;
}

function photoFailureKey(failure: ApiFailure): ParseKeys {
  return failure.code === 'payload_too_large' ? 'providerProfile.photo.tooLarge' : `errors.${failure.code}`;
}

export function PhotoUpload({ profile }: { profile: ProviderProfile }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<'photo'>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upload.isPending) return;
    setUploaded(false);
    const found = problemWith(file);
    if (found || !file) {
      report(photoProblem(found ?? 'providerProfile.photo.missing'));
      return;
    }
    const form = event.currentTarget;
    clear();
    upload.mutate(file, {
      onSuccess: () => {
        setUploaded(true);
        setFile(null);
        form.reset();
      },
      onError: (failure) => report(photoProblem(photoFailureKey(failure))),
    });
  }

  return (
    <Card title={t('providerProfile.photo.heading')}>
      <div className="photo-upload">
        <Avatar
          photoUrl={profile.photoUrl}
          firstName={profile.firstName}
          lastName={profile.lastName}
          alt={t('providerProfile.photo.current')}
          size="large"
        />
        <form className="form photo-upload__form" noValidate onSubmit={handleSubmit}>
          {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
          {!profile.photoUrl && <p className="muted">{t('providerProfile.photo.none')}</p>}
          <TextField
            id={fieldIds.photo}
            type="file"
            accept={photoTypes.join(',')}
            label={t('providerProfile.photo.label')}
            hint={t('providerProfile.photo.hint')}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            error={errorFor('photo')}
          />
          <StatusMessage message={uploaded ? t('providerProfile.photo.uploaded') : null} />
          <div className="form__actions">
            <Button type="submit" variant="secondary" loading={upload.isPending}>
              {t('providerProfile.photo.submit')}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
