package dev.portolan.jq.parse;

import java.util.List;

/** A destructuring pattern after {@code as}: {@code $x}, {@code [$a, $b]} or {@code {a: $x, $y}}. */
public sealed interface Pattern {
    int pos();

    record Variable(int pos, String name) implements Pattern { }

    record ArrayOf(int pos, List<Pattern> elements) implements Pattern { }

    /** Entries: key expression and sub-pattern; {@code $name} alone binds the variable and uses its name as key. */
    record ObjectOf(int pos, List<Field> fields) implements Pattern { }

    /** {@code keyVar} is non-null for {@code $name} and {@code $name: pattern}; {@code value} may be null. */
    record Field(String keyVar, Ast key, Pattern value) { }
}
