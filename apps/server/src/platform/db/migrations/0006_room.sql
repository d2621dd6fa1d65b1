-- The therapy room: messages in per-room order, sealed at rest; read state, stars, notifications.

ALTER TABLE rooms ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;

CREATE TABLE messages (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id           uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  seq               bigint NOT NULL,
  sender_id         uuid NOT NULL REFERENCES users (id),
  sender_role       text NOT NULL CHECK (sender_role IN ('client', 'provider')),
  client_message_id uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('text', 'voice', 'video', 'file')),
  -- The text (or a file's name) sealed under the client's data key; never stored in clear.
  body_sealed       text,
  -- Media: the blob holds the sealed bytes.
  blob_key          text,
  content_type      text,
  size_bytes        integer,
  duration_ms       integer,
  sent_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (room_id, seq),
  -- A retried send finds its first attempt instead of adding a second message.
  UNIQUE (room_id, sender_id, client_message_id)
);
CREATE INDEX messages_room_sent ON messages (room_id, sent_at);

CREATE TABLE room_reads (
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  last_seq   bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (room_id, user_id)
);

CREATE TABLE message_stars (
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, user_id)
);

CREATE TABLE notifications (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, at);

-- At most one email per room and recipient per 15 minutes.
CREATE TABLE message_email_log (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  room_id uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, room_id)
);

ALTER TABLE users ADD COLUMN discreet_notifications boolean NOT NULL DEFAULT false;

-- A provider's days without business hours (their time off covers hours; holidays cover dates).
CREATE TABLE provider_holidays (
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  PRIMARY KEY (provider_id, on_date)
);
