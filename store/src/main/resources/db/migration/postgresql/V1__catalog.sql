-- Portolan catalog schema, PostgreSQL dialect. Keep in step with ../sqlite/V1__catalog.sql:
-- same tables, columns and meaning; only types and index methods differ.
-- Keys and compared text use COLLATE "C" so that order and range comparisons are bytewise, as in SQLite,
-- whatever the database's default collation. Timestamps are ISO-8601 UTC text with nine fraction digits.

CREATE TABLE blueprints (
    identifier  TEXT COLLATE "C" PRIMARY KEY,
    definition  TEXT NOT NULL,          -- JSON as text: jsonb would lose the declaration order of relations
    created_at  TEXT,
    created_by  TEXT,
    updated_at  TEXT,
    updated_by  TEXT
);

CREATE TABLE property_indexes (
    blueprint   TEXT COLLATE "C" NOT NULL,
    property    TEXT COLLATE "C" NOT NULL,
    index_name  TEXT NOT NULL,
    PRIMARY KEY (blueprint, property)
);

CREATE TABLE entities (
    blueprint     TEXT COLLATE "C" NOT NULL REFERENCES blueprints (identifier) ON DELETE CASCADE,
    identifier    TEXT COLLATE "C" NOT NULL,
    title         TEXT COLLATE "C",
    icon          TEXT COLLATE "C",
    team          JSONB NOT NULL DEFAULT '[]',
    properties    JSONB NOT NULL DEFAULT '{}',
    relations     JSONB NOT NULL DEFAULT '{}',
    created_at    TEXT COLLATE "C",
    created_by    TEXT COLLATE "C",
    updated_at    TEXT COLLATE "C",
    updated_by    TEXT COLLATE "C",
    datasource    TEXT COLLATE "C",
    content_hash  TEXT,
    PRIMARY KEY (blueprint, identifier)
);
CREATE INDEX entities_datasource ON entities (datasource, blueprint, identifier);
CREATE INDEX entities_updated_at ON entities (updated_at);
-- Containment (@>) on properties, e.g. array elements.
CREATE INDEX entities_properties_gin ON entities USING gin (properties jsonb_path_ops);

CREATE TABLE relation_edges (
    source_blueprint   TEXT COLLATE "C" NOT NULL,
    source_identifier  TEXT COLLATE "C" NOT NULL,
    relation           TEXT COLLATE "C" NOT NULL,
    target_blueprint   TEXT COLLATE "C" NOT NULL,
    target_identifier  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (source_blueprint, source_identifier, relation, target_identifier),
    FOREIGN KEY (source_blueprint, source_identifier) REFERENCES entities (blueprint, identifier) ON DELETE CASCADE
);
CREATE INDEX relation_edges_target ON relation_edges (target_blueprint, target_identifier);

CREATE TABLE audit_log (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    ts              TEXT COLLATE "C" NOT NULL,
    resource_type   TEXT,
    identifier      TEXT,
    blueprint       TEXT,
    action          TEXT,
    status          TEXT,
    origin          TEXT,
    context         TEXT,
    changed_fields  TEXT,
    diff            TEXT,
    message         TEXT
);
CREATE INDEX audit_log_ts ON audit_log (ts, seq);
CREATE INDEX audit_log_identifier ON audit_log (identifier, ts);
CREATE INDEX audit_log_blueprint ON audit_log (blueprint, ts);
CREATE INDEX audit_log_origin ON audit_log (origin, ts);

CREATE TABLE credentials (
    client_id    TEXT PRIMARY KEY,
    secret_hash  TEXT NOT NULL,
    role         TEXT NOT NULL,
    user_email   TEXT,
    description  TEXT,
    created_at   TEXT
);

CREATE TABLE teams (
    name         TEXT COLLATE "C" PRIMARY KEY,
    description  TEXT,
    users        TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT,
    updated_at   TEXT
);

CREATE TABLE users (
    email       TEXT COLLATE "C" PRIMARY KEY,
    first_name  TEXT,
    last_name   TEXT,
    role        TEXT,
    status      TEXT,
    teams       TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT,
    updated_at  TEXT
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
