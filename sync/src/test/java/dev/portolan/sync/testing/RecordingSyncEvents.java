package dev.portolan.sync.testing;

import dev.portolan.sync.resync.SyncEvents;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event line of the resyncs it is given to, for assertions. Thread-safe. */
public final class RecordingSyncEvents implements SyncEvents {

    /** One line: level, kind (null for the resync as a whole), message. */
    public record Line(Level level, String kind, String message) {
        @Override
        public String toString() {
            return level + " [" + kind + "] " + message;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void log(Level level, String kindIdentifier, String message) {
        lines.add(new Line(level, kindIdentifier, message));
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<Line> at(Level level) {
        return lines.stream().filter(l -> l.level() == level).toList();
    }

    public synchronized void clear() {
        lines.clear();
    }
}
