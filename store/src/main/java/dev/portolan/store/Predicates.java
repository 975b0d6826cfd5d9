package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;

/**
 * The SQL of search predicates over one {@link Operand}, per dialect. Values are always bound.
 * Each predicate is true only when the operand has the right JSON type (a number never equals a
 * string, {@code true} is not {@code 1}); it may be NULL when the value is missing, which callers
 * treat as false ({@link SqlFragment#negate}).
 */
interface Predicates {

    /** Equal to a string, number or boolean of the same JSON type (strings exactly, case included). */
    SqlFragment equalTo(Operand operand, JsonNode scalar);

    /**
     * Equal to any of the given strings, numbers and booleans. The values are bound as one
     * parameter per JSON type (an array), never one parameter each, so a list of any length fits
     * the database's limit on parameters, and the property's index still applies.
     */
    SqlFragment equalToAny(Operand operand, List<JsonNode> scalars);

    /** The SQL text {@code expression} is one of {@code texts}, bound as one parameter however many there are. */
    SqlFragment textIn(String expression, List<String> texts);

    /** Equal as a whole to a JSON array or object. */
    SqlFragment jsonEquals(Operand operand, JsonNode value);

    /** {@code operand sqlOperator value} for a number (numeric order) or a string (bytewise order). */
    SqlFragment compare(Operand operand, String sqlOperator, JsonNode numberOrString);

    /** A string value containing {@code text}. */
    SqlFragment containsText(Operand operand, String text);

    /** A string value containing any of {@code texts}, bound as one parameter however many there are. */
    SqlFragment containsAnyText(Operand operand, List<String> texts);

    SqlFragment startsWith(Operand operand, String text);

    SqlFragment endsWith(Operand operand, String text);

    /** Missing, JSON null, {@code ""}, {@code []} or {@code {}}. */
    SqlFragment isEmpty(Operand operand);

    /** Whether the value is a JSON array (for properties whose type the schema does not settle). */
    SqlFragment isArray(Operand operand);

    /**
     * Whether any element of the array {@code operand} satisfies {@code elementPredicate}; a
     * scalar counts as a one-element array, a missing value as an empty one.
     *
     * @param alias  a name for the element rows, unique within the query
     */
    SqlFragment anyElement(Operand operand, String alias, Function<Operand, SqlFragment> elementPredicate);

    /**
     * The row {@code e} is one of the entities whose keys the query {@code keys} selects as columns
     * {@code (b, i)}, after {@code with} (a {@code WITH} clause the query reads). As written here, the
     * planner may look each key up; SQLite overrides it (see there).
     */
    default String entityAmong(String with, String keys) {
        return "(e.blueprint, e.identifier) IN (" + with + " " + keys + ")";
    }
}
