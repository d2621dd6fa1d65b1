-- Measurement-based care: PHQ-9 and GAD-7 re-asked every few weeks (28 days by default; the
-- client's current provider may choose 14–90), one reminder per due cycle, and bell notices
-- about screeners (a re-screen due; an item-9 answer on a re-screen).
ALTER TABLE clients ADD COLUMN rescreen_interval_days integer NOT NULL DEFAULT 28
  CHECK (rescreen_interval_days BETWEEN 14 AND 90);

-- A due cycle is named by the moment it fell due; the primary key makes the reminder job's
-- second run a no-op.
CREATE TABLE rescreen_reminders (
  client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  due_at    timestamptz NOT NULL,
  sent_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, due_at)
);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('message', 'session', 'screener'));
