-- What Portolan keeps of integrations that run elsewhere (Ocean, `portolan integration run`)
-- besides their row in integrations: who registered them and what they last reported.
-- Keep in step with the other dialect's V4.

CREATE TABLE remote_integrations (
    integration           TEXT PRIMARY KEY,
    credential            TEXT,              -- client id that registered it; owns its ingest URLs
    version               TEXT,
    changelog_destination TEXT,              -- JSON, as the integration gave it
    resync_state          TEXT,              -- JSON: the last reported resync state
    current_resync_id     TEXT,
    resync_requested_at   TEXT
);
