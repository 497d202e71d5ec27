-- The query side's own schema: the tokens of its processors and the register of read-model
-- generations. Each generation of a read model lives in a schema of its own
-- (agenda_1, agenda_2, ...), created from the DDL in the projection's package, so that a
-- rebuild can fill a new generation while the old one keeps serving.

CREATE TABLE projections.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          TEXT,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE projections.generation (
    read_model   VARCHAR(100) NOT NULL,
    generation   INTEGER      NOT NULL,
    version      INTEGER      NOT NULL,
    state        VARCHAR(20)  NOT NULL, -- BUILDING, ACTIVE, RETIRED
    started_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    activated_at TIMESTAMPTZ,
    PRIMARY KEY (read_model, generation)
);
CREATE UNIQUE INDEX generation_one_active ON projections.generation (read_model) WHERE state = 'ACTIVE';
CREATE UNIQUE INDEX generation_one_building ON projections.generation (read_model) WHERE state = 'BUILDING';
