package dev.portolan.integrations.github;

import dev.portolan.sync.spi.FetchReporter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link FetchReporter} that keeps what it is told, for tests of fetchers alone. */
final class RecordingReporter implements FetchReporter {

    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Map<String, Long> figures = new ConcurrentHashMap<>();

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void add(String name, long delta) {
        figures.merge(name, delta, Long::sum);
    }

    @Override
    public void set(String name, long value) {
        figures.put(name, value);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    Map<String, Long> figures() {
        return Map.copyOf(figures);
    }
}
