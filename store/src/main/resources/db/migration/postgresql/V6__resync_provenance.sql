-- Which resync made each change, and the raw objects resyncs kept (postgresql dialect; keep in step with
-- the other dialect's V6). A resync's "what changed" is its audit records; an entity's provenance is
-- its newest audit record with a resync, and the sample that produced it.

ALTER TABLE audit_log ADD COLUMN resync_id TEXT;
ALTER TABLE audit_log ADD COLUMN resource TEXT;          -- the kind identifier "{kind}-{index}"; null for reconciliation
CREATE INDEX audit_log_resync ON audit_log (resync_id, ts, seq);

CREATE TABLE sync_samples (
    integration     TEXT NOT NULL,
    resync_id       TEXT NOT NULL,
    resource_index  INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    position        INTEGER NOT NULL,
    omitted         TEXT,                -- why the object was not kept (too large), or null
    entities        TEXT NOT NULL,       -- JSON: [{blueprint, identifier}] the mapping made of it
    object          TEXT,                -- JSON: the raw object as the source gave it
    PRIMARY KEY (integration, resync_id, resource_index, position)
);
