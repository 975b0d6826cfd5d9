package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.search.Combinator;
import dev.portolan.catalog.search.MetaProperty;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.RelatedToRule;
import dev.portolan.catalog.search.SearchNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a search {@link Query} into a WHERE condition over {@code entities e}, with every user
 * value bound. A property name is used in SQL only when it matches the identifier rule (otherwise
 * no blueprint can have it, and it compares as a missing value). Negative operators ({@code !=},
 * {@code notIn}, {@code doesNotContains}, ...) are the two-valued negation of their positive
 * operator, so an entity without the property matches {@code !=} but not {@code =}.
 *
 * <p>One instance per search; not thread-safe.
 */
final class SearchCompiler {

    /** What a rule compares: an operand, how its values are shaped, and whether it is a stored timestamp. */
    private record Target(Operand operand, SearchScope.Shape shape, boolean timestamp, String name) {}

    private final Predicates predicates;
    private final SearchScope scope;
    private final Clock clock;
    private final RuleValues values;
    private int aliases;

    SearchCompiler(Predicates predicates, SearchScope scope, Clock clock) {
        this.predicates = predicates;
        this.scope = scope;
        this.clock = clock;
        this.values = new RuleValues();
    }

    SqlFragment compile(Query query) {
        return node(query);
    }

    private SqlFragment node(SearchNode node) {
        return switch (node) {
            case Query query -> combine(query);
            case PropertyRule rule -> rule(rule);
            case RelatedToRule rule -> RelatedToSql.compile(rule, rule.required() ? scope.requiredRelations() : List.of(), predicates);
        };
    }

    private SqlFragment combine(Query query) {
        List<SqlFragment> parts = new ArrayList<>();
        for (SearchNode child : query.rules() == null ? List.<SearchNode>of() : query.rules()) {
            parts.add(node(child));
        }
        return query.combinator() == Combinator.OR ? SqlFragment.or(parts) : SqlFragment.and(parts);
    }

    private SqlFragment rule(PropertyRule rule) {
        values.check(rule);
        String name = rule.property();
        var meta = MetaProperty.fromWire(name);
        if (meta.isPresent()) {
            return apply(metaTarget(meta.get()), rule);
        }
        if (!Identifiers.isValid(name)) {
            return missing(rule.operator());
        }
        Target property = new Target(new Operand.JsonField("properties", name), scope.propertyShape(name), false, name);
        List<String> relationBlueprints = scope.relationBlueprints(name);
        if (relationBlueprints.isEmpty()) {
            return apply(property, rule);
        }
        Target relation = new Target(new Operand.JsonField("relations", name), scope.relationShape(name), false, name);
        if (scope.coversOnly(relationBlueprints)) {
            return apply(relation, rule);
        }
        // Searching several blueprints: the name is a relation in some and a property (or nothing) in others.
        SqlFragment inRelationBlueprints = new SqlFragment("e.blueprint IN (" + Sql.placeholders(relationBlueprints.size())
                + ")", new ArrayList<>(relationBlueprints));
        return SqlFragment.or(
                SqlFragment.and(inRelationBlueprints, apply(relation, rule)),
                SqlFragment.and(inRelationBlueprints.negate(), apply(property, rule)));
    }

    private static Target metaTarget(MetaProperty meta) {
        return switch (meta) {
            case IDENTIFIER -> column("identifier", meta, false);
            case TITLE -> column("title", meta, false);
            case ICON -> column("icon", meta, false);
            case BLUEPRINT -> column("blueprint", meta, false);
            case CREATED_BY -> column("created_by", meta, false);
            case UPDATED_BY -> column("updated_by", meta, false);
            case DATASOURCE -> column("datasource", meta, false);
            case CREATED_AT -> column("created_at", meta, true);
            case UPDATED_AT -> column("updated_at", meta, true);
            case TEAM -> new Target(new Operand.JsonColumn("team"), SearchScope.Shape.ARRAY, false, meta.wire());
        };
    }

    private static Target column(String column, MetaProperty meta, boolean timestamp) {
        return new Target(new Operand.TextColumn(column), SearchScope.Shape.SCALAR, timestamp, meta.wire());
    }

    /** A name no blueprint can have: its value is missing everywhere. */
    private static SqlFragment missing(Operator operator) {
        return switch (operator) {
            case IS_EMPTY, NEQ, NOT_BETWEEN, DOES_NOT_CONTAIN, DOES_NOT_BEGIN_WITH, DOES_NOT_END_WITH, NOT_IN -> SqlFragment.TRUE;
            default -> SqlFragment.FALSE;
        };
    }

    private SqlFragment apply(Target target, PropertyRule rule) {
        Operator positive = RuleValues.positive(rule.operator());
        SqlFragment condition = switch (target.shape()) {
            case SCALAR -> scalar(target, positive, rule.value());
            case ARRAY -> array(target, positive, rule.value());
            case UNKNOWN -> SqlFragment.choose(predicates.isArray(target.operand()),
                    array(target, positive, rule.value()), scalar(target, positive, rule.value()));
        };
        return positive == rule.operator() ? condition : condition.negate();
    }

    private SqlFragment scalar(Target target, Operator operator, JsonNode value) {
        Operand operand = target.operand();
        if (RuleValues.unstorable(value) && operator != Operator.IN && operator != Operator.CONTAINS_ANY) {
            return SqlFragment.FALSE;
        }
        return switch (operator) {
            case EQ -> equal(target, value);
            case GT -> predicates.compare(operand, ">", comparable(target, value));
            case GTE -> predicates.compare(operand, ">=", comparable(target, value));
            case LT -> predicates.compare(operand, "<", comparable(target, value));
            case LTE -> predicates.compare(operand, "<=", comparable(target, value));
            case BETWEEN -> between(target, value);
            case CONTAINS -> predicates.containsText(operand, RuleValues.text(value));
            case CONTAINS_ANY -> containsAny(operand, value);
            case BEGINS_WITH -> predicates.startsWith(operand, RuleValues.text(value));
            case ENDS_WITH -> predicates.endsWith(operand, RuleValues.text(value));
            case IN -> anyOf(target, RuleValues.elements(value));
            case IS_EMPTY -> predicates.isEmpty(operand);
            default -> throw new IllegalStateException("not a positive operator: " + operator);
        };
    }

    /** Array values: membership for equality-like operators, "any element" for the others. */
    private SqlFragment array(Target target, Operator operator, JsonNode value) {
        Operand operand = target.operand();
        String alias = "el" + (++aliases);
        return switch (operator) {
            case IS_EMPTY -> predicates.isEmpty(operand);
            case EQ -> value != null && value.isContainerNode()
                    ? predicates.jsonEquals(operand, value)
                    : predicates.anyElement(operand, alias, element -> equal(elementOf(target, element), value));
            case CONTAINS -> predicates.anyElement(operand, alias, element -> equal(elementOf(target, element), value));
            case CONTAINS_ANY, IN -> predicates.anyElement(operand, alias,
                    element -> anyOf(elementOf(target, element), RuleValues.elements(value)));
            default -> predicates.anyElement(operand, alias, element -> scalar(elementOf(target, element), operator, value));
        };
    }

    /** A text containing any of the values: one predicate over all of them, whatever their number. */
    private SqlFragment containsAny(Operand operand, JsonNode value) {
        List<String> texts = RuleValues.elements(value).stream().filter(v -> !RuleValues.unstorable(v)).map(RuleValues::text).toList();
        return texts.isEmpty() ? SqlFragment.FALSE : predicates.containsAnyText(operand, texts);
    }

    private static Target elementOf(Target array, Operand element) {
        return new Target(element, SearchScope.Shape.SCALAR, false, array.name());
    }

    /** {@code in}: plain values become one list parameter (which uses the property's index); null and containers compare one by one. */
    private SqlFragment anyOf(Target target, List<JsonNode> values) {
        List<JsonNode> plain = new ArrayList<>();
        List<SqlFragment> others = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isValueNode() && !value.isNull() && !RuleValues.unstorable(value)) {
                plain.add(target.timestamp() ? storedTimestamp(target, value) : value);
            } else {
                others.add(equal(target, value));
            }
        }
        if (!plain.isEmpty()) {
            others.addFirst(predicates.equalToAny(target.operand(), plain));
        }
        return SqlFragment.or(others);
    }

    private SqlFragment equal(Target target, JsonNode value) {
        if (value == null || value.isNull()) {
            return predicates.isEmpty(target.operand());
        }
        if (RuleValues.unstorable(value)) {
            return SqlFragment.FALSE;
        }
        if (value.isContainerNode()) {
            return predicates.jsonEquals(target.operand(), value);
        }
        return predicates.equalTo(target.operand(), target.timestamp() ? storedTimestamp(target, value) : value);
    }

    private JsonNode comparable(Target target, JsonNode value) {
        if (value == null || !(value.isNumber() || value.isTextual())) {
            throw new IllegalArgumentException("'" + target.name() + "' can only be compared with a number or a string, not "
                    + (value == null ? "nothing" : value.toString()));
        }
        return target.timestamp() ? storedTimestamp(target, value) : value;
    }

    private SqlFragment between(Target target, JsonNode value) {
        DateRange range = DateRange.of(target.name(), value, clock,
                given -> target.timestamp() ? RuleValues.storedTimestamp(target.name(), given) : given,
                instant -> target.timestamp() ? Timestamps.format(instant) : RuleValues.isoMillis(instant));
        return SqlFragment.and(
                predicates.compare(target.operand(), ">=", TextNode.valueOf(range.from())),
                predicates.compare(target.operand(), range.toExclusive() ? "<" : "<=", TextNode.valueOf(range.to())));
    }

    private static JsonNode storedTimestamp(Target target, JsonNode value) {
        return TextNode.valueOf(RuleValues.storedTimestamp(target.name(), value.asText()));
    }
}
