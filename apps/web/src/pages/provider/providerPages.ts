// A provider's own pages, fetched as one chunk the first time a provider opens one (app/router.tsx),
// so a client's first visit never downloads the calendar or the profile editor.
export { AvailabilityPage } from './availability/AvailabilityPage.tsx';
export { CalendarPage } from './calendar/CalendarPage.tsx';
export { CaseloadPage } from './clients/CaseloadPage.tsx';
export { LicencesPage } from './licences/LicencesPage.tsx';
export { NotePage } from './notes/NotePage.tsx';
export { ProfilePage } from './profile/ProfilePage.tsx';
export { ProviderArea } from './ProviderArea.tsx';
export { InboxPage } from '../room/InboxPage.tsx';
