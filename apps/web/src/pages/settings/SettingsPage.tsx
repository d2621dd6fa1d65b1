import { useTranslation } from 'react-i18next';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PasswordSettings } from './PasswordSettings.tsx';
import { SignInSessions } from './SignInSessions.tsx';
import { TwoStepSection } from './TwoStepSection.tsx';
import '../workspace.css';

/** The account's settings, for every role: `/settings`. Each section is its own component. */
export function SettingsPage() {
  usePageTitle('settings.heading');
  const { t } = useTranslation();
  return (
    <RequireAccount beforeMfa>
      {() => (
        <div className="workspace">
          <h1>{t('settings.heading')}</h1>
          <TwoStepSection />
          <PasswordSettings />
          <SignInSessions />
        </div>
      )}
    </RequireAccount>
  );
}
