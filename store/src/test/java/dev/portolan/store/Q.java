package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.search.Combinator;
import dev.portolan.catalog.search.Direction;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.RelatedToRule;
import dev.portolan.catalog.search.SearchNode;

import java.util.List;

/** Search queries for tests, built from the query records (values as JSON, single quotes allowed). */
final class Q {

    private Q() {}

    static PropertyRule rule(String property, String operator, String valueJson) {
        Operator op = Operator.fromWire(operator).orElseThrow(() -> new IllegalArgumentException(operator));
        JsonNode value = valueJson == null ? null : Fixtures.json(valueJson);
        return new PropertyRule(property, op, value);
    }

    /** A rule whose value is a plain string, taken as is (no JSON quoting needed). */
    static PropertyRule text(String property, String operator, String value) {
        return new PropertyRule(property, Operator.fromWire(operator).orElseThrow(),
                com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    }

    static RelatedToRule related(String blueprint, Direction direction, boolean required, String... identifiers) {
        return new RelatedToRule(blueprint, List.of(identifiers), direction, required);
    }

    static Query and(SearchNode... rules) {
        return new Query(Combinator.AND, List.of(rules));
    }

    static Query or(SearchNode... rules) {
        return new Query(Combinator.OR, List.of(rules));
    }
}
