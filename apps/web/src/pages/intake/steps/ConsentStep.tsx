import { consentVersions } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../time/formatting.ts';
import { CheckboxField } from '../../../ui/index.ts';
import { intakeFieldIds as ids } from '../intakeDraft.ts';
import type { IntakeStepProps } from './stepProps.ts';

type NoticeProps = {
  id: string;
  heading: string;
  version: string;
  paragraphs: string[];
  accept: string;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
  error?: string;
};

/** One notice to read, its version, and the box that accepts it. */
function Notice({ id, heading, version, paragraphs, accept, accepted, onAccept, error }: NoticeProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="consent" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="muted">{t('intake.consent.version', { version: formatCalendarDate(version, i18n.language) })}</p>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <CheckboxField id={id} label={accept} checked={accepted} onChange={onAccept} error={error} />
    </section>
  );
}

export function ConsentStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();

  return (
    <>
      <Notice
        id={ids.telehealth}
        heading={t('intake.consent.telehealth.heading')}
        version={consentVersions.telehealth}
        paragraphs={(['what', 'emergencies', 'records', 'choice'] as const).map((p) => t(`intake.consent.telehealth.${p}`))}
        accept={t('intake.consent.telehealth.accept')}
        accepted={draft.telehealth}
        onAccept={(telehealth) => update({ telehealth })}
        error={errorFor('telehealth')}
      />
      <Notice
        id={ids.privacy}
        heading={t('intake.consent.privacy.heading')}
        version={consentVersions.privacy}
        paragraphs={(['what', 'encryption', 'rights'] as const).map((p) => t(`intake.consent.privacy.${p}`))}
        accept={t('intake.consent.privacy.accept')}
        accepted={draft.privacy}
        onAccept={(privacy) => update({ privacy })}
        error={errorFor('privacy')}
      />
    </>
  );
}
