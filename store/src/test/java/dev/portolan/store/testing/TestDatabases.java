package dev.portolan.store.testing;

import java.util.Arrays;
import java.util.List;

/**
 * Fresh test databases of both dialects. Every store test runs on each of {@link #dialects()}
 * ({@link StoreTest} does that for a test method); the environment variable {@value #DIALECTS_ENV}
 * (e.g. {@code sqlite}) narrows the set for a quick local run.
 */
public final class TestDatabases {

    public static final String DIALECTS_ENV = "PORTOLAN_TEST_DIALECTS";
    public static final List<String> ALL = List.of("sqlite", "postgresql");

    private TestDatabases() {}

    public static SqliteTestDatabase sqlite() {
        return new SqliteTestDatabase();
    }

    /** @throws IllegalStateException saying how to start PostgreSQL when it is not reachable */
    public static PostgresTestDatabase postgresql() {
        return new PostgresTestDatabase();
    }

    public static TestDatabase create(String dialect) {
        return switch (dialect) {
            case "sqlite" -> sqlite();
            case "postgresql" -> postgresql();
            default -> throw new IllegalArgumentException("unknown dialect '" + dialect + "'; known: " + ALL);
        };
    }

    /** The dialects tests run on: all, or those listed in {@value #DIALECTS_ENV}. */
    public static List<String> dialects() {
        String configured = System.getenv(DIALECTS_ENV);
        if (configured == null || configured.isBlank()) {
            return ALL;
        }
        List<String> chosen = Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        chosen.forEach(d -> {
            if (!ALL.contains(d)) {
                throw new IllegalArgumentException(DIALECTS_ENV + " names unknown dialect '" + d + "'; known: " + ALL);
            }
        });
        return chosen;
    }
}
