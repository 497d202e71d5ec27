CREATE TABLE ${schema}.body (
    body_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
);
CREATE TABLE ${schema}.meeting (
    meeting_id TEXT PRIMARY KEY,
    body_id    TEXT NOT NULL,
    date       DATE NOT NULL,
    -- MONTH or YEAR for a meeting of an undated protocol; NULL for a day
    date_precision TEXT
);
CREATE TABLE ${schema}.item (
    meeting_id TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    -- the title folded (query.common.Folded), part of each decision's words
    title_words TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
);
CREATE TABLE ${schema}.decision (
    meeting_id        TEXT   NOT NULL,
    decision_id       TEXT   NOT NULL,
    body_id           TEXT   NOT NULL,
    date              DATE   NOT NULL,
    date_precision    TEXT,
    item_id           TEXT   NOT NULL,
    item_title        TEXT,
    matter_id         TEXT,
    kind              TEXT   NOT NULL,
    text              TEXT   NOT NULL,
    corrected_text    TEXT,
    correction_reason TEXT,
    -- the text as it stands (corrected or not) and the item's title, folded: what the search reads
    words             TEXT   NOT NULL,
    words_vector      TSVECTOR GENERATED ALWAYS AS (to_tsvector('swedish', words)) STORED,
    position          BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, decision_id)
);
CREATE INDEX decision_by_body_and_date ON ${schema}.decision (body_id, date);
CREATE INDEX decision_by_date ON ${schema}.decision (date);
CREATE INDEX decision_by_matter ON ${schema}.decision (matter_id);
