-- What a person writes about their health outside the room is sealed like a message (envelope.ts):
-- a reason given when a session is cancelled, moved or declined, and an operator's safety follow-up.
-- The clear columns stay until `sealFreeTextLeftInClear` (app start) has moved every old value;
-- nothing writes them any more.
ALTER TABLE live_sessions ADD COLUMN change_reason_sealed text;
ALTER TABLE safety_flags ADD COLUMN follow_up_note_sealed text;
