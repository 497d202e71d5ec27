CREATE TABLE ${schema}.body (
    body_id      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    -- its agenda stays readable: what was referred to it and never taken up is left there
    dissolved_on DATE
);
CREATE TABLE ${schema}.matter (
    matter_id TEXT PRIMARY KEY,
    title     TEXT    NOT NULL,
    closed    BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE ${schema}.meeting (
    meeting_id TEXT PRIMARY KEY,
    body_id    TEXT    NOT NULL,
    title      TEXT,
    date       DATE    NOT NULL,
    -- MONTH or YEAR for a meeting dated only to that (query.common.DatePrecisions); NULL for a day
    date_precision TEXT,
    start_time TIME,
    end_time   TIME,
    location   TEXT,
    tentative  BOOLEAN NOT NULL,
    status     TEXT    NOT NULL
);
CREATE INDEX meeting_by_body_and_date ON ${schema}.meeting (body_id, date);
CREATE TABLE ${schema}.item (
    meeting_id TEXT    NOT NULL,
    item_id    TEXT    NOT NULL,
    ordinal    INT     NOT NULL,
    title      TEXT    NOT NULL,
    -- the title folded (query.common.Folded): an item deferred by its title is answered by it in any case
    title_key  TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    matter_id  TEXT,
    presenters JSONB   NOT NULL,
    guests     JSONB   NOT NULL,
    documents  JSONB   NOT NULL,
    withdrawn  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (meeting_id, item_id)
);
-- an item deferred from a meeting, waiting to come back on an agenda of its target body
CREATE TABLE ${schema}.deferral (
    from_meeting TEXT    NOT NULL,
    item_id      TEXT    NOT NULL,
    target_body  TEXT    NOT NULL,
    to_meeting   TEXT,
    to_backlog   BOOLEAN NOT NULL,
    matter_id    TEXT,
    title        TEXT    NOT NULL,
    title_key    TEXT    NOT NULL,
    reason       TEXT,
    deferred_on  DATE    NOT NULL,
    resolved     BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (from_meeting, item_id)
);
CREATE INDEX deferral_by_target ON ${schema}.deferral (target_body) WHERE NOT resolved;
-- a matter referred to a body or queued on its backlog, not yet on any of its agendas
CREATE TABLE ${schema}.pending (
    body_id    TEXT    NOT NULL,
    matter_id  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    from_body  TEXT,
    purpose    TEXT,
    priority   INT,
    note       TEXT,
    at_meeting TEXT,
    at_item    TEXT,
    since      DATE,
    since_precision TEXT,
    resolved   BOOLEAN NOT NULL DEFAULT false,
    -- a referral: the referrals to the body before this one and since it last took the
    -- matter up, oldest first, for the entry to fall back on when this one is taken back
    earlier    JSONB   NOT NULL DEFAULT '[]',
    PRIMARY KEY (body_id, matter_id, source)
);
CREATE INDEX pending_by_body ON ${schema}.pending (body_id) WHERE NOT resolved;
-- assignments to be reported back, for the agenda of the meeting that hears them: due at
-- that meeting, at the next meeting of its body, or on a day by then (handed out by it);
-- waiting until reported back, completed or withdrawn, again once given a new due
CREATE TABLE ${schema}.report_due (
    assignment_id     TEXT    PRIMARY KEY,
    body_id           TEXT    NOT NULL,
    matter_id         TEXT,
    description       TEXT    NOT NULL,
    assignees         JSONB   NOT NULL,
    due_date          DATE,
    due_at_meeting    TEXT,
    due_at_meeting_of TEXT,
    handed_out_on     DATE    NOT NULL,
    handed_out_on_precision TEXT,
    waiting           BOOLEAN NOT NULL DEFAULT true,
    -- past its due without a report back, until given a new one
    overdue           BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX report_due_at_meeting ON ${schema}.report_due (due_at_meeting) WHERE waiting;
CREATE INDEX report_due_at_meeting_of ON ${schema}.report_due (due_at_meeting_of) WHERE waiting;
CREATE INDEX report_due_by_body ON ${schema}.report_due (body_id) WHERE waiting;
