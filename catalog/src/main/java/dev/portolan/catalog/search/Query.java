package dev.portolan.catalog.search;

import java.util.List;

/**
 * {@code {combinator, rules}}. An empty {@code and} matches everything; an empty {@code or}
 * matches nothing.
 */
public record Query(Combinator combinator, List<SearchNode> rules) implements SearchNode {

    public static Query matchAll() {
        return new Query(Combinator.AND, List.of());
    }

    public static Query and(SearchNode... rules) {
        return new Query(Combinator.AND, List.of(rules));
    }
}
