package dev.portolan.server.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down secret guessing on the token endpoint: once a client id, or an address, has had
 * {@code limit} failed attempts within {@code window}, further attempts for it are refused
 * (without checking the secret) until the oldest of those failures is older than the window.
 * A success clears the client id's failures but not the address's, so that a caller holding one
 * valid credential cannot use it to keep guessing others. Counts are per process: behind a load
 * balancer each replica throttles on its own. Thread-safe.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Keys are attacker-chosen (any client id): past this many, keys whose failures expired are dropped. */
    private static final int MAX_KEYS = 50_000;

    /** How many failures within what time, per client id and per address. */
    public record Limits(int perClientId, int perAddress, Duration window) {
        public static final Limits DEFAULT = new Limits(10, 50, Duration.ofMinutes(5));
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; empty when it may try now. */
    public Optional<Duration> retryAfter(String clientId, String address) {
        Instant now = clock.instant();
        return longest(wait(clientKey(clientId), limits.perClientId(), now), wait(addressKey(address), limits.perAddress(), now));
    }

    public void failed(String clientId, String address) {
        Instant now = clock.instant();
        record(clientKey(clientId), limits.perClientId(), now);
        record(addressKey(address), limits.perAddress(), now);
    }

    public void succeeded(String clientId) {
        failures.remove(clientKey(clientId));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return Optional.empty();
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) return Optional.empty();
            return Optional.of(Duration.between(now, times.peekFirst().plus(limits.window())));
        }
    }

    private void record(String key, int limit, Instant now) {
        if (failures.size() >= MAX_KEYS) dropExpired(now);
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit) times.removeFirst(); // only the newest `limit` decide the wait
            if (times.size() == limit) {
                LOG.warn("Refusing access-token requests of {} with 429 for now: {} failed attempts within {}",
                        key, limit, limits.window());
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) times.removeFirst();
    }

    private void dropExpired(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String clientKey(String clientId) {
        // Shown in the log: an attacker's client id must not forge log lines.
        return "client id '" + clientId.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    /** This throttle as the web UI's sign-in form sees it (the UI does not depend on the server). */
    public dev.portolan.ui.signin.SignInThrottle forSignIn() {
        LoginThrottle self = this;
        return new dev.portolan.ui.signin.SignInThrottle() {
            @Override
            public Optional<Duration> retryAfter(String clientId, String address) {
                return self.retryAfter(clientId, address);
            }

            @Override
            public void failed(String clientId, String address) {
                self.failed(clientId, address);
            }

            @Override
            public void succeeded(String clientId) {
                self.succeeded(clientId);
            }
        };
    }
}
