CREATE TABLE ${schema}.body (
    body_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
);
CREATE TABLE ${schema}.meeting (
    meeting_id        TEXT PRIMARY KEY,
    body_id           TEXT    NOT NULL,
    title             TEXT,
    date              DATE    NOT NULL,
    start_time        TIME,
    end_time          TIME,
    date_precision    TEXT    NOT NULL DEFAULT 'DAY',
    location          TEXT,
    mode              TEXT    NOT NULL,
    tentative         BOOLEAN NOT NULL,
    status            TEXT    NOT NULL,
    originally_on     DATE,
    reschedule_reason TEXT,
    cancel_reason     TEXT,
    agenda_adopted    BOOLEAN NOT NULL DEFAULT false,
    adjuster_id       TEXT,
    adjuster_name     TEXT,
    adjusted_on       DATE,
    adjusted_by       JSONB,
    -- the meeting's sequence number and recording time at its last change of day, time,
    -- place or status: a calendar's SEQUENCE and LAST-MODIFIED
    revision          BIGINT      NOT NULL DEFAULT 0,
    changed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_by_date ON ${schema}.meeting (date);
CREATE INDEX meeting_by_body_and_date ON ${schema}.meeting (body_id, date);
CREATE TABLE ${schema}.agenda_item (
    meeting_id             TEXT    NOT NULL,
    item_id                TEXT    NOT NULL,
    ordinal                INT     NOT NULL,
    title                  TEXT    NOT NULL,
    kind                   TEXT    NOT NULL,
    matter_id              TEXT,
    presenters             JSONB   NOT NULL,
    guests                 JSONB   NOT NULL,
    documents              JSONB   NOT NULL,
    description            TEXT,
    withdrawn              BOOLEAN NOT NULL DEFAULT false,
    withdraw_reason        TEXT,
    discussion             TEXT,
    deferred               BOOLEAN NOT NULL DEFAULT false,
    deferred_to_meeting    TEXT,
    deferred_to_backlog_of TEXT,
    defer_reason           TEXT,
    PRIMARY KEY (meeting_id, item_id)
);
CREATE TABLE ${schema}.attendance (
    meeting_id   TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    organisation TEXT,
    status       TEXT NOT NULL,
    items        JSONB NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE TABLE ${schema}.decision (
    meeting_id  TEXT   NOT NULL,
    decision_id TEXT   NOT NULL,
    item_id     TEXT   NOT NULL,
    matter_id   TEXT,
    kind        TEXT   NOT NULL,
    text        TEXT   NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, decision_id)
);
CREATE TABLE ${schema}.correction (
    meeting_id    TEXT NOT NULL,
    correction_id TEXT NOT NULL,
    item_id       TEXT,
    decision_id   TEXT,
    what          TEXT NOT NULL,
    correction    TEXT NOT NULL,
    reason        TEXT NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    recorded_by   TEXT,
    PRIMARY KEY (meeting_id, correction_id)
);
-- the titles of matters, for the referrals the minutes list
CREATE TABLE ${schema}.matter (
    matter_id TEXT PRIMARY KEY,
    title     TEXT NOT NULL
);
-- assignments as handed out at a meeting, under an item: what the minutes record of
-- them; their later course is the assignments read model's
CREATE TABLE ${schema}.item_assignment (
    meeting_id        TEXT   NOT NULL,
    item_id           TEXT   NOT NULL,
    assignment_id     TEXT   NOT NULL,
    kind              TEXT   NOT NULL,
    description       TEXT   NOT NULL,
    assignees         JSONB  NOT NULL,
    due_date          DATE,
    due_at_meeting    TEXT,
    due_at_meeting_of TEXT,
    position          BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, assignment_id)
);
-- a report back is about an assignment handed out at another meeting
CREATE INDEX item_assignment_by_assignment ON ${schema}.item_assignment (assignment_id);
-- reports back and referrals made at a meeting, under an item when the record names it;
-- the event's position keeps each once
CREATE TABLE ${schema}.item_report (
    meeting_id    TEXT   NOT NULL,
    position      BIGINT NOT NULL,
    item_id       TEXT,
    assignment_id TEXT   NOT NULL,
    summary       TEXT,
    PRIMARY KEY (meeting_id, position)
);
CREATE TABLE ${schema}.item_referral (
    meeting_id TEXT   NOT NULL,
    position   BIGINT NOT NULL,
    item_id    TEXT,
    matter_id  TEXT   NOT NULL,
    to_body    TEXT   NOT NULL,
    purpose    TEXT   NOT NULL,
    note       TEXT,
    PRIMARY KEY (meeting_id, position)
);
