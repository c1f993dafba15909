-- Organisations the owner of a report let see it after an access request (correlation hits).
CREATE TABLE report_access_grant
(
  report_id        UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  granted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (report_id, organisation_id)
);
