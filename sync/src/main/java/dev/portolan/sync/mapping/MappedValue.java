package dev.portolan.sync.mapping;

import java.util.List;

/** A mapped value: a jq expression, or a search query whose rule values are jq expressions. */
public sealed interface MappedValue {

    /** A jq expression evaluated against the object. */
    record Jq(String expression) implements MappedValue {}

    /**
     * {@code {combinator, rules: [{property, operator, value}]}}: the entity (or entities) whose
     * properties match; each rule's {@code value} is jq evaluated against the object.
     */
    record Search(String combinator, List<SearchRule> rules) implements MappedValue {}

    /** One rule of a {@link Search}: {@code value} is jq. */
    record SearchRule(String property, String operator, String value) {}
}
