package dev.portolan.store;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** The server's own key-value {@code settings}. */
final class SettingRows {

    private final Connection connection;

    SettingRows(Connection connection) {
        this.connection = connection;
    }

    Optional<String> find(String key) {
        return Sql.queryOne(connection, "SELECT value FROM settings WHERE key = ?", List.of(key), row -> row.getString(1));
    }

    /** Insert-if-absent in one statement, so two servers starting together agree on one value. */
    String putIfAbsent(String key, String value) {
        Sql.update(connection, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", List.of(key, value));
        return find(key).orElseThrow(() -> new IllegalStateException("setting " + key + " vanished after insert"));
    }
}
