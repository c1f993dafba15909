-- reporting: the reports whose indicators are still to be extracted and correlated. A row is written in
-- the transaction that stores its report and deleted once the report's sightings are recorded, so a crash
-- loses nothing and the work is done in batches by a bounded worker (never one task per report).
-- (There is no V13: numbers were reserved per branch when modules were built in parallel, and that one was
-- never used; no database has a V13 and Flyway accepts the gap.)
CREATE TABLE report_processing
(
  report_id        UUID PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
  import_job       UUID,
  enqueued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until    TIMESTAMP WITH TIME ZONE,
  extracted        BOOLEAN NOT NULL DEFAULT false,
  last_error       TEXT
);
CREATE INDEX report_processing_due_idx ON report_processing (next_attempt_at);
CREATE INDEX report_processing_job_idx ON report_processing (import_job) WHERE import_job IS NOT NULL;

-- Reports the event-driven pipeline this replaces had not finished (their extraction or correlation event
-- incomplete) are queued, and those events, whose listeners are gone, are removed.
INSERT INTO report_processing (report_id, enqueued_at, next_attempt_at)
SELECT DISTINCT r.id, r.submitted_at, now()
FROM event_publication e
JOIN report r ON r.id = CAST(substring(e.serialized_event FROM
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}') AS uuid)
WHERE e.completion_date IS NULL
  AND (e.event_type LIKE '%ReportSubmitted' OR e.event_type LIKE '%ReportIndicatorsExtracted')
ON CONFLICT DO NOTHING;
DELETE FROM event_publication
WHERE event_type LIKE '%ReportSubmitted' OR event_type LIKE '%ReportIndicatorsExtracted';

-- Bulk imports: their phases (stored, indicators extracted, correlated), a lease held by the node running
-- the job (so a job interrupted by a crash is resumed by the next node to start, and never by two), and
-- hits announced once per import.
ALTER TABLE report_import_job
  ADD COLUMN queued BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN extracted BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN correlated BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN hits BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN user_name TEXT,
  ADD COLUMN lease_owner TEXT,
  ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE,
  ADD COLUMN resumed INT NOT NULL DEFAULT 0;
