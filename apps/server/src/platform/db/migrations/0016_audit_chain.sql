-- The audit trail, reshaped so that appending never waits on another writer (platform/audit):
-- a row is inserted at once, in the transaction of the change or before a read is answered,
-- and a background step chains committed rows in the order it finds them. Each link is an
-- HMAC-SHA256 under a key from the KeyProvider (never in the database), so a person who can
-- edit the database cannot recompute the chain; checkpoints of its head go to the blob store.

-- Who, what, which record, when, from where, allowed or denied.
ALTER TABLE audit_events
  ADD COLUMN ip text,
  ADD COLUMN outcome text NOT NULL DEFAULT 'allowed' CHECK (outcome IN ('allowed', 'denied')),
  -- Whose health record the action touched (the client's user id): "Who saw my record".
  ADD COLUMN client_user_id uuid;
-- The unkeyed SHA-256 chain is replaced by audit_chain; its rows are chained again from the start.
ALTER TABLE audit_events DROP COLUMN prev_hash, DROP COLUMN hash;
CREATE INDEX audit_events_client ON audit_events (client_user_id, seq) WHERE client_user_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_events_action ON audit_events (action, seq);

-- One link per audit row, in chain order: position n's hash covers the row and link n-1's hash.
CREATE TABLE audit_chain (
  position bigint PRIMARY KEY,
  seq      bigint NOT NULL UNIQUE REFERENCES audit_events (seq),
  hash     text NOT NULL
);
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Each run of the verifier (npm run audit:verify, the worker's daily job): what the console shows.
CREATE TABLE audit_verifications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at            timestamptz NOT NULL DEFAULT now(),
  intact        boolean NOT NULL,
  chained       bigint NOT NULL,
  unchained     bigint NOT NULL,
  checkpoints   integer NOT NULL,
  first_broken  bigint,
  problem       text
);

-- Break-glass: an operator opens one client's room, read-only, for a recorded reason, for a
-- limited time; a second operator reviews it afterwards. The reason is sealed under the
-- client's data key like the room itself.
CREATE TABLE break_glass_grants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operator_id   uuid NOT NULL REFERENCES users (id),
  client_user_id uuid NOT NULL REFERENCES users (id),
  reason_sealed text NOT NULL,
  opened_at     timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  reviewed_by   uuid REFERENCES users (id),
  reviewed_at   timestamptz,
  review_note_sealed text,
  CHECK (reviewed_by IS NULL OR reviewed_by <> operator_id)
);
CREATE INDEX break_glass_open ON break_glass_grants (operator_id, client_user_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass_grants (opened_at) WHERE reviewed_at IS NULL;
