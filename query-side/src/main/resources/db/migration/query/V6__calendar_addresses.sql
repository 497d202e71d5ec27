-- Addresses of the meeting calendar that a calendar program reads without signing in:
-- such programs cannot present production's tokens. The address carries a secret; only
-- its SHA-256 is kept, so that a copy of the database gives no one a working address.
-- These are their users' settings, not part of the record, as the webhook subscriptions.
CREATE TABLE projections.calendar_address (
    id           TEXT        PRIMARY KEY,
    secret_hash  TEXT        NOT NULL UNIQUE,   -- hex SHA-256 of the address's secret
    body_id      TEXT,                          -- null: every body's meetings
    owner        TEXT        NOT NULL,          -- who made it; only they see and remove it
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_read_at TIMESTAMPTZ                    -- when a program last read it
);
CREATE INDEX calendar_address_by_owner ON projections.calendar_address (owner, created_at);
