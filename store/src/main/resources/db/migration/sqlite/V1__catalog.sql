-- Portolan catalog schema, SQLite dialect. Keep in step with ../postgresql/V1__catalog.sql:
-- same tables, columns and meaning; only types and index methods differ.
-- Timestamps are ISO-8601 UTC text with nine fraction digits (fixed width, so text order is time order).

CREATE TABLE blueprints (
    identifier  TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,          -- JSON: title, icon, description, schema, relations, ...
    created_at  TEXT,
    created_by  TEXT,
    updated_at  TEXT,
    updated_by  TEXT
);

-- Per-property expression indexes that search uses, created and dropped with blueprints.
CREATE TABLE property_indexes (
    blueprint   TEXT NOT NULL,
    property    TEXT NOT NULL,
    index_name  TEXT NOT NULL,
    PRIMARY KEY (blueprint, property)
);

CREATE TABLE entities (
    blueprint     TEXT NOT NULL REFERENCES blueprints (identifier) ON DELETE CASCADE,
    identifier    TEXT NOT NULL,
    title         TEXT,
    icon          TEXT,
    team          TEXT NOT NULL DEFAULT '[]',   -- JSON array of team names
    properties    TEXT NOT NULL DEFAULT '{}',   -- JSON object
    relations     TEXT NOT NULL DEFAULT '{}',   -- JSON object
    created_at    TEXT,
    created_by    TEXT,
    updated_at    TEXT,
    updated_by    TEXT,
    datasource    TEXT,
    content_hash  TEXT,
    PRIMARY KEY (blueprint, identifier)
);
CREATE INDEX entities_datasource ON entities (datasource, blueprint, identifier);
CREATE INDEX entities_updated_at ON entities (updated_at);

-- One row per link, derived from entities.relations on every write, for reverse look-ups and relatedTo.
CREATE TABLE relation_edges (
    source_blueprint   TEXT NOT NULL,
    source_identifier  TEXT NOT NULL,
    relation           TEXT NOT NULL,
    target_blueprint   TEXT NOT NULL,
    target_identifier  TEXT NOT NULL,
    PRIMARY KEY (source_blueprint, source_identifier, relation, target_identifier),
    FOREIGN KEY (source_blueprint, source_identifier) REFERENCES entities (blueprint, identifier) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX relation_edges_target ON relation_edges (target_blueprint, target_identifier);

CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    ts              TEXT NOT NULL,
    resource_type   TEXT,
    identifier      TEXT,
    blueprint       TEXT,
    action          TEXT,
    status          TEXT,
    origin          TEXT,
    context         TEXT,
    changed_fields  TEXT,   -- JSON array
    diff            TEXT,   -- JSON {before, after}
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
    name         TEXT PRIMARY KEY,
    description  TEXT,
    users        TEXT NOT NULL DEFAULT '[]',   -- JSON array of e-mails
    created_at   TEXT,
    updated_at   TEXT
);

CREATE TABLE users (
    email       TEXT PRIMARY KEY,
    first_name  TEXT,
    last_name   TEXT,
    role        TEXT,
    status      TEXT,
    teams       TEXT NOT NULL DEFAULT '[]',    -- JSON array of team names
    created_at  TEXT,
    updated_at  TEXT
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
