-- Outcome-informed matching (PRODUCT §2.3): for each course of care with a measured result, what
-- matching compares: the concern the client named first, their PHQ-9 severity band at the start,
-- and whether it improved meaningfully. No scores, answers or names; the sealed screener results stay the record.
-- Rewritten from the sealed results whenever a screener is saved (care/outcomes.service.ts).
CREATE TABLE care_outcomes (
  assignment_id uuid PRIMARY KEY REFERENCES care_assignments (id) ON DELETE CASCADE,
  provider_id   uuid NOT NULL REFERENCES providers (id),
  focus_area    text NOT NULL,
  starting_band smallint NOT NULL CHECK (starting_band BETWEEN 0 AND 4),
  improved      boolean NOT NULL,
  measured_at   timestamptz NOT NULL
);
CREATE INDEX care_outcomes_provider ON care_outcomes (provider_id);

-- The client's latest PHQ-9 band (0–4), copied like the other matching fields, so that a queued or
-- switching client is compared with the outcomes of clients who started where they are now.
ALTER TABLE clients ADD COLUMN severity_band smallint CHECK (severity_band BETWEEN 0 AND 4);
