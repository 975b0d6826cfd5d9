package dev.portolan.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/** The property operators of Port's search language, by their wire names. */
public enum Operator {
    EQ("="), NEQ("!="), GT(">"), GTE(">="), LT("<"), LTE("<="),
    BETWEEN("between"), NOT_BETWEEN("notBetween"),
    CONTAINS("contains"), DOES_NOT_CONTAIN("doesNotContains"), CONTAINS_ANY("containsAny"),
    BEGINS_WITH("beginsWith"), DOES_NOT_BEGIN_WITH("doesNotBeginsWith"),
    ENDS_WITH("endsWith"), DOES_NOT_END_WITH("doesNotEndsWith"),
    IN("in"), NOT_IN("notIn"),
    IS_EMPTY("isEmpty"), IS_NOT_EMPTY("isNotEmpty");

    private final String wire;

    Operator(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Operator> fromWire(String wire) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
    }

    /** Operators that take no value. */
    public boolean isUnary() {
        return this == IS_EMPTY || this == IS_NOT_EMPTY;
    }
}
