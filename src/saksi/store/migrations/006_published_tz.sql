-- saksi schema, version 6: each article records the UTC offset of its publication time ("+07:00") and
-- the zone its date line names, as written ("WIB"); articles stored before have neither.
ALTER TABLE articles ADD COLUMN published_tz TEXT;
ALTER TABLE articles ADD COLUMN published_zone TEXT;
