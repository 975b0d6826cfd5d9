-- One lease per integration: which process (replica) runs its resync, until when (same in both
-- dialects). The holder renews it while the resync runs; a lapsed lease may be taken over.
CREATE TABLE resync_leases (
    integration      TEXT PRIMARY KEY,
    holder           TEXT NOT NULL,
    resync_id        TEXT NOT NULL,
    expires_at       TEXT NOT NULL,                -- as stored timestamps: text order is time order
    abort_requested  INTEGER NOT NULL DEFAULT 0    -- 1: another replica asked the holder to abort
);
