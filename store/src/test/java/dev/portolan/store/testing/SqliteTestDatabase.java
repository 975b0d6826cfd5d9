package dev.portolan.store.testing;

import dev.portolan.store.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An SQLite database in a new temporary data directory, deleted on close. */
public final class SqliteTestDatabase implements TestDatabase {

    private final Path dataDir;

    public SqliteTestDatabase() {
        try {
            this.dataDir = Files.createTempDirectory("portolan-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directory (what the server's {@code --data-dir} takes). */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String dialect() {
        return "sqlite";
    }

    @Override
    public String jdbcUrl() {
        return Stores.sqliteUrl(dataDir);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "sqlite " + dataDir;
    }
}
