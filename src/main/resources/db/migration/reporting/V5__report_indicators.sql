-- Indicators extracted from each report (description, structured details, attachments), canonical,
-- for the report page and for correlation. Replaced whole when a report is processed again.
CREATE TABLE report_indicator
(
  report_id  UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  value      TEXT NOT NULL,
  original   TEXT NOT NULL,
  source     TEXT NOT NULL,
  defanged   BOOLEAN NOT NULL,
  benign     TEXT,
  details    JSONB NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, type, value, source)
);
CREATE INDEX report_indicator_by_value ON report_indicator (type, value);
