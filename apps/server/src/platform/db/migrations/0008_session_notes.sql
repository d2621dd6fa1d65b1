-- Notes of live sessions (PRODUCT §2.5, §3): the provider's progress note — a draft until signed,
-- then locked, with amendments appended after — and psychotherapy notes, a separate record only
-- their author may read, never part of the client's record nor of any export of it. Every text
-- is sealed under the client's data key.

CREATE TABLE progress_notes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id     uuid NOT NULL UNIQUE REFERENCES live_sessions (id) ON DELETE CASCADE,
  client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  provider_id    uuid NOT NULL REFERENCES providers (id),
  minutes        integer NOT NULL CHECK (minutes BETWEEN 0 AND 240),
  modality       text NOT NULL CHECK (modality IN ('video', 'audio', 'chat')),
  cpt_code       text CHECK (cpt_code IN ('90832', '90834', '90837')),
  -- Sealed JSON: presentation, interventions, plan, and risk (safety observations, optional).
  body_sealed    text NOT NULL,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  signed_at      timestamptz,
  -- The provider's full name and credentials as printed under the note.
  signature      text CHECK (length(signature) <= 300),
  -- SHA-256 (hex) of the sealed plaintext when signed: a later reading can show it is unchanged.
  content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  -- No code under 16 minutes: such a session is not billable as psychotherapy, but is still noted.
  CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signature IS NOT NULL AND content_sha256 IS NOT NULL))
);
CREATE INDEX progress_notes_client ON progress_notes (client_id, created_at);

-- A signed note is a record: it is never changed nor removed (amendments are added instead).
CREATE FUNCTION progress_notes_locked_once_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'progress note % is signed and cannot be changed; add an amendment', OLD.id;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER progress_notes_signed_locked BEFORE UPDATE OR DELETE ON progress_notes
  FOR EACH ROW EXECUTE FUNCTION progress_notes_locked_once_signed();

CREATE TABLE progress_note_amendments (
  id          bigserial PRIMARY KEY,
  note_id     uuid NOT NULL REFERENCES progress_notes (id) ON DELETE CASCADE,
  provider_id uuid NOT NULL REFERENCES providers (id),
  -- Sealed JSON: the amendment's text and its reason.
  body_sealed text NOT NULL,
  signed_at   timestamptz NOT NULL DEFAULT now(),
  signature   text NOT NULL CHECK (length(signature) <= 300)
);
CREATE INDEX progress_note_amendments_note ON progress_note_amendments (note_id, id);

CREATE FUNCTION progress_note_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'progress_note_amendments is append-only';
END
$$;
CREATE TRIGGER progress_note_amendments_no_change BEFORE UPDATE OR DELETE ON progress_note_amendments
  FOR EACH ROW EXECUTE FUNCTION progress_note_amendments_append_only();

-- Psychotherapy notes: the author's own working notes. Read only through the author's session.
CREATE TABLE psychotherapy_notes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id  uuid NOT NULL UNIQUE REFERENCES live_sessions (id) ON DELETE CASCADE,
  provider_id uuid NOT NULL REFERENCES providers (id),
  client_id   uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  body_sealed text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
