import { createBrowserRouter, Navigate } from 'react-router';
import { AdminArea } from '../pages/admin/AdminArea.tsx';
import { ClientLedgerPage } from '../pages/admin/clients/ClientLedgerPage.tsx';
import { ClientsPage } from '../pages/admin/clients/ClientsPage.tsx';
import { InviteProviderPage } from '../pages/admin/InviteProviderPage.tsx';
import { LicenceQueuePage } from '../pages/admin/LicenceQueuePage.tsx';
import { MatchingPage } from '../pages/admin/matching/MatchingPage.tsx';
import { SafetyPage } from '../pages/admin/matching/SafetyPage.tsx';
import { OutboxPage } from '../pages/admin/OutboxPage.tsx';
import { PartnersPage } from '../pages/admin/partners/PartnersPage.tsx';
import { ProvidersPage } from '../pages/admin/providers/ProvidersPage.tsx';
import { ProviderRecordPage } from '../pages/admin/record/ProviderRecordPage.tsx';
import { CarePage } from '../pages/care/CarePage.tsx';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { IntakePage } from '../pages/intake/IntakePage.tsx';
import { InvitePage } from '../pages/invite/InvitePage.tsx';
import { LandingPage } from '../pages/LandingPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PlanPage } from '../pages/plan/PlanPage.tsx';
import { AvailabilityPage } from '../pages/provider/availability/AvailabilityPage.tsx';
import { CalendarPage } from '../pages/provider/calendar/CalendarPage.tsx';
import { CaseloadPage } from '../pages/provider/clients/CaseloadPage.tsx';
import { LicencesPage } from '../pages/provider/licences/LicencesPage.tsx';
import { NotePage } from '../pages/provider/notes/NotePage.tsx';
import { ProfilePage } from '../pages/provider/profile/ProfilePage.tsx';
import { ProviderArea } from '../pages/provider/ProviderArea.tsx';
import { PublicProfilePage } from '../pages/providers/PublicProfilePage.tsx';
import { InboxPage } from '../pages/room/InboxPage.tsx';
import { ProviderRoomPage, RoomPage } from '../pages/room/RoomPage.tsx';
import { SessionsPage } from '../pages/sessions/SessionsPage.tsx';
import { LiveSessionPage } from '../pages/live-session/LiveSessionPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { SignUpPage } from '../pages/SignUpPage.tsx';
import { PageLayout } from '../ui/index.ts';
import { AppLayout } from './AppLayout.tsx';

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
          { path: 'home', element: <HomePage /> },
          { path: 'intake', element: <IntakePage /> },
          { path: 'care', element: <CarePage /> },
          { path: 'room', element: <RoomPage /> },
          { path: 'plan', element: <PlanPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'sessions/:sessionId', element: <LiveSessionPage /> },
          { path: 'invite/:token', element: <InvitePage /> },
          { path: 'providers/:providerId', element: <PublicProfilePage /> },
          {
            path: 'provider',
            element: <ProviderArea />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'licenses', element: <LicencesPage /> },
              { path: 'availability', element: <AvailabilityPage /> },
              { path: 'calendar', element: <CalendarPage /> },
              { path: 'inbox', element: <InboxPage /> },
              { path: 'rooms/:roomId', element: <ProviderRoomPage /> },
              { path: 'clients', element: <CaseloadPage /> },
              { path: 'sessions/:sessionId/note', element: <NotePage /> },
            ],
          },
          {
            path: 'admin',
            element: <AdminArea />,
            children: [
              { index: true, element: <Navigate to="providers" replace /> },
              { path: 'providers', element: <ProvidersPage /> },
              { path: 'providers/:providerId', element: <ProviderRecordPage /> },
              { path: 'licenses', element: <LicenceQueuePage /> },
              { path: 'invite', element: <InviteProviderPage /> },
              { path: 'outbox', element: <OutboxPage /> },
              { path: 'matching', element: <MatchingPage /> },
              { path: 'safety', element: <SafetyPage /> },
              { path: 'partners', element: <PartnersPage /> },
              { path: 'clients', element: <ClientsPage /> },
              { path: 'clients/:clientId', element: <ClientLedgerPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
