-- A client may close their account. Access ends at once (users.closed_at); the clinical record is
-- kept until clients.retain_until (HAVEN_RETENTION_YEARS after the last contact, which closing
-- is), and then a worker job destroys the client's data key — crypto-shredding everything sealed
-- for them — erases their name and address, and sets clients.shredded_at.
ALTER TABLE users ADD COLUMN closed_at timestamptz;
ALTER TABLE clients ADD COLUMN retain_until timestamptz;
ALTER TABLE clients ADD COLUMN shredded_at timestamptz;
CREATE INDEX clients_due_for_shredding ON clients (retain_until) WHERE retain_until IS NOT NULL AND shredded_at IS NULL;

-- Closing ends the client's care with their provider.
ALTER TABLE care_assignments DROP CONSTRAINT care_assignments_end_reason_check;
ALTER TABLE care_assignments ADD CONSTRAINT care_assignments_end_reason_check
  CHECK (end_reason IN ('switch', 'provider_left', 'closed'));
