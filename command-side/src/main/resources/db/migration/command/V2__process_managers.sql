-- The command side's process managers (Axon sagas): the DueAtMeetingWatch of each body
-- marks assignments overdue that were due at a meeting held without their report back.
-- Its saga instances, their association values and its processor's token live here, so
-- that a saga's state, the commands it sends and its token commit together.

CREATE TABLE events.saga_entry (
    saga_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);

CREATE TABLE events.association_value_entry (
    id                BIGSERIAL    NOT NULL PRIMARY KEY,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_type         VARCHAR(255),
    saga_id           VARCHAR(255)
);
CREATE INDEX association_value_lookup
    ON events.association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_of_saga ON events.association_value_entry (saga_id, saga_type);

CREATE TABLE events.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          TEXT,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
