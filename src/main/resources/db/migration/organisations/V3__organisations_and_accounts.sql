-- Organisations (units, contact points, hotlines, partners, EU bodies, the platform operator),
-- the people who work for them, their roles, and API tokens.
CREATE TABLE organisation
(
  id          UUID PRIMARY KEY,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  type        TEXT NOT NULL,
  country     CHAR(2) NOT NULL,
  demo        BOOLEAN NOT NULL DEFAULT FALSE,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT organisation_short_name_unique UNIQUE (short_name)
);
CREATE INDEX organisation_by_country ON organisation (country, type);

CREATE TABLE app_user
(
  id               UUID PRIMARY KEY,
  username         TEXT NOT NULL,
  display_name     TEXT NOT NULL,
  email            TEXT,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  password_hash    TEXT NOT NULL,
  enabled          BOOLEAN NOT NULL DEFAULT TRUE,
  demo_account     BOOLEAN NOT NULL DEFAULT FALSE,
  failed_logins    INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMP WITH TIME ZONE,
  last_login_at    TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT app_user_username_unique UNIQUE (username),
  CONSTRAINT app_user_username_lower CHECK (username = lower(username))
);
CREATE INDEX app_user_by_organisation ON app_user (organisation_id);

CREATE TABLE user_role
(
  user_id  UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role     TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- Tokens are stored only as SHA-256 hashes; the clear token is shown once when issued.
-- kind SESSION: issued to a person by POST /api/v1/auth/token, short-lived.
-- kind SERVICE: issued to an organisation in the admin UI, long-lived, acts with its own roles.
CREATE TABLE api_token
(
  id               UUID PRIMARY KEY,
  token_hash       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('SESSION', 'SERVICE')),
  name             TEXT NOT NULL,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  user_id          UUID REFERENCES app_user (id) ON DELETE CASCADE,
  roles            TEXT NOT NULL,
  created_by       UUID,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at       TIMESTAMP WITH TIME ZONE,
  last_used_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_token_by_organisation ON api_token (organisation_id, kind);
