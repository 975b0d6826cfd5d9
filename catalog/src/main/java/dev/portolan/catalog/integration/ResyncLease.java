package dev.portolan.catalog.integration;

import java.time.Instant;

/**
 * Which process (replica) runs a resync of an integration, until when. The holder renews it while
 * the resync runs; once it has expired (its holder died) another replica may take it over. A
 * replica that starts a manual resync while another holds the lease asks it to abort.
 *
 * @param holder         the process holding it (an id that process made up when it started)
 * @param expiresAt      when it lapses unless renewed
 * @param abortRequested whether another replica asked the holder to abort its resync
 */
public record ResyncLease(String integration, String holder, String resyncId, Instant expiresAt, boolean abortRequested) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
