import { useTranslation } from 'react-i18next';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { CloseAccountSection } from './CloseAccountSection.tsx';
import { DetailsSection } from './DetailsSection.tsx';
import { EmailAddressSettings } from './EmailAddressSettings.tsx';
import { EmailSettings } from './EmailSettings.tsx';
import { PrivacySection } from './PrivacySection.tsx';
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
      {(user) => (
        <div className="workspace">
          <h1>{t('settings.heading')}</h1>
          <TwoStepSection />
          <DetailsSection />
          <EmailAddressSettings email={user.email} />
          <PasswordSettings />
          <SignInSessions />
          {/* Operators' emails are their work (safety follow-up, licences): not a choice. */}
          {user.role !== 'admin' && <EmailSettings />}
          {user.role === 'client' && <PrivacySection />}
          {user.role === 'client' && <CloseAccountSection />}
        </div>
      )}
    </RequireAccount>
  );
}
