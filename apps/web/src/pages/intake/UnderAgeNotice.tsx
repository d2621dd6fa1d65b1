import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/index.ts';
import { CrisisLinks } from '../crisis/CrisisResources.tsx';

/** Said kindly to someone under 18: why Haven can't help, who can, and how to reach 988 now. */
export function UnderAgeNotice() {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);

  return (
    <Alert tone="info" title={t('intake.underAge.heading')} ref={notice} focusable>
      <p>{t('errors.under_age')}</p>
      <CrisisLinks />
    </Alert>
  );
}
