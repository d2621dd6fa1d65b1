import type { Config } from './platform/config.ts';
import type { Sealer } from './platform/crypto/envelope.ts';
import type { Db } from './platform/db/database.ts';
import type { LiveBus } from './platform/events/live-bus.ts';
import type { Presence } from './platform/events/presence.ts';
import type { EligibilityChecker } from './platform/eligibility/eligibility-checker.ts';
import type { PaymentProcessor } from './platform/payments/payment-processor.ts';
import type { BlobStore } from './platform/storage/blob-store.ts';

/** What every module's routes receive: no container, just the shared pieces. */
export type AppContext = {
  config: Config;
  db: Db;
  blobs: BlobStore;
  sealer: Sealer;
  /** The audit chain's HMAC key (platform/audit/chain.ts): from the KeyProvider, never stored in the database. */
  auditKey: Buffer;
  payments: PaymentProcessor;
  eligibility: EligibilityChecker;
  live: LiveBus;
  /** Who has a live tab open, on any instance. */
  presence: Presence;
};
