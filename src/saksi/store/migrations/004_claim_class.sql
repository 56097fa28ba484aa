-- saksi schema, version 4: each claim stores the schema's class of what it counts and its unit
-- (claim_types.yaml), and its sources as chains; claims stored before have none of them.
ALTER TABLE claims ADD COLUMN object_class TEXT;
ALTER TABLE claims ADD COLUMN unit TEXT;
-- attributed_to as chains (JSON list of lists): sources named side by side are chains of their own
ALTER TABLE claims ADD COLUMN source_chains TEXT;
