-- Accounts and sign-in sessions.
CREATE TABLE users (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email            text NOT NULL,
  -- Lower-cased, trimmed email: one account per address whatever its case.
  email_normalized text NOT NULL UNIQUE,
  preferred_name   text NOT NULL,
  role             text NOT NULL CHECK (role IN ('client', 'provider', 'admin')),
  password_hash    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A sign-in session. Only the SHA-256 of the cookie token is stored, so a copy of
-- this table cannot be used to sign in.
CREATE TABLE login_sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ended_at     timestamptz
);
CREATE INDEX login_sessions_user_id ON login_sessions (user_id);
