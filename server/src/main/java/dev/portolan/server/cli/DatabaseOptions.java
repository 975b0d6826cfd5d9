package dev.portolan.server.cli;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.Stores;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which database a command works on: the same options and environment variables as {@code serve}. */
final class DatabaseOptions {

    @Option(names = "--data-dir", defaultValue = "${env:PORTOLAN_DATA_DIR:-data}",
            description = "Directory of the embedded SQLite database (env PORTOLAN_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", defaultValue = "${env:PORTOLAN_DB_URL}",
            description = "JDBC URL of a PostgreSQL database (env PORTOLAN_DB_URL). Without it, SQLite in the data directory.")
    String databaseUrl;

    String url() {
        return databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl;
    }

    CatalogStore open() {
        return url() != null ? Stores.open(url()) : Stores.sqlite(dataDir.toAbsolutePath());
    }
}
