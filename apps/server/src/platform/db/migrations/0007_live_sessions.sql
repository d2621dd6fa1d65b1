-- Live sessions (PRODUCT §2.5): confirmation by the provider, weekly series, changes by either
-- party, joining and no-shows, the modality a session has fallen back to, and reminders.

ALTER TABLE providers ADD COLUMN auto_confirm boolean NOT NULL DEFAULT true;

-- 'requested' waits for the provider's confirmation and holds its slot meanwhile.
ALTER TABLE live_sessions DROP CONSTRAINT live_sessions_status_check;
ALTER TABLE live_sessions ADD CONSTRAINT live_sessions_status_check
  CHECK (status IN ('requested', 'booked', 'cancelled', 'completed'));
ALTER TABLE live_sessions DROP CONSTRAINT live_sessions_outcome_check;
ALTER TABLE live_sessions ADD CONSTRAINT live_sessions_outcome_check
  CHECK (outcome IN ('completed', 'client_no_show', 'provider_no_show', 'cancelled_early', 'cancelled_late',
                     'cancelled_by_provider', 'declined'));
DROP INDEX live_sessions_provider_start;
-- The last line of defence against two bookings of one slot; overlaps are refused under the
-- provider's row lock before this is reached.
CREATE UNIQUE INDEX live_sessions_provider_start ON live_sessions (provider_id, starts_at)
  WHERE status IN ('requested', 'booked');
CREATE INDEX live_sessions_open ON live_sessions (starts_at) WHERE status IN ('requested', 'booked');

ALTER TABLE live_sessions ADD COLUMN series_id uuid;
ALTER TABLE live_sessions ADD COLUMN current_modality text CHECK (current_modality IN ('video', 'audio', 'chat'));
ALTER TABLE live_sessions ADD COLUMN confirmed_at timestamptz;
ALTER TABLE live_sessions ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('client', 'provider'));
ALTER TABLE live_sessions ADD COLUMN change_reason text CHECK (length(change_reason) <= 500);
ALTER TABLE live_sessions ADD COLUMN rescheduled_from uuid REFERENCES live_sessions (id);
ALTER TABLE live_sessions ADD COLUMN client_location text CHECK (client_location ~ '^[A-Z]{2}$');
ALTER TABLE live_sessions ADD COLUMN client_joined_at timestamptz;
ALTER TABLE live_sessions ADD COLUMN provider_joined_at timestamptz;
ALTER TABLE live_sessions ADD COLUMN ended_at timestamptz;
CREATE INDEX live_sessions_series ON live_sessions (series_id) WHERE series_id IS NOT NULL;
UPDATE live_sessions SET current_modality = modality, confirmed_at = created_at;

-- Messages written during a live chat session belong to it, so the history can mark them.
ALTER TABLE messages ADD COLUMN live_session_id uuid REFERENCES live_sessions (id);

-- Notifications about sessions (changes, reminders) carry their own text and no room message.
ALTER TABLE notifications ALTER COLUMN room_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN kind text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'session'));
ALTER TABLE notifications ADD COLUMN text text CHECK (length(text) <= 500);
ALTER TABLE notifications ADD COLUMN live_session_id uuid REFERENCES live_sessions (id) ON DELETE CASCADE;

-- Reminders are rows, not timers: a worker claims due rows with FOR UPDATE SKIP LOCKED and
-- marks each done in the same transaction that queues its email and in-app notice, so a
-- restart or a second worker never sends one twice nor drops one.
CREATE TABLE session_reminders (
  id             bigserial PRIMARY KEY,
  session_id     uuid NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  minutes_before integer NOT NULL CHECK (minutes_before > 0),
  due_at         timestamptz NOT NULL,
  done_at        timestamptz,
  outcome        text CHECK (outcome IN ('sent', 'skipped')),
  UNIQUE (session_id, user_id, minutes_before)
);
CREATE INDEX session_reminders_due ON session_reminders (due_at) WHERE done_at IS NULL;
