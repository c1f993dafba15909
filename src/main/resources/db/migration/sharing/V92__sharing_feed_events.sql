-- sharing: the MISP feed groups a collection's indicators into one event per marking and day of first version
CREATE INDEX sharing_collection_object_by_created ON sharing_collection_object (agreement_id, tlp, created);
