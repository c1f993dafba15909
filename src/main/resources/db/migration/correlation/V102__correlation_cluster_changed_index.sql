-- Correlation's own index for its published ReportClusters read (clusters by the time they last changed, created or
-- merged into); without it that read scans every cluster.
--
-- It was first created by statistics' V100 (its first reader), which is the wrong owner. V100 is applied on existing
-- databases, and Flyway validates an applied migration's checksum, so V100 keeps its statement: editing it would make
-- every existing database refuse to migrate. This migration is where the index now belongs, and it is idempotent: on
-- every database V100 ran before it, so IF NOT EXISTS leaves the index as it is; should statistics ever stop
-- creating it (a squashed baseline), this one still does. Later changes to the index go here, in correlation's folder.
CREATE INDEX IF NOT EXISTS correlation_cluster_changed ON correlation_cluster (updated_at, id);
