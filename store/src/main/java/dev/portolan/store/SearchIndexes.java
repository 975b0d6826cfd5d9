package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertySchema;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.RelatedToRule;
import dev.portolan.catalog.search.SearchNode;
import dev.portolan.catalog.search.SearchRequest;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The property indexes a search of one blueprint reads: those of the properties it compares by value
 * ({@code =}, {@code in}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code between}, anywhere in
 * the query) and of the property it sorts by, where the names may also be the meta-properties of
 * {@link MetaColumns} ({@code $title}, {@code $createdAt}, {@code $updatedAt}), and the text indexes of
 * the search box's {@code contains} on {@code $title} and {@code $identifier} ({@link TextIndexes}), where
 * the database has them. Other operators read the rows whatever the indexes ({@code contains} on a
 * property, the negations), so they ask for none. A search of all blueprints reads no such index: each
 * is partial, to one blueprint.
 */
final class SearchIndexes {

    /** The operators whose SQL a (value, identifier) index answers (Predicates#equalTo, #equalToAny, #compare). */
    private static final Set<Operator> BY_VALUE = EnumSet.of(Operator.EQ, Operator.IN, Operator.GT, Operator.GTE,
            Operator.LT, Operator.LTE, Operator.BETWEEN);

    private SearchIndexes() {}

    /**
     * The properties (and meta-properties) of {@code blueprint}, the one searched, whose index the
     * search reads, where they can have one.
     */
    static Set<String> wanted(SearchRequest request, Blueprint blueprint, Dialect dialect) {
        Set<String> named = new TreeSet<>();
        if (request.query() != null) {
            collect(request.query(), named);
        }
        if (request.sort() != null) {
            named.add(request.sort().property()); // $identifier: the primary key orders it, nothing to build
        }
        if (named.isEmpty()) return named;
        // A relation of the same name is what a rule on the name compares (SearchCompiler), not a property.
        PropertySchema schema = blueprint.properties();
        named.removeIf(name -> (blueprint.relations() != null && blueprint.relations().containsKey(name))
                || !PropertyIndexes.indexable(dialect, blueprint.identifier(), name, schema));
        return named;
    }

    /** The names the query's rules compare by value, anywhere in it. */
    private static void collect(SearchNode node, Set<String> named) {
        switch (node) {
            case Query query -> {
                if (query.rules() != null) query.rules().forEach(rule -> collect(rule, named));
            }
            case PropertyRule rule -> {
                if (BY_VALUE.contains(rule.operator())) named.add(rule.property());
                TextIndexes.wantedBy(rule).ifPresent(named::add);
            }
            case RelatedToRule ignored -> { }
        }
    }
}
