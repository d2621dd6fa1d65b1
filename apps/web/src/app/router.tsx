import { RecordAccessPage } from '../pages/record/RecordAccessPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { createBrowserRouter, Navigate } from 'react-router';
import { CarePage } from '../pages/care/CarePage.tsx';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { IntakePage } from '../pages/intake/IntakePage.tsx';
import { InvitePage } from '../pages/invite/InvitePage.tsx';
import { LandingPage } from '../pages/LandingPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PlanPage } from '../pages/plan/PlanPage.tsx';
import { PublicProfilePage } from '../pages/providers/PublicProfilePage.tsx';
import { ProviderRoomPage, RoomPage } from '../pages/room/RoomPage.tsx';
import { SessionsPage } from '../pages/sessions/SessionsPage.tsx';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../pages/ResetPasswordPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { SignUpPage } from '../pages/SignUpPage.tsx';
import { VerifyEmailPage } from '../pages/VerifyEmailPage.tsx';
import { ConfirmEmailPage } from '../pages/ConfirmEmailPage.tsx';
import type * as AdminPages from '../pages/admin/adminPages.ts';
import type * as ProviderPages from '../pages/provider/providerPages.ts';
import { PageLayout, Spinner } from '../ui/index.ts';
import { AppLayout } from './AppLayout.tsx';

// The provider and admin areas and the live session come in their own chunks, fetched on the first visit
// there, so a client's first load carries neither the console nor the call. Until a deep link's chunk
// arrives, the layout shows a spinner (role="status") where the page will be.
const adminPage = (name: keyof typeof AdminPages) => async () => ({ Component: (await import('../pages/admin/adminPages.ts'))[name] });
const providerPage = (name: keyof typeof ProviderPages) => async () => ({
  Component: (await import('../pages/provider/providerPages.ts'))[name],
});
const loadLiveSession = async () => ({ Component: (await import('../pages/live-session/LiveSessionPage.tsx')).LiveSessionPage });

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // Last resort, if the layout itself fails: who is signed in is unknown, so no account controls.
    errorElement: (
      <PageLayout signedIn={false}>
        <ErrorPage />
      </PageLayout>
    ),
    children: [
      {
        // Errors render inside the layout, so the header and crisis footer stay on screen.
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'confirm-email', element: <ConfirmEmailPage /> },
          { path: 'home', element: <HomePage /> },
          { path: 'intake', element: <IntakePage /> },
          { path: 'care', element: <CarePage /> },
          { path: 'room', element: <RoomPage /> },
          { path: 'plan', element: <PlanPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'record-access', element: <RecordAccessPage /> },
          { path: 'sessions/:sessionId', lazy: loadLiveSession, hydrateFallbackElement: <Spinner /> },
          { path: 'invite/:token', element: <InvitePage /> },
          { path: 'providers/:providerId', element: <PublicProfilePage /> },
          {
            path: 'provider',
            lazy: providerPage('ProviderArea'),
            hydrateFallbackElement: <Spinner />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', lazy: providerPage('ProfilePage') },
              { path: 'licenses', lazy: providerPage('LicencesPage') },
              { path: 'availability', lazy: providerPage('AvailabilityPage') },
              { path: 'calendar', lazy: providerPage('CalendarPage') },
              { path: 'inbox', lazy: providerPage('InboxPage') },
              { path: 'rooms/:roomId', element: <ProviderRoomPage /> },
              { path: 'clients', lazy: providerPage('CaseloadPage') },
              { path: 'sessions/:sessionId/note', lazy: providerPage('NotePage') },
            ],
          },
          {
            path: 'admin',
            lazy: adminPage('AdminArea'),
            hydrateFallbackElement: <Spinner />,
            children: [
              { index: true, element: <Navigate to="providers" replace /> },
              { path: 'providers', lazy: adminPage('ProvidersPage') },
              { path: 'providers/:providerId', lazy: adminPage('ProviderRecordPage') },
              { path: 'licenses', lazy: adminPage('LicenceQueuePage') },
              { path: 'invite', lazy: adminPage('InviteProviderPage') },
              { path: 'outbox', lazy: adminPage('OutboxPage') },
              { path: 'matching', lazy: adminPage('MatchingPage') },
              { path: 'safety', lazy: adminPage('SafetyPage') },
              { path: 'partners', lazy: adminPage('PartnersPage') },
              { path: 'clients', lazy: adminPage('ClientsPage') },
              { path: 'clients/:clientId', lazy: adminPage('ClientLedgerPage') },
              { path: 'audit', lazy: adminPage('AuditPage') },
              { path: 'break-glass', lazy: adminPage('BreakGlassPage') },
              { path: 'break-glass/:grantId', lazy: adminPage('BreakGlassRoomPage') },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
