package dev.portolan.sync.resync;

/**
 * The event log of a resync: timestamped lines with a level and the kind they concern
 * ({@code null} for the resync as a whole). Implementations are thread-safe and cheap: they may
 * drop debug lines, never errors.
 */
public interface SyncEvents {

    enum Level { DEBUG, INFO, WARN, ERROR }

    void log(Level level, String kindIdentifier, String message);

    default void debug(String kind, String message) {
        log(Level.DEBUG, kind, message);
    }

    default void info(String kind, String message) {
        log(Level.INFO, kind, message);
    }

    default void warn(String kind, String message) {
        log(Level.WARN, kind, message);
    }

    default void error(String kind, String message) {
        log(Level.ERROR, kind, message);
    }
}
