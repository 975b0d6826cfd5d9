package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.blueprint.PropertySchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partial expression indexes on a blueprint's scalar properties ({@code WHERE blueprint = ...}), so
 * that a search on a property reads only that blueprint's matching rows. They are built on demand
 * ({@link #build}): the first search that compares a property by value or sorts by it builds its
 * index ({@link SearchIndexes}). An index costs every write of the blueprint's entities (a page per
 * row in each index: with one on each of 9 properties, SQLite writes such entities at half the rate,
 * PostgreSQL at 60%), so only the properties searches use have one. The meta-properties a page is
 * sorted by ({@link MetaColumns}: {@code $title}, {@code $createdAt}, {@code $updatedAt}) are kept here
 * too, under their names, with a (column, identifier) index each, and so are the search box's text
 * indexes ({@link TextIndexes}).
 *
 * <p>The {@code property_indexes} table records which exist; index names come from a hash of
 * blueprint, property and index DDL, so a changed definition (e.g. another PostgreSQL index method)
 * gets a new index. Where the database needs them, statistics on the property's values come with the
 * index ({@link Dialect#createPropertyStatistics}).
 */
final class PropertyIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(PropertyIndexes.class);

    private final Connection connection;
    private final Dialect dialect;

    PropertyIndexes(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Keeps the indexes the blueprint has in step with its schema: an index whose property is gone or
     * no longer scalar is dropped; one whose definition changed how it is built is built again. No
     * index is added: a property gets one when a search first needs it.
     */
    void follow(Blueprint blueprint) {
        String identifier = blueprint.identifier();
        PropertySchema schema = blueprint.properties();
        existing(identifier).forEach((key, name) -> {
            boolean indexable = indexable(dialect, identifier, key, schema);
            if (!indexable || !name.equals(indexName(identifier, key, schema))) {
                drop(identifier, key, name);
                if (indexable) {
                    create(identifier, key, schema);
                }
            }
        });
    }

    /**
     * Builds an index on each of {@code properties} that the blueprint has as a scalar property and
     * that has none yet. Takes seconds at a million entities, and holds the write lock (SQLite) or
     * blocks writes to entities (PostgreSQL) meanwhile.
     *
     * @return the properties it built an index on
     */
    List<String> build(Blueprint blueprint, Collection<String> properties) {
        Set<String> indexed = indexed(blueprint.identifier());
        PropertySchema schema = blueprint.properties();
        List<String> built = new ArrayList<>();
        for (String property : new TreeSet<>(properties)) {
            if (!indexed.contains(property) && indexable(dialect, blueprint.identifier(), property, schema)
                    && tryCreate(blueprint.identifier(), property, schema)) {
                built.add(property);
            }
        }
        return built;
    }

    /** {@link #follow} for every blueprint: what a migration that changes how indexes are built runs. */
    void followAll() {
        new BlueprintRows(connection, dialect).list().forEach(this::follow);
    }

    /**
     * An index that cannot be built (on PostgreSQL, a btree whose entries would pass its 2.7 kB limit:
     * an e-mail address of thousands of characters) must not fail the search that asked for it: the
     * search then reads the rows, and the next one tries again.
     */
    private boolean tryCreate(String blueprint, String property, PropertySchema schema) {
        // SQL savepoints, not JDBC ones: both dialects run their transactions with BEGIN statements.
        Sql.update(connection, "SAVEPOINT property_index", List.of());
        try {
            create(blueprint, property, schema);
            Sql.update(connection, "RELEASE SAVEPOINT property_index", List.of());
            return true;
        } catch (StoreException e) {
            Sql.update(connection, "ROLLBACK TO SAVEPOINT property_index", List.of());
            Sql.update(connection, "RELEASE SAVEPOINT property_index", List.of());
            LOG.warn("cannot build the index of '{}' of blueprint '{}'; searches on it read the blueprint's rows: {}",
                    property, blueprint, e.getMessage());
            return false;
        }
    }

    /** The properties of the blueprint that have an index. */
    Set<String> indexed(String blueprint) {
        return existing(blueprint).keySet();
    }

    /** The name of the index on one property of a blueprint, if it has one. */
    Optional<String> find(String blueprint, String property) {
        return Sql.queryOne(connection, "SELECT index_name FROM property_indexes WHERE blueprint = ? AND property = ?",
                List.of(blueprint, property), row -> row.getString(1));
    }

    void dropAll(String blueprint) {
        existing(blueprint).forEach((property, name) -> drop(blueprint, property, name));
    }

    /**
     * Whether the key can have an index: a scalar property of the blueprint, a meta-property of
     * {@link MetaColumns}, or a text index of {@link TextIndexes} where the dialect builds one; names
     * usable in SQL.
     */
    static boolean indexable(Dialect dialect, String blueprint, String key, PropertySchema schema) {
        if (!Identifiers.isValid(blueprint)) return false;
        if (MetaColumns.column(key).isPresent()) return true;
        Optional<String> textColumn = TextIndexes.column(key);
        if (textColumn.isPresent()) return dialect.createTextIndex("x", blueprint, textColumn.get()).isPresent();
        PropertyDefinition definition = schema.definition(key);
        return definition != null && definition.isScalar() && Identifiers.isValid(key);
    }

    /**
     * Builds the index and has the database take its statistics at once: the blueprint may already
     * hold a million entities, and without statistics the planner prefers walking the primary key.
     */
    private void create(String blueprint, String key, PropertySchema schema) {
        String name = indexName(blueprint, key, schema);
        if (MetaColumns.column(key).isEmpty() && TextIndexes.column(key).isEmpty()) {
            // A column has its statistics already; a property's value is an expression that needs its own.
            dialect.createPropertyStatistics(key).forEach(statistics -> Sql.update(connection, statistics, List.of()));
        }
        Sql.update(connection, ddl(name, blueprint, key, schema), List.of());
        dialect.analyzeIndex(name).forEach(statement -> Sql.update(connection, statement, List.of()));
        Sql.update(connection, "INSERT INTO property_indexes (blueprint, property, index_name) VALUES (?, ?, ?)",
                List.of(blueprint, key, name));
    }

    private String indexName(String blueprint, String key, PropertySchema schema) {
        // The DDL text takes part in the hash: any change to how the index is built renames it.
        return Identifiers.objectName("entities_p_", blueprint, key, ddl("x", blueprint, key, schema));
    }

    private String ddl(String name, String blueprint, String key, PropertySchema schema) {
        Optional<String> textColumn = TextIndexes.column(key);
        if (textColumn.isPresent()) {
            return dialect.createTextIndex(name, blueprint, textColumn.get()).orElseThrow();
        }
        return MetaColumns.column(key).map(column -> MetaColumns.createIndex(name, blueprint, column))
                .orElseGet(() -> dialect.createPropertyIndex(name, blueprint, key, schema.definition(key)));
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
