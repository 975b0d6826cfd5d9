package dev.portolan.catalog.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The stored credentials as the authenticator sees them on every request, each read at most once
 * per {@link #TTL}. This process forgets an entry as soon as it changes the credential; another
 * replica's change is seen within the TTL. Thread-safe.
 */
final class CredentialCache {

    static final Duration TTL = Duration.ofSeconds(5);
    /** Client ids come from signed tokens only, so the map stays small; the bound is a backstop. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<Credential> credential, Instant expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    CredentialCache(Clock clock) {
        this.clock = clock;
    }

    Optional<Credential> get(String clientId, Function<String, Optional<Credential>> load) {
        Instant now = clock.instant();
        Entry entry = entries.get(clientId);
        if (entry != null && now.isBefore(entry.expires())) return entry.credential();
        Optional<Credential> loaded = load.apply(clientId);
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(clientId, new Entry(loaded, now.plus(TTL)));
        return loaded;
    }

    void forget(String clientId) {
        entries.remove(clientId);
    }
}
