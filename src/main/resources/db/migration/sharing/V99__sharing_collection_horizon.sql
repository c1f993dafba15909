-- sharing: where a collection's last refresh stood in correlation's history of changes (the oldest transaction
-- still running when it read, see correlation's indicator_change). The next refresh compares only the indicators
-- that changed since; NULL (never refreshed, or too long ago) makes it compare every indicator in scope.
ALTER TABLE sharing_collection_state ADD COLUMN change_horizon BIGINT;
