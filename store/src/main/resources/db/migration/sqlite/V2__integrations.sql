-- Installed integrations, the report of every resync, and their event logs (sqlite dialect;
-- keep in step with the other dialect's V2). Settings hold secrets: the API never returns them.

CREATE TABLE integrations (
    identifier                 TEXT PRIMARY KEY,
    type                       TEXT NOT NULL,
    title                      TEXT,
    settings                   TEXT NOT NULL,      -- JSON
    config                     TEXT NOT NULL,      -- JSON: the mapping
    scheduled_resync_interval  INTEGER NOT NULL DEFAULT 0,
    remote                     INTEGER NOT NULL DEFAULT 0,    -- 1: runs in its own process, reports here
    created_at                 TEXT,
    updated_at                 TEXT
);

CREATE TABLE integration_syncs (
    integration  TEXT NOT NULL,
    resync_id    TEXT NOT NULL,
    state        TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    report       TEXT NOT NULL,                    -- JSON
    PRIMARY KEY (integration, resync_id)
);
CREATE INDEX integration_syncs_started ON integration_syncs (integration, started_at);

CREATE TABLE integration_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    integration  TEXT NOT NULL,
    resync_id    TEXT,
    ts           TEXT NOT NULL,
    level        TEXT NOT NULL,
    kind         TEXT,
    message      TEXT NOT NULL
);
CREATE INDEX integration_events_integration ON integration_events (integration, seq);
CREATE INDEX integration_events_resync ON integration_events (integration, resync_id, seq);
