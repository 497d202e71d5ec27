CREATE TABLE ${schema}.body (
    body_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
);
CREATE TABLE ${schema}.matter (
    matter_id       TEXT PRIMARY KEY,
    title           TEXT    NOT NULL,
    reference       TEXT,
    description     TEXT,
    -- the reference and the words of title, reference and description, folded (query.common.Folded)
    reference_key   TEXT,
    words           TEXT    NOT NULL,
    words_vector    TSVECTOR GENERATED ALWAYS AS (to_tsvector('swedish', words)) STORED,
    raised_in       TEXT    NOT NULL,
    raised_on       DATE    NOT NULL,
    -- MONTH or YEAR when the day is known only to that (an undated protocol); NULL for a day
    raised_on_precision TEXT,
    raised_position BIGINT  NOT NULL,
    closed          BOOLEAN NOT NULL DEFAULT false,
    closed_on       DATE,
    closed_on_precision TEXT,
    -- the meeting whose record raised or closed the matter without a precision, recorded before
    -- precisions were kept and before the record scheduled its meeting: its precision is taken
    -- once the meeting is scheduled (DatePrecisions.inferred)
    raised_import   TEXT,
    closed_import   TEXT
);
-- the register of matters: in the order they were raised, found by registration number or by words
-- (the search reads every row of the register that the other filters leave: query.common.WordSearch)
CREATE INDEX matter_by_raising ON ${schema}.matter (raised_on, raised_position);
CREATE INDEX matter_by_reference ON ${schema}.matter (reference_key);
CREATE INDEX matter_by_raising_import ON ${schema}.matter (raised_import) WHERE raised_import IS NOT NULL;
CREATE INDEX matter_by_closing_import ON ${schema}.matter (closed_import) WHERE closed_import IS NOT NULL;
CREATE TABLE ${schema}.meeting (
    meeting_id     TEXT PRIMARY KEY,
    body_id        TEXT NOT NULL,
    date           DATE NOT NULL,
    -- MONTH or YEAR for a meeting of an undated protocol; NULL for a day
    date_precision TEXT
);
CREATE TABLE ${schema}.item (
    meeting_id TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    matter_id  TEXT,
    PRIMARY KEY (meeting_id, item_id)
);
CREATE TABLE ${schema}.decision (
    meeting_id  TEXT NOT NULL,
    decision_id TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    matter_id   TEXT,
    text        TEXT NOT NULL,
    PRIMARY KEY (meeting_id, decision_id)
);
CREATE TABLE ${schema}.assignment (
    assignment_id TEXT PRIMARY KEY,
    matter_id     TEXT,
    body_id       TEXT NOT NULL,
    meeting_id    TEXT NOT NULL,
    item_id       TEXT NOT NULL
);
-- one row per step of a matter; rows are only ever added, so nothing can rewrite the trail (the one
-- value filled in later is the precision of a raising or closing recorded before precisions were
-- kept, once its record's meeting is scheduled: HistoryProjection.precisionForImported)
CREATE TABLE ${schema}.step (
    matter_id     TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    position      BIGINT      NOT NULL,
    step          TEXT        NOT NULL,
    body_id       TEXT,
    meeting_id    TEXT,
    item_id       TEXT,
    decision_id   TEXT,
    assignment_id TEXT,
    business_date DATE,
    business_date_precision TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL,
    recorded_by   TEXT,
    summary       TEXT,
    details       JSONB       NOT NULL,
    PRIMARY KEY (matter_id, event_id)
);
CREATE INDEX step_in_order ON ${schema}.step (matter_id, position);
-- the matters that passed through a body
CREATE INDEX step_by_body ON ${schema}.step (body_id, matter_id);
-- a step that a later one took back (a referral, a decision, a deferral or a backlog entry recorded by
-- mistake, ADR 0018): kept beside the trail, which stays as it was written
CREATE TABLE ${schema}.taken_back (
    by_event_id TEXT PRIMARY KEY,
    matter_id   TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    UNIQUE (matter_id, event_id)
);
