-- sharing: TAXII 2.1 status resources of envelopes partners added to writable collections
CREATE TABLE sharing_taxii_status
(
  id               UUID PRIMARY KEY,
  agreement_id     UUID NOT NULL REFERENCES sharing_agreement (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL,
  requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  total_count      INT NOT NULL,
  success_count    INT NOT NULL,
  failure_count    INT NOT NULL,
  body             TEXT NOT NULL
);
