-- The provider network: profiles, licences, availability, invitations; plus the
-- audit trail, domain events and the email outbox that every later feature uses.

CREATE TABLE providers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Null until the provider accepts their invitation and sets a password.
  user_id             uuid UNIQUE REFERENCES users (id),
  email               text NOT NULL,
  status              text NOT NULL DEFAULT 'invited'
                        CHECK (status IN ('invited', 'onboarding', 'active', 'inactive')),
  status_reason       text,
  first_name          text NOT NULL,
  last_name           text NOT NULL,
  pronouns            text,
  gender              text,
  credentials         text[] NOT NULL DEFAULT '{}',
  years_experience    integer CHECK (years_experience BETWEEN 0 AND 70),
  npi                 text CHECK (npi ~ '^[0-9]{10}$'),
  focus_areas         text[] NOT NULL DEFAULT '{}',
  approaches          text[] NOT NULL DEFAULT '{}',
  languages           text[] NOT NULL DEFAULT '{}',
  approach_statement  text,
  time_zone           text,
  business_hours      jsonb NOT NULL DEFAULT '[]',
  capacity            integer CHECK (capacity > 0),
  modalities          text[] NOT NULL DEFAULT '{}',
  coverage            text[] NOT NULL DEFAULT '{}',
  photo_key           text,
  weekly_availability jsonb NOT NULL DEFAULT '[]',
  session_lengths     integer[] NOT NULL DEFAULT '{50}',
  buffer_minutes      integer NOT NULL DEFAULT 10 CHECK (buffer_minutes BETWEEN 0 AND 120),
  min_notice_hours    integer NOT NULL DEFAULT 24 CHECK (min_notice_hours BETWEEN 0 AND 336),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX providers_email ON providers (lower(email));
CREATE INDEX providers_status ON providers (status);
CREATE INDEX providers_languages ON providers USING gin (languages);
CREATE INDEX providers_name ON providers (lower(first_name || ' ' || last_name));

CREATE TABLE licences (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id      uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  state            text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
  licence_type     text NOT NULL,
  number           text NOT NULL,
  expires_on       date NOT NULL,
  status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'verified', 'rejected', 'expired')),
  decided_by       uuid REFERENCES users (id),
  decided_at       timestamptz,
  rejection_reason text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX licences_provider ON licences (provider_id);
CREATE INDEX licences_state_status ON licences (state, status);
CREATE INDEX licences_pending ON licences (created_at) WHERE status = 'pending';

CREATE TABLE availability_exceptions (
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  windows     jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (provider_id, on_date)
);

CREATE TABLE time_off (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
  note        text
);
CREATE INDEX time_off_provider ON time_off (provider_id, ends_at);

CREATE TABLE provider_invites (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  invited_by  uuid NOT NULL REFERENCES users (id),
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only and tamper-evident: each row carries the SHA-256 of its content and of
-- the previous row's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_events (
  seq          bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_label  text NOT NULL,
  action       text NOT NULL,
  subject_type text NOT NULL,
  subject_id   text NOT NULL,
  reason       text,
  detail       jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id, seq);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Facts other parts of Haven react to (re-matching when a provider leaves, ...),
-- written in the same transaction as the change they describe.
CREATE TABLE domain_events (
  seq          bigserial PRIMARY KEY,
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX domain_events_unprocessed ON domain_events (seq) WHERE processed_at IS NULL;

-- Email to send. The embedded default never sends: operators read it in the console.
CREATE TABLE outbox_emails (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject    text NOT NULL,
  body_text  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
