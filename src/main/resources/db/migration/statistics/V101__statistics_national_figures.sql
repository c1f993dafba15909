-- statistics: official police-recorded figures a national unit uploads (annual, by ICCS code), shown beside the
-- platform's own counts, each with the source the unit named. A new upload replaces that country's figures of
-- the same year and code.
CREATE TABLE statistics_national_figure
(
  country       CHAR(2) NOT NULL,
  year          INT NOT NULL,
  iccs_code     TEXT NOT NULL,
  recorded      BIGINT NOT NULL CHECK (recorded >= 0),
  source        TEXT NOT NULL,
  uploaded_by   UUID NOT NULL,
  uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (country, year, iccs_code)
);
