CREATE TABLE ${schema}.body (
    body_id      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    -- an assignment due at its next meeting, still waiting, needs a new due after it
    dissolved_on DATE
);
-- meetings cancelled: an assignment due at one of them without a date, still waiting,
-- needs a new due (DueAtMeetingWatch on the command side does not guess where it went)
CREATE TABLE ${schema}.cancelled_meeting (
    meeting_id   TEXT PRIMARY KEY,
    cancelled_on DATE,
    reason       TEXT
);
-- meetings known only to their month or year (an undated protocol): what was handed out at one
-- before precisions were kept carries none, and is known as precisely as its meeting
CREATE TABLE ${schema}.undated_meeting (
    meeting_id     TEXT PRIMARY KEY,
    date           DATE NOT NULL,
    date_precision TEXT NOT NULL
);
CREATE TABLE ${schema}.assignment (
    assignment_id     TEXT PRIMARY KEY,
    body_id           TEXT    NOT NULL,
    meeting_id        TEXT    NOT NULL,
    item_id           TEXT    NOT NULL,
    matter_id         TEXT,
    description       TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    due_date          DATE,
    due_at_meeting    TEXT,
    due_at_meeting_of TEXT,
    status            TEXT    NOT NULL,
    reported_back     BOOLEAN NOT NULL DEFAULT false,
    last_report       TEXT,
    overdue           BOOLEAN NOT NULL DEFAULT false,
    -- the day it became overdue for: a report back that took effect by then, recorded
    -- later (minutes are written up after the meeting), clears it
    overdue_on        DATE,
    handed_out_on     DATE,
    -- MONTH or YEAR when handed out at a meeting of an undated protocol (query.common.DatePrecisions)
    handed_out_on_precision TEXT,
    finished_on       DATE
);
CREATE INDEX assignment_by_status ON ${schema}.assignment (status, due_date);
CREATE INDEX assignment_by_body ON ${schema}.assignment (body_id);
CREATE INDEX assignment_by_matter ON ${schema}.assignment (matter_id);
CREATE TABLE ${schema}.assignee (
    assignment_id TEXT NOT NULL,
    kind          TEXT NOT NULL,
    assignee_id   TEXT NOT NULL,
    name          TEXT,
    PRIMARY KEY (assignment_id, kind, assignee_id)
);
CREATE INDEX assignee_by_id ON ${schema}.assignee (assignee_id);
-- what the search (q) reads, folded (query.common.Folded, ADR 0017): a table of its own, so
-- that the lists, which read whole assignment rows, do not read it too
CREATE TABLE ${schema}.assignment_words (
    assignment_id TEXT PRIMARY KEY,
    words         TEXT NOT NULL,
    words_vector  TSVECTOR GENERATED ALWAYS AS (to_tsvector('swedish', words)) STORED
);
