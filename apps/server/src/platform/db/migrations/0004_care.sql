-- Clients, their intake, safety flags, rooms, care assignments (who is whose provider, and when),
-- the matching queue and first live-session bookings.

CREATE TABLE clients (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id                    uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  intake_step                text NOT NULL DEFAULT 'about',
  -- Every intake answer (date of birth, screeners, crisis answer, ...) as sealed JSON:
  -- health information, encrypted under the client's data key.
  intake_sealed              text,
  show_crisis_resources      boolean NOT NULL DEFAULT false,
  submitted_at               timestamptz,
  -- What matching compares, copied from the intake when it is submitted.
  state                      text CHECK (state ~ '^[A-Z]{2}$'),
  time_zone                  text,
  required_languages         text[] NOT NULL DEFAULT '{}',
  preferred_languages        text[] NOT NULL DEFAULT '{}',
  focus_areas                text[] NOT NULL DEFAULT '{}',
  provider_gender            text,
  approaches                 text[] NOT NULL DEFAULT '{}',
  needed_modalities          text[] NOT NULL DEFAULT '{}',
  preferred_times            text[] NOT NULL DEFAULT '{}',
  coverage                   text NOT NULL DEFAULT 'direct',
  telehealth_consent_version text,
  telehealth_consent_at      timestamptz,
  privacy_notice_version     text,
  privacy_notice_at          timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE screener_results (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  instrument  text NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
  -- Answers, total and band, sealed.
  sealed      text NOT NULL,
  taken_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screener_results_client ON screener_results (client_id, taken_at);

CREATE TABLE safety_flags (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  reasons        text[] NOT NULL,
  item9          integer CHECK (item9 BETWEEN 0 AND 3),
  raised_at      timestamptz NOT NULL DEFAULT now(),
  followed_up_at timestamptz,
  followed_up_by uuid REFERENCES users (id),
  follow_up_note text
);
-- At most one open flag per client: a second crisis answer adds to it.
CREATE UNIQUE INDEX safety_flags_open ON safety_flags (client_id) WHERE followed_up_at IS NULL;
CREATE INDEX safety_flags_raised ON safety_flags (raised_at);

-- A client's room exists from their first match and stays theirs through every change of provider.
CREATE TABLE rooms (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id  uuid NOT NULL UNIQUE REFERENCES clients (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE care_assignments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  provider_id      uuid NOT NULL REFERENCES providers (id),
  room_id          uuid NOT NULL REFERENCES rooms (id),
  route            text NOT NULL CHECK (route IN ('instant', 'batch', 'by_name', 'first_session', 'switch', 'provider_left')),
  score            integer NOT NULL,
  reasons          jsonb NOT NULL DEFAULT '[]',
  -- When the client began waiting for this match: time-to-match is started_at − waiting_since.
  waiting_since    timestamptz NOT NULL,
  started_at       timestamptz NOT NULL DEFAULT now(),
  ended_at         timestamptz,
  end_reason       text CHECK (end_reason IN ('switch', 'provider_left')),
  -- The client's own words on why they switched, sealed.
  end_note_sealed  text,
  -- May this provider read the room's conversation from before they joined? The client decides.
  may_read_earlier boolean NOT NULL DEFAULT false
);
-- One current provider per client; access ends the moment ended_at is set.
CREATE UNIQUE INDEX care_assignments_current ON care_assignments (client_id) WHERE ended_at IS NULL;
CREATE INDEX care_assignments_provider_current ON care_assignments (provider_id) WHERE ended_at IS NULL;
CREATE INDEX care_assignments_started ON care_assignments (started_at);

CREATE TABLE match_queue (
  client_id        uuid PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  since            timestamptz NOT NULL DEFAULT now(),
  reason           text NOT NULL CHECK (reason IN ('no_capacity', 'switch', 'provider_left')),
  -- For a switch: the provider being left (never offered again for this request).
  leaving_provider uuid REFERENCES providers (id),
  switch_note_sealed text,
  may_read_earlier boolean NOT NULL DEFAULT false
);
CREATE INDEX match_queue_since ON match_queue (since);

CREATE TABLE live_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  provider_id uuid NOT NULL REFERENCES providers (id),
  room_id     uuid NOT NULL REFERENCES rooms (id),
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
  modality    text NOT NULL CHECK (modality IN ('video', 'audio', 'chat')),
  status      text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'completed')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- Overlaps are refused under the provider's row lock; this catches the exact double booking too.
CREATE UNIQUE INDEX live_sessions_provider_start ON live_sessions (provider_id, starts_at) WHERE status = 'booked';
CREATE INDEX live_sessions_client ON live_sessions (client_id, starts_at);

CREATE TABLE client_notices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('provider_left')),
  provider_name text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_notices_client ON client_notices (client_id, at);

CREATE TABLE matching_runs (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  assigned      integer NOT NULL,
  still_waiting integer NOT NULL,
  duration_ms   integer NOT NULL
);
