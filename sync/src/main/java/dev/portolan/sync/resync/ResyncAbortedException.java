package dev.portolan.sync.resync;

/** A newer resync of the same integration (or a shutdown) stopped this one. */
public final class ResyncAbortedException extends RuntimeException {

    public ResyncAbortedException(String message) {
        super(message);
    }
}
