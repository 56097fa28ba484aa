-- saksi schema, version 4: each claim stores the schema's class of what it counts and its unit
-- (claim_types.yaml); claims stored before have neither.
ALTER TABLE claims ADD COLUMN object_class TEXT;
ALTER TABLE claims ADD COLUMN unit TEXT;
