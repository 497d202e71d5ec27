CREATE TABLE ${schema}.body (
    body_id        TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    parent_body    TEXT,
    mission        TEXT,
    established_on DATE,
    dissolved_on   DATE
);
CREATE TABLE ${schema}.membership (
    body_id       TEXT NOT NULL,
    membership_id TEXT NOT NULL,
    person_id     TEXT NOT NULL,
    name          TEXT NOT NULL,
    organisation  TEXT,
    title         TEXT,
    role          TEXT NOT NULL,
    from_date     DATE NOT NULL,
    to_date       DATE,
    PRIMARY KEY (body_id, membership_id)
);
CREATE INDEX membership_by_person ON ${schema}.membership (person_id);
CREATE TABLE ${schema}.officer (
    body_id    TEXT NOT NULL,
    person_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    from_date  DATE NOT NULL,
    at_meeting TEXT,
    PRIMARY KEY (body_id, role, from_date, person_id)
);
