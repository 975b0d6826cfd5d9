package dev.portolan.store;

import dev.portolan.catalog.search.MetaProperty;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;

import java.util.Map;
import java.util.Optional;

/**
 * The search box's indexes: {@code contains} on {@code $title} or {@code $identifier} (the catalog
 * page's free-text search) is answered, on PostgreSQL, by a trigram index of the blueprint's own
 * ({@link Dialect#createTextIndex}), built the first time a search of the blueprint asks, like a
 * property's ({@link PropertyIndexes}). Until then a blueprint's writes keep no trigrams: the two
 * indexes over every blueprint's rows were a fifth of a cold resync. They are kept in
 * {@code property_indexes} under keys of their own ({@code $title:text}, {@code $identifier:text}),
 * apart from the sort index of {@code $title} ({@link MetaColumns}).
 */
final class TextIndexes {

    private static final String SUFFIX = ":text";
    private static final Map<String, String> COLUMNS = Map.of(
            MetaProperty.TITLE.wire() + SUFFIX, "title",
            MetaProperty.IDENTIFIER.wire() + SUFFIX, "identifier");

    private TextIndexes() {}

    /** The key of the text index a rule reads, if it is a search-box rule. */
    static Optional<String> wantedBy(PropertyRule rule) {
        String key = rule.property() + SUFFIX;
        return rule.operator() == Operator.CONTAINS && COLUMNS.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    /** The column of a text index's key, e.g. {@code $title:text → title}. */
    static Optional<String> column(String key) {
        return Optional.ofNullable(COLUMNS.get(key));
    }
}
