// The operations console, fetched as one chunk the first time an operator opens it (app/router.tsx),
// so a client's first visit never downloads it.
export { AdminArea } from './AdminArea.tsx';
export { ClientLedgerPage } from './clients/ClientLedgerPage.tsx';
export { ClientsPage } from './clients/ClientsPage.tsx';
export { InviteProviderPage } from './InviteProviderPage.tsx';
export { LicenceQueuePage } from './LicenceQueuePage.tsx';
export { MatchingPage } from './matching/MatchingPage.tsx';
export { SafetyPage } from './matching/SafetyPage.tsx';
export { OutboxPage } from './OutboxPage.tsx';
export { PartnersPage } from './partners/PartnersPage.tsx';
export { ProvidersPage } from './providers/ProvidersPage.tsx';
export { ProviderRecordPage } from './record/ProviderRecordPage.tsx';
export { AuditPage } from './audit/AuditPage.tsx';
export { BreakGlassPage } from './audit/BreakGlassPage.tsx';
export { BreakGlassRoomPage } from './audit/BreakGlassRoomPage.tsx';
