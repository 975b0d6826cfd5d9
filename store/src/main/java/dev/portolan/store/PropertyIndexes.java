package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One partial expression index per scalar property of each blueprint ({@code WHERE blueprint = ...}),
 * so that a search on a property reads only that blueprint's matching rows. The {@code property_indexes}
 * table records which exist; index names come from a hash of blueprint, property and index DDL, so a
 * changed definition (e.g. another PostgreSQL index method) gets a new index. Where the database needs
 * them, statistics on the property's values come with the index ({@link Dialect#createPropertyStatistics}).
 */
final class PropertyIndexes {

    private final Connection connection;
    private final Dialect dialect;

    PropertyIndexes(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Creates the indexes the blueprint's schema needs and drops those it no longer needs. */
    void sync(Blueprint blueprint) {
        String identifier = blueprint.identifier();
        Map<String, String> wanted = new HashMap<>();
        Map<String, String> ddl = new HashMap<>();
        if (Identifiers.isValid(identifier)) {
            blueprint.properties().definitions().forEach((property, definition) -> {
                if (definition.isScalar() && Identifiers.isValid(property)) {
                    String name = indexName(identifier, property, definition);
                    wanted.put(property, name);
                    ddl.put(property, dialect.createPropertyIndex(name, identifier, property, definition));
                }
            });
        }
        Map<String, String> existing = existing(identifier);
        existing.forEach((property, name) -> {
            if (!name.equals(wanted.get(property))) {
                drop(identifier, property, name);
            }
        });
        wanted.forEach((property, name) -> {
            if (!name.equals(existing.get(property))) {
                dialect.createPropertyStatistics(property).forEach(statistics -> Sql.update(connection, statistics, List.of()));
                Sql.update(connection, ddl.get(property), List.of());
                Sql.update(connection, "INSERT INTO property_indexes (blueprint, property, index_name) VALUES (?, ?, ?)",
                        List.of(identifier, property, name));
            }
        });
    }

    /** The name of the index on one property of a blueprint, if it has one. */
    Optional<String> find(String blueprint, String property) {
        return Sql.queryOne(connection, "SELECT index_name FROM property_indexes WHERE blueprint = ? AND property = ?",
                List.of(blueprint, property), row -> row.getString(1));
    }

    void dropAll(String blueprint) {
        existing(blueprint).forEach((property, name) -> drop(blueprint, property, name));
    }

    private String indexName(String blueprint, String property, PropertyDefinition definition) {
        // The DDL text takes part in the hash: any change to how the index is built renames it.
        String ddl = dialect.createPropertyIndex("x", blueprint, property, definition);
        return Identifiers.objectName("entities_p_", blueprint, property, ddl);
    }

    private Map<String, String> existing(String blueprint) {
        Map<String, String> byProperty = new HashMap<>();
        Sql.query(connection, "SELECT property, index_name FROM property_indexes WHERE blueprint = ?", List.of(blueprint),
                row -> byProperty.put(row.getString(1), row.getString(2)));
        return byProperty;
    }

    private void drop(String blueprint, String property, String name) {
        Sql.update(connection, "DROP INDEX IF EXISTS " + Identifiers.checked(name), List.of());
        Sql.update(connection, "DELETE FROM property_indexes WHERE blueprint = ? AND property = ?", List.of(blueprint, property));
    }
}
