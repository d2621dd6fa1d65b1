-- Per-client data keys, stored only wrapped by a master key (see platform/crypto/envelope.ts).
CREATE TABLE data_keys (
  owner_id       uuid PRIMARY KEY,
  wrapped_key    text NOT NULL,
  master_version integer NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
