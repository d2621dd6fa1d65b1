-- Two-step sign-in (TOTP, RFC 6238) and its recovery codes.
CREATE TABLE mfa_factors (
  user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- The shared secret, sealed under the account's data key (envelope.ts).
  secret_sealed  text NOT NULL,
  -- pending: shown to the person, not yet confirmed with a code; enabled: asked at every sign-in.
  status         text NOT NULL CHECK (status IN ('pending', 'enabled')),
  -- The last 30-second step whose code was accepted: a code is good once.
  last_used_step bigint,
  created_at     timestamptz NOT NULL DEFAULT now(),
  enabled_at     timestamptz
);

-- Ten single-use codes for a lost device. Only the SHA-256 of each (80 random bits) is kept.
CREATE TABLE mfa_recovery_codes (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz,
  UNIQUE (user_id, code_hash)
);

-- A password accepted, the second step still to come. Only the SHA-256 of its cookie token is kept.
CREATE TABLE mfa_challenges (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash      text NOT NULL UNIQUE,
  failed_attempts integer NOT NULL DEFAULT 0,
  expires_at      timestamptz NOT NULL,
  ended_at        timestamptz
);
CREATE INDEX mfa_challenges_user_id ON mfa_challenges (user_id);
