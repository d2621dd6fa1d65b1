-- Account recovery and control: one-time emailed links (password reset, email verification) and
-- what a person sees of their own sign-in sessions.

-- A one-time link sent by email. Only the SHA-256 of its token is stored, so a copy of this table
-- cannot be used. A newer link of the same purpose supersedes the older ones (used_at is set).
CREATE TABLE account_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX account_tokens_user_purpose ON account_tokens (user_id, purpose) WHERE used_at IS NULL;

-- When the address was shown to belong to the person (a verification or reset link followed).
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
-- Accounts that existed before verification was asked for count as verified.
UPDATE users SET email_verified_at = created_at;

-- The browser a sign-in came from (its User-Agent, truncated), for the person's list of sessions.
ALTER TABLE login_sessions ADD COLUMN user_agent text;
