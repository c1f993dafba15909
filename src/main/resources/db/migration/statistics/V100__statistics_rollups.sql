-- statistics: aggregates only. Statistics never reads another module's tables: reporting hands over each
-- report's non-personal facts (ReportsCounted, and ReportFactsSource for rebuilds), correlation says which
-- cluster each report belongs to (ReportClusters). From these one row per report is kept here (no text, no
-- indicator, no person, no organisation) and the roll-up of counts per month and dimension is kept up to date
-- in the same transaction, so every query reads a few thousand roll-up rows whatever the number of reports.

-- One row per counted report (duplicates are never handed over).
CREATE TABLE statistics_report
(
  report_id          UUID PRIMARY KEY,
  offence            TEXT NOT NULL,
  unit_country       CHAR(2) NOT NULL,
  victim_countries   TEXT[] NOT NULL,
  occurred_month     DATE,                       -- first day of the month of occurrence, if known (UTC)
  reported_month     DATE NOT NULL,              -- first day of the month of report (UTC)
  reported_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  loss_amount        NUMERIC(18, 2),
  loss_currency      TEXT,
  loss_eur           NUMERIC(20, 2),             -- converted with the shipped reference rates; null when unknown currency
  cluster_id         BIGINT,                     -- correlation's cluster, once known
  first_of_incident  BOOLEAN NOT NULL DEFAULT TRUE -- the incident (cluster) is counted in this report's cells
);
CREATE INDEX statistics_report_cluster ON statistics_report (cluster_id) WHERE cluster_id IS NOT NULL;

-- The roll-up: measure x basis (month of report or of occurrence) x month x offence x country x currency.
-- country is the reporting unit's country, except for VICTIMS (the victim's country, '' when none was given);
-- month 1900-01-01 stands for "month of occurrence unknown"; currency is '' except for LOSSES ('EUR' for amounts
-- converted, else the currency as given, counted apart in original_amount).
CREATE TABLE statistics_cell
(
  measure          TEXT NOT NULL,
  basis            TEXT NOT NULL,
  month            DATE NOT NULL,
  offence          TEXT NOT NULL,
  country          TEXT NOT NULL,
  currency         TEXT NOT NULL,
  n                BIGINT NOT NULL,
  eur              NUMERIC(22, 2) NOT NULL DEFAULT 0,
  original_amount  NUMERIC(22, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (measure, basis, month, offence, country, currency)
);

-- Progress of the background jobs (cluster sync watermark, rebuild cursor), one row per key.
CREATE TABLE statistics_state
(
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Correlation's published ReportClusters reads clusters by the time they last changed (created or merged into);
-- without this index that read scans every cluster.
CREATE INDEX IF NOT EXISTS correlation_cluster_changed ON correlation_cluster (updated_at, id);
