package dev.portolan.store;

/**
 * What a search rule compares, as the dialect's {@link Predicates} see it. The entities table is
 * always aliased {@code e}.
 */
sealed interface Operand {

    /** The value under {@code key} in a JSON object column ({@code properties}, {@code relations}); key is a checked identifier. */
    record JsonField(String column, String key) implements Operand {}

    /** A JSON column as a whole ({@code team}). */
    record JsonColumn(String column) implements Operand {}

    /** One element of a JSON array, inside {@link Predicates#anyElement}. */
    record Element(String alias) implements Operand {}

    /** A plain text column ({@code identifier}, {@code title}, timestamps, ...). */
    record TextColumn(String column) implements Operand {}
}
