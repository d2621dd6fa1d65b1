import path from 'node:path';
import type { AppContext } from './app-context.ts';
import { createSealer } from './platform/crypto/envelope.ts';
import { auditKeyFrom } from './platform/audit/chain.ts';
import { registerAudit } from './modules/audit/audit.routes.ts';
import { localKeyProvider } from './platform/crypto/key-provider.ts';
import { randomUUID } from 'node:crypto';
import { inProcessLiveBus, redisLiveBus } from './platform/events/live-bus.ts';
import { inProcessPresence, redisPresence } from './platform/events/presence.ts';
import { localEligibilityChecker } from './platform/eligibility/eligibility-checker.ts';
import { localPaymentProcessor } from './platform/payments/payment-processor.ts';
import { localBlobStore } from './platform/storage/blob-store.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { createHttpServer, type Http } from './platform/http/server.ts';
import { serveWebApp } from './platform/http/web.ts';
import { registerCare } from './modules/care/care.routes.ts';
import { registerRescreen } from './modules/care/rescreen.routes.ts';
import { registerCoverage } from './modules/coverage/coverage.routes.ts';
import { registerExport } from './modules/export/export.routes.ts';
import { registerLive } from './modules/room/live.routes.ts';
import { registerRooms } from './modules/room/room.routes.ts';
import { registerHealth } from './modules/health/health.routes.ts';
import { registerIdentity } from './modules/identity/identity.routes.ts';
import { registerRecovery } from './modules/identity/recovery.routes.ts';
import { registerMfa } from './modules/identity/mfa.routes.ts';
import { registerAccount } from './modules/account/account.routes.ts';
import { registerNotes } from './modules/notes/notes.routes.ts';
import { sealLegacyFollowUpNotes } from './modules/care/queue.service.ts';
import { registerNotifications } from './modules/notifications/notifications.routes.ts';
import { registerOnboarding } from './modules/providers/onboarding.routes.ts';
import { registerProviderOperations } from './modules/providers/operations.routes.ts';
import { registerProviders } from './modules/providers/providers.routes.ts';
import { sealLegacyReasons } from './modules/sessions/changes.service.ts';
import { registerCalendar } from './modules/sessions/calendar.routes.ts';
import { registerSessions } from './modules/sessions/sessions.routes.ts';

/** Where media and the audit chain's checkpoints live. */
export const blobRootFor = (config: Config) => path.join(config.dataDir, 'blobs');
export const blobStoreFor = (config: Config) => localBlobStore(blobRootFor(config));

export type App = { http: Http; database: Database; context: AppContext; close(): Promise<void> };

/**
 * Opens the database, applies migrations and assembles the HTTP server. Every piece
 * opened here is closed by `close()`, in reverse order.
 */
export async function buildApp(config: Config): Promise<App> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const keys = await localKeyProvider(config.masterKeyFile);
    const live = config.redisUrl ? redisLiveBus(config.redisUrl) : inProcessLiveBus();
    const context: AppContext = {
      config,
      db: database.db,
      blobs: blobStoreFor(config),
      sealer: createSealer(database.db, keys, live),
      auditKey: auditKeyFrom(keys),
      // Local stand-ins; real processors and payers plug in here.
      payments: localPaymentProcessor(),
      eligibility: localEligibilityChecker(),
      live,
      presence: config.redisUrl ? redisPresence(config.redisUrl, randomUUID()) : inProcessPresence(),
    };
    await context.sealer.listen();
    await sealLegacyReasons(context.db, context.sealer);
    await sealLegacyFollowUpNotes(context.db, context.sealer);
    const http = await createHttpServer(config);
    registerIdentity(http, context);
    registerRecovery(http, context);
    registerMfa(http, context);
    registerAccount(http, context);
    registerAudit(http, context);
    registerExport(http, context);
    registerHealth(http, context);
    registerProviders(http, context);
    registerOnboarding(http, context);
    registerProviderOperations(http, context);
    registerNotifications(http, context);
    registerCare(http, context);
    registerRescreen(http, context);
    registerCoverage(http, context);
    registerSessions(http, context);
    registerCalendar(http, context);
    registerNotes(http, context);
    await registerLive(http, context);
    registerRooms(http, context);
    await serveWebApp(http, config.webDist);
    await http.ready();
    return {
      http,
      database,
      context,
      async close() {
        await http.close();
        await context.presence.close();
        await context.live.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
