-- Media sealed as it streams (platform/crypto/chunked.ts): each message says how its blob is sealed,
-- so files stored whole before this still read. `whole` = one AES-256-GCM seal over the file,
-- `chunked` = the hvc1 chunked format, which a range read decrypts chunk by chunk.
ALTER TABLE messages ADD COLUMN media_format text CHECK (media_format IN ('whole', 'chunked'));
UPDATE messages SET media_format = 'whole' WHERE blob_key IS NOT NULL;
ALTER TABLE messages ADD CONSTRAINT messages_media_format CHECK ((blob_key IS NULL) = (media_format IS NULL));
-- What a room holds, summed under its row lock against HAVEN_UPLOAD_QUOTA_BYTES.
CREATE INDEX messages_room_media ON messages (room_id) INCLUDE (size_bytes) WHERE blob_key IS NOT NULL;
