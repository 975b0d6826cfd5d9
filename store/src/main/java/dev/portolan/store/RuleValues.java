package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The values of search rules: shape checks with messages naming the rule, and conversions. */
final class RuleValues {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Rejects a value whose shape the operator cannot use. */
    void check(PropertyRule rule) {
        Operator operator = rule.operator();
        JsonNode value = rule.value();
        if (operator == null) {
            throw new IllegalArgumentException("a search rule on '" + rule.property() + "' has no operator");
        }
        if (!operator.isUnary() && operator != Operator.EQ && operator != Operator.NEQ && (value == null || value.isNull())) {
            throw new IllegalArgumentException("operator '" + operator.wire() + "' on '" + rule.property() + "' needs a value");
        }
        switch (operator) {
            case CONTAINS, DOES_NOT_CONTAIN, BEGINS_WITH, DOES_NOT_BEGIN_WITH, ENDS_WITH, DOES_NOT_END_WITH -> {
                if (value.isContainerNode()) {
                    throw new IllegalArgumentException("operator '" + operator.wire() + "' on '" + rule.property()
                            + "' needs a string, not " + value);
                }
            }
            default -> { }
        }
    }

    /** The positive operator whose negation {@code operator} is, or {@code operator} itself. */
    static Operator positive(Operator operator) {
        return switch (operator) {
            case NEQ -> Operator.EQ;
            case NOT_BETWEEN -> Operator.BETWEEN;
            case DOES_NOT_CONTAIN -> Operator.CONTAINS;
            case DOES_NOT_BEGIN_WITH -> Operator.BEGINS_WITH;
            case DOES_NOT_END_WITH -> Operator.ENDS_WITH;
            case NOT_IN -> Operator.IN;
            case IS_NOT_EMPTY -> Operator.IS_EMPTY;
            default -> operator;
        };
    }

    /**
     * Whether a value holds a NUL character, which no stored text can contain (PostgreSQL refuses it
     * in text and jsonb): such a value matches nothing, and is never sent to the database.
     */
    static boolean unstorable(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isTextual()) {
            return value.asText().indexOf('\u0000') >= 0;
        }
        for (JsonNode child : value) {
            if (unstorable(child)) {
                return true;
            }
        }
        return value.isObject() && value.properties().stream().anyMatch(e -> e.getKey().indexOf('\u0000') >= 0);
    }

    static String text(JsonNode value) {
        return value.asText();
    }

    /** The elements of an {@code in}/{@code containsAny} value; a single value counts as a list of one. */
    static List<JsonNode> elements(JsonNode value) {
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(elements::add);
        } else {
            elements.add(value);
        }
        return elements;
    }

    /** A date-time of a rule on {@code $createdAt}/{@code $updatedAt} in the stored form; a date means its start (UTC). */
    static String storedTimestamp(String property, String given) {
        try {
            return Timestamps.format(OffsetDateTime.parse(given).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Timestamps.format(LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("'" + property + "' needs an ISO-8601 date-time such as "
                        + "2024-05-01T12:00:00Z, not '" + given + "'");
            }
        }
    }

    /** How preset bounds are written for date-time properties: Port's own format, with milliseconds. */
    static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
