-- sharing: an agreement may also publish its TLP:CLEAR indicators of types that are not personal data in the public
-- collection (served without an account when the operator enables it).
ALTER TABLE sharing_agreement ADD COLUMN public_clear BOOLEAN NOT NULL DEFAULT FALSE;

-- The public collection keeps its rows and stamp in the same tables as agreements' collections, under its own fixed
-- collection id, which names no agreement: these two references become plain columns (agreements are ended, never
-- deleted, so nothing relied on the cascade).
ALTER TABLE sharing_collection_object DROP CONSTRAINT sharing_collection_object_agreement_id_fkey;
ALTER TABLE sharing_collection_state DROP CONSTRAINT sharing_collection_state_agreement_id_fkey;
