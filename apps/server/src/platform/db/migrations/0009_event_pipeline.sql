-- One road for side effects: every write that others must hear about records a domain event in
-- its own transaction; the worker hands each event to its handlers (bell, email, re-homing…) in
-- one transaction that also marks it processed, so a crash re-runs it and never half-applies it.

ALTER TABLE domain_events ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE domain_events ADD COLUMN run_after timestamptz NOT NULL DEFAULT now();
ALTER TABLE domain_events ADD COLUMN failed_at timestamptz;
ALTER TABLE domain_events ADD COLUMN last_error text CHECK (length(last_error) <= 2000);
DROP INDEX domain_events_unprocessed;
CREATE INDEX domain_events_due ON domain_events (seq) WHERE processed_at IS NULL AND failed_at IS NULL;

-- Email is claimed with a lease before it is handed to SMTP, so two workers never send the same
-- row at once; a worker that dies mid-send leaves a lease that expires and the row is sent again
-- with the same Message-ID (the outbox id), which receiving servers use to drop the repeat.
ALTER TABLE outbox_emails ADD COLUMN template text;
ALTER TABLE outbox_emails ADD COLUMN lease_until timestamptz;
ALTER TABLE outbox_emails ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX outbox_emails_unsent ON outbox_emails (created_at) WHERE sent_at IS NULL;
