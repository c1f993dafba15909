-- Training platform (issue #18): one catalogue of courses from every organiser, national training needs,
-- enrolments with country quotas and a wait list, certificates, materials.

CREATE TABLE training_course (
    id                    uuid PRIMARY KEY,
    organiser_id          uuid NOT NULL,
    -- the organiser's name when the course was stored (shown in listings without asking the directory per row)
    organiser_name        text NOT NULL,
    status                text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    format                text NOT NULL,
    languages             text[] NOT NULL,
    audiences             text[] NOT NULL,
    time_zone             text NOT NULL,
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    venue                 text,
    seats                 integer NOT NULL CHECK (seats > 0),
    country_quota         integer CHECK (country_quota > 0),
    application_deadline  timestamptz NOT NULL,
    prerequisites         text,
    cost_eur              numeric(10, 2),
    funding               text,
    created_by            uuid,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    published_at          timestamptz,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX training_course_starts ON training_course (starts_at) WHERE status = 'PUBLISHED';
CREATE INDEX training_course_organiser ON training_course (organiser_id);

-- title and description per language (ISO 639-1)
CREATE TABLE training_course_text (
    course_id    uuid NOT NULL REFERENCES training_course (id) ON DELETE CASCADE,
    language     text NOT NULL,
    title        text NOT NULL,
    description  text NOT NULL,
    PRIMARY KEY (course_id, language)
);

-- the roles of the Europol Cybercrime Training Competency Framework a course serves, each with its level
CREATE TABLE training_course_role (
    course_id  uuid NOT NULL REFERENCES training_course (id) ON DELETE CASCADE,
    role       text NOT NULL,
    level      text NOT NULL,
    PRIMARY KEY (course_id, role)
);
CREATE INDEX training_course_role_level ON training_course_role (role, level);

-- The national training coordinators: people an organisation (its administrator) designates to nominate its
-- officials and record its training needs. A designation of the training module, not a platform role.
CREATE TABLE training_coordinator (
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    designated_by    uuid,
    designated_at    timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);

-- training needs of a national unit: how many officials need a role at a level in a year
CREATE TABLE training_need (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL,
    country          char(2) NOT NULL,
    year             integer NOT NULL,
    role             text NOT NULL,
    level            text NOT NULL,
    officials        integer NOT NULL CHECK (officials > 0),
    priority         text NOT NULL,
    recorded_by      uuid NOT NULL,
    recorded_at      timestamptz NOT NULL,
    UNIQUE (organisation_id, year, role, level)
);
CREATE INDEX training_need_year ON training_need (year, role, level);

CREATE TABLE training_enrolment (
    id                  uuid PRIMARY KEY,
    course_id           uuid NOT NULL REFERENCES training_course (id),
    person_id           uuid NOT NULL,
    -- the official's name as it goes on the certificate (kept with the enrolment, read without the directory)
    person_name         text NOT NULL,
    organisation_id     uuid NOT NULL,
    country             char(2) NOT NULL,
    status              text NOT NULL,
    motivation          text,
    applied_at          timestamptz NOT NULL,
    nominated_at        timestamptz,
    nominated_by        uuid,
    decided_at          timestamptz,
    -- the order of the wait list: when the enrolment was wait-listed
    wait_listed_at      timestamptz,
    withdrawn_at        timestamptz,
    attended            boolean NOT NULL DEFAULT false,
    completed_at        timestamptz,
    certificate_code    text UNIQUE,
    reminder_sent_at    timestamptz,
    UNIQUE (course_id, person_id)
);
CREATE INDEX training_enrolment_course ON training_enrolment (course_id, status);
CREATE INDEX training_enrolment_person ON training_enrolment (person_id);
CREATE INDEX training_enrolment_wait_list ON training_enrolment (course_id, wait_listed_at) WHERE status = 'WAIT_LISTED';
CREATE INDEX training_enrolment_reminder_due ON training_enrolment (course_id) WHERE status = 'ACCEPTED' AND reminder_sent_at IS NULL;

CREATE TABLE training_material (
    id            uuid PRIMARY KEY,
    course_id     uuid NOT NULL REFERENCES training_course (id),
    title         text NOT NULL,
    access        text NOT NULL CHECK (access IN ('PUBLIC', 'LAW_ENFORCEMENT', 'PARTICIPANTS')),
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size          bigint NOT NULL,
    sha256        text NOT NULL,
    storage_key   text NOT NULL,
    uploaded_by   uuid NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX training_material_course ON training_material (course_id);
