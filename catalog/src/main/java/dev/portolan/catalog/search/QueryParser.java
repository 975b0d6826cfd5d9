package dev.portolan.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Identifiers;
import dev.portolan.catalog.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Port's search query JSON ({@code {combinator, rules}}) into a {@link Query}, reporting every
 * problem at once keyed by its path ({@code rules[2].operator}). Property names are checked here
 * against the identifier rules, so nothing odd ever reaches the SQL compiler.
 */
public final class QueryParser {

    private static final int MAX_DEPTH = 20;
    private static final Set<String> PRESETS = Set.of("today", "tomorrow", "yesterday", "lastWeek", "last2Weeks",
            "lastMonth", "last3Months", "last6Months", "last12Months");

    private QueryParser() {}

    public static Query parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        Query query = readQuery("", json, violations, 0);
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_search_query", "The search query", violations);
        return query;
    }

    private static Query readQuery(String path, JsonNode json, List<Violation> violations, int depth) {
        if (!(json instanceof ObjectNode object)) {
            violations.add(new Violation(path, "a query must be an object {combinator, rules}"));
            return Query.matchAll();
        }
        if (depth > MAX_DEPTH) {
            violations.add(new Violation(path, "queries may nest at most " + MAX_DEPTH + " levels"));
            return Query.matchAll();
        }
        Combinator combinator = Combinator.AND;
        JsonNode c = object.get("combinator");
        if (c == null || !c.isTextual() || !Set.of("and", "or").contains(c.asText())) {
            violations.add(new Violation(join(path, "combinator"), "must be \"and\" or \"or\""));
        } else {
            combinator = Combinator.valueOf(c.asText().toUpperCase(Locale.ROOT));
        }
        JsonNode rules = object.get("rules");
        List<SearchNode> nodes = new ArrayList<>();
        if (rules == null || !rules.isArray()) {
            violations.add(new Violation(join(path, "rules"), "must be an array of rules and queries"));
        } else {
            for (int i = 0; i < rules.size(); i++) {
                String rulePath = join(path, "rules[" + i + "]");
                JsonNode rule = rules.get(i);
                if (rule instanceof ObjectNode && rule.has("combinator")) {
                    nodes.add(readQuery(rulePath, rule, violations, depth + 1));
                } else {
                    SearchNode node = readRule(rulePath, rule, violations);
                    if (node != null) nodes.add(node);
                }
            }
        }
        object.fieldNames().forEachRemaining(key -> {
            if (!Set.of("combinator", "rules").contains(key)) {
                violations.add(new Violation(join(path, key), "unknown key; a query has combinator and rules"));
            }
        });
        return new Query(combinator, List.copyOf(nodes));
    }

    private static SearchNode readRule(String path, JsonNode json, List<Violation> violations) {
        if (!(json instanceof ObjectNode rule)) {
            violations.add(new Violation(path, "a rule must be an object {property, operator, value}"));
            return null;
        }
        JsonNode operator = rule.get("operator");
        if (operator == null || !operator.isTextual()) {
            violations.add(new Violation(join(path, "operator"), "is required"));
            return null;
        }
        if (operator.asText().equals("relatedTo")) {
            return readRelatedTo(path, rule, violations);
        }
        var known = Operator.fromWire(operator.asText());
        if (known.isEmpty()) {
            violations.add(new Violation(join(path, "operator"), "unknown operator '" + operator.asText() + "'; allowed: "
                    + String.join(", ", Arrays.stream(Operator.values()).map(Operator::wire).toList()) + ", relatedTo"));
            return null;
        }
        String property = readProperty(path, rule.get("property"), violations);
        JsonNode value = rule.get("value");
        checkValue(path, known.get(), value, violations);
        return property == null ? null : new PropertyRule(property, known.get(), value);
    }

    private static String readProperty(String path, JsonNode property, List<Violation> violations) {
        if (property == null || !property.isTextual()) {
            violations.add(new Violation(join(path, "property"), "is required (a property, relation or meta-property such as $identifier)"));
            return null;
        }
        String name = property.asText();
        if (name.startsWith("$")) {
            if (MetaProperty.fromWire(name).isEmpty()) {
                violations.add(new Violation(join(path, "property"), "unknown meta-property '" + name + "'; allowed: "
                        + String.join(", ", Arrays.stream(MetaProperty.values()).map(MetaProperty::wire).toList())));
                return null;
            }
        } else if (!Identifiers.isSchemaIdentifier(name)) {
            violations.add(new Violation(join(path, "property"), "'" + abbreviate(name) + "' is not a valid property identifier: "
                    + Identifiers.schemaIdentifierRule()));
            return null;
        }
        return name;
    }

    private static void checkValue(String path, Operator operator, JsonNode value, List<Violation> violations) {
        String valuePath = join(path, "value");
        switch (operator) {
            case IS_EMPTY, IS_NOT_EMPTY -> { }
            case BETWEEN, NOT_BETWEEN -> checkRange(valuePath, value, violations);
            case IN, NOT_IN, CONTAINS_ANY -> {
                if (value == null || !value.isArray()) {
                    violations.add(new Violation(valuePath, "'" + operator.wire() + "' needs an array of values"));
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        if (!value.get(i).isValueNode() || value.get(i).isNull()) {
                            violations.add(new Violation(valuePath + "[" + i + "]", "must be a string, number or boolean"));
                        }
                    }
                }
            }
            case CONTAINS, DOES_NOT_CONTAIN, BEGINS_WITH, DOES_NOT_BEGIN_WITH, ENDS_WITH, DOES_NOT_END_WITH -> {
                if (value == null || !value.isValueNode() || value.isNull()) {
                    violations.add(new Violation(valuePath, "'" + operator.wire() + "' needs a string value"));
                }
            }
            case GT, GTE, LT, LTE -> {
                if (value == null || !(value.isNumber() || value.isTextual())) {
                    violations.add(new Violation(valuePath, "'" + operator.wire() + "' needs a number or a date-time"));
                }
            }
            case EQ, NEQ -> {
                if (value == null || !(value.isValueNode() || value.isArray())) {
                    violations.add(new Violation(valuePath, "'" + operator.wire() + "' needs a value (string, number, boolean, null)"));
                }
            }
        }
    }

    private static void checkRange(String path, JsonNode value, List<Violation> violations) {
        if (value == null || !value.isObject()) {
            violations.add(new Violation(path, "needs {\"from\": date-time, \"to\": date-time} or {\"preset\": ...}"));
        } else if (value.has("preset")) {
            if (!PRESETS.contains(value.get("preset").asText())) {
                violations.add(new Violation(path + ".preset", "unknown preset; allowed: " + String.join(", ", new java.util.TreeSet<>(PRESETS))));
            }
        } else if (!value.path("from").isTextual() || !value.path("to").isTextual()) {
            violations.add(new Violation(path, "needs both 'from' and 'to' (ISO 8601 date-times)"));
        } else {
            for (String end : List.of("from", "to")) {
                try {
                    java.time.OffsetDateTime.parse(value.get(end).asText());
                } catch (java.time.format.DateTimeParseException e) {
                    violations.add(new Violation(path + "." + end, "is not an ISO 8601 date-time: " + abbreviate(value.get(end).asText())));
                }
            }
        }
    }

    private static SearchNode readRelatedTo(String path, ObjectNode rule, List<Violation> violations) {
        JsonNode blueprint = rule.get("blueprint");
        if (blueprint == null || !blueprint.isTextual() || !Identifiers.isSchemaIdentifier(blueprint.asText())) {
            violations.add(new Violation(join(path, "blueprint"), "'relatedTo' needs the blueprint of the given entity"));
        }
        List<String> identifiers = new ArrayList<>();
        JsonNode value = rule.get("value");
        if (value != null && value.isTextual()) {
            identifiers.add(value.asText());
        } else if (value != null && value.isArray() && !value.isEmpty()) {
            value.forEach(v -> {
                if (v.isTextual()) identifiers.add(v.asText());
                else violations.add(new Violation(join(path, "value"), "identifiers must be strings"));
            });
        } else {
            violations.add(new Violation(join(path, "value"), "'relatedTo' needs an entity identifier or an array of them"));
        }
        Direction direction = Direction.BOTH;
        JsonNode d = rule.get("direction");
        if (d != null && !d.isNull()) {
            if ("upstream".equals(d.asText())) direction = Direction.UPSTREAM;
            else if ("downstream".equals(d.asText())) direction = Direction.DOWNSTREAM;
            else violations.add(new Violation(join(path, "direction"), "must be \"upstream\" or \"downstream\""));
        }
        JsonNode required = rule.get("required");
        if (required != null && !required.isBoolean()) {
            violations.add(new Violation(join(path, "required"), "must be a boolean"));
        }
        return blueprint == null ? null : new RelatedToRule(blueprint.asText(), List.copyOf(identifiers), direction,
                required != null && required.asBoolean());
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
