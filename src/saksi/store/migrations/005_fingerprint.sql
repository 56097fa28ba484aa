-- saksi schema, version 5: each document and article records the fingerprint of what analysed it
-- (saksi.fingerprint): a rerun re-analyses the ones analysed by other code, data or settings. Rows
-- stored before have none, so they are re-analysed once.
ALTER TABLE documents ADD COLUMN fingerprint TEXT;
ALTER TABLE articles ADD COLUMN fingerprint TEXT;
