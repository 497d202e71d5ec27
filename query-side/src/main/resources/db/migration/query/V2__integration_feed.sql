-- The integration feed: every event once, as published (CloudEvents JSON), in the order
-- the feed's processor saw it. The feed position is the integrations' cursor. It is
-- assigned when the event is copied here, not taken from the event store's global index,
-- so that an event whose transaction committed late (with a lower global index) comes
-- after everything already served instead of behind a cursor that has moved past it.
-- The feed is a log: it is never rebuilt or renumbered.

CREATE SEQUENCE projections.feed_position;

CREATE TABLE projections.feed_event (
    position     BIGINT      PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,
    global_index BIGINT      NOT NULL,
    type         TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    bodies       TEXT[]      NOT NULL DEFAULT '{}',
    matters      TEXT[]      NOT NULL DEFAULT '{}',
    event        TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_event_by_type ON projections.feed_event (type, position);
CREATE INDEX feed_event_by_body ON projections.feed_event USING gin (bodies);
CREATE INDEX feed_event_by_matter ON projections.feed_event USING gin (matters);

-- What the feed knows of each stream, so that an event that names neither body nor
-- matter (a meeting opened, an assignment completed) can be filtered by them.
CREATE TABLE projections.feed_subject (
    subject   TEXT PRIMARY KEY,
    body_id   TEXT,
    matter_id TEXT
);

-- Webhook subscriptions and their delivery log.
CREATE TABLE projections.webhook_subscription (
    id              TEXT        PRIMARY KEY,
    url             TEXT        NOT NULL,
    types           TEXT[]      NOT NULL DEFAULT '{}',
    secret          TEXT        NOT NULL,
    owner           TEXT        NOT NULL,
    status          TEXT        NOT NULL,               -- ACTIVE, PAUSED
    paused_reason   TEXT,
    delivered_up_to BIGINT      NOT NULL,               -- feed position of the last event delivered
    attempts        INTEGER     NOT NULL DEFAULT 0,     -- failed attempts at the next event
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,                        -- a dispatcher is delivering until then
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE projections.webhook_delivery (
    id              BIGSERIAL   PRIMARY KEY,
    subscription_id TEXT        NOT NULL REFERENCES projections.webhook_subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    position        BIGINT      NOT NULL,
    attempt         INTEGER     NOT NULL,
    status_code     INTEGER,
    error           TEXT,
    duration_ms     INTEGER     NOT NULL,
    attempted_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_by_subscription ON projections.webhook_delivery (subscription_id, id DESC);
