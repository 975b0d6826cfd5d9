package dev.portolan.store;

import dev.portolan.catalog.search.MetaProperty;

import java.util.Map;
import java.util.Optional;

/**
 * The meta-properties a catalog page sorts a blueprint's entities by, besides the identifier (which the
 * primary key orders), and their columns. Each gets, per blueprint, an index {@code (column, identifier)}
 * built the first time a search of the blueprint sorts by it or compares it by value, like a property's
 * ({@link PropertyIndexes}): a sorted page is then one ordered range read at any depth. Until then a
 * blueprint's writes keep no such index up to date; three indexes on every entity row were a fifth of
 * a cold resync.
 */
final class MetaColumns {

    private static final Map<String, String> COLUMNS = Map.of(
            MetaProperty.TITLE.wire(), "title",
            MetaProperty.CREATED_AT.wire(), "created_at",
            MetaProperty.UPDATED_AT.wire(), "updated_at");

    private MetaColumns() {}

    /** The column of a meta-property that has a per-blueprint index, e.g. {@code $title → title}. */
    static Optional<String> column(String metaProperty) {
        return Optional.ofNullable(COLUMNS.get(metaProperty));
    }

    /** The same on both databases: the columns are plain text ({@code COLLATE "C"} on PostgreSQL). */
    static String createIndex(String indexName, String blueprint, String column) {
        return "CREATE INDEX IF NOT EXISTS " + Identifiers.checked(indexName) + " ON entities (" + column
                + ", identifier) WHERE blueprint = " + Identifiers.literal(blueprint);
    }
}
