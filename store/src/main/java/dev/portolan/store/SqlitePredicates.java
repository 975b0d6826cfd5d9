package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Search predicates on SQLite's JSON functions. {@code json_extract} gives SQL values (text,
 * integer, real; 1/0 for booleans; JSON text for arrays and objects), so every comparison is paired
 * with {@code json_type} to keep JSON types apart. The value expression of a property is exactly
 * the one of its expression index ({@link SqliteDialect#createPropertyIndex}) so the planner uses it.
 * SQLite's LIKE ignores ASCII case, so text matching uses {@code instr} and GLOB instead. Arrays and
 * objects are compared as the minified JSON text {@code json_extract} returns (never through
 * {@code json()} on the value: SQLite may evaluate it for a plain string too, and fail).
 */
final class SqlitePredicates implements Predicates {

    /** The text columns of the full-text table {@code entity_text}. */
    private static final java.util.Set<String> TEXT_INDEXED = java.util.Set.of("title", "identifier");

    /** An FTS5 query for {@code text} as a substring of one column: a quoted phrase, quotes doubled. */
    static String phrase(String column, String text) {
        return "{" + column + "} : \"" + text.replace("\"", "\"\"") + "\"";
    }

    /** {@code json_extract(column, '$."key"')}; key is a checked identifier (no quotes possible). */
    static String jsonValue(String column, String key) {
        return "json_extract(" + column + ", '$.\"" + Identifiers.checked(key) + "\"')";
    }

    /** {@code json_type(column, '$."key"')}, the form the property indexes hold (SqliteDialect#createPropertyIndex). */
    static String jsonType(String column, String key) {
        return "json_type(" + column + ", '$.\"" + Identifiers.checked(key) + "\"')";
    }

    @Override
    public SqlFragment equalTo(Operand operand, JsonNode scalar) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of(value(operand) + " = ?", scalar.asText());
        }
        if (scalar.isBoolean()) {
            return SqlFragment.of("(" + type(operand) + " = ?)", scalar.asBoolean() ? "true" : "false");
        }
        // json_extract gives a string as text, a number as a number, true and false as 1 and 0, an array or
        // object as its JSON text: only 0, 1 and texts that begin like JSON arrays or objects need the type
        // to tell them apart. Without it the condition reads nothing but the property's index, so counting
        // matches (FewMatches) does not fetch the rows.
        if (scalar.isNumber()) {
            boolean likeBoolean = scalar.doubleValue() == 0 || scalar.doubleValue() == 1;
            return SqlFragment.of("(" + value(operand) + " = ?" + (likeBoolean ? " AND " + type(operand) + " IN ('integer', 'real')" : "")
                    + ")", number(scalar));
        }
        String text = scalar.asText();
        boolean likeJson = text.startsWith("[") || text.startsWith("{");
        return SqlFragment.of("(" + value(operand) + " = ?" + (likeJson ? " AND " + type(operand) + " = 'text'" : "") + ")", text);
    }

    @Override
    public SqlFragment equalToAny(Operand operand, List<JsonNode> scalars) {
        if (operand instanceof Operand.TextColumn) {
            return textIn(value(operand), scalars.stream().map(JsonNode::asText).toList());
        }
        // Each list is one JSON array parameter, read back by json_each: any length fits, and IN (subquery) uses the index.
        ArrayNode texts = JsonNodeFactory.instance.arrayNode();
        ArrayNode numbers = JsonNodeFactory.instance.arrayNode();
        scalars.stream().filter(JsonNode::isTextual).forEach(texts::add);
        scalars.stream().filter(JsonNode::isNumber).forEach(numbers::add);
        List<SqlFragment> byType = new ArrayList<>();
        if (!texts.isEmpty()) {
            byType.add(SqlFragment.of("(" + value(operand) + " IN (SELECT value FROM json_each(?)) AND "
                    + type(operand) + " = 'text')", texts.toString()));
        }
        if (!numbers.isEmpty()) {
            byType.add(SqlFragment.of("(" + value(operand) + " IN (SELECT value FROM json_each(?)) AND "
                    + type(operand) + " IN ('integer', 'real'))", numbers.toString()));
        }
        scalars.stream().filter(JsonNode::isBoolean).distinct().forEach(v -> byType.add(equalTo(operand, v)));
        return SqlFragment.or(byType);
    }

    @Override
    public SqlFragment textIn(String expression, List<String> texts) {
        return SqlFragment.of("(" + expression + " IN (SELECT value FROM json_each(?)))", jsonArray(texts));
    }

    @Override
    public SqlFragment jsonEquals(Operand operand, JsonNode value) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.FALSE;
        }
        return SqlFragment.of("(" + type(operand) + " IN ('array', 'object') AND " + value(operand) + " = json(?))",
                value.toString());
    }

    @Override
    public SqlFragment compare(Operand operand, String sqlOperator, JsonNode numberOrString) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of(value(operand) + " " + sqlOperator + " ?", numberOrString.asText());
        }
        if (numberOrString.isNumber()) {
            return SqlFragment.of("(" + type(operand) + " IN ('integer', 'real') AND " + value(operand) + " "
                    + sqlOperator + " ?)", number(numberOrString));
        }
        return SqlFragment.of("(" + type(operand) + " = 'text' AND " + value(operand) + " " + sqlOperator + " ?)",
                numberOrString.asText());
    }

    @Override
    public SqlFragment containsText(Operand operand, String text) {
        if (operand instanceof Operand.TextColumn column && TEXT_INDEXED.contains(column.column())
                && text.codePointCount(0, text.length()) >= 3) {
            // The trigram index (entity_text, Version7Migration) finds the candidate rows; instr then
            // decides, so the answer is exactly instr's. Shorter texts have no trigram: instr alone.
            return SqlFragment.of("(e.rowid IN (SELECT rowid FROM entity_text WHERE entity_text MATCH ?) AND instr("
                    + value(operand) + ", ?) > 0)", phrase(column.column(), text), text);
        }
        return textCondition(operand, "instr(" + value(operand) + ", ?) > 0", text);
    }

    @Override
    public SqlFragment containsAnyText(Operand operand, List<String> texts) {
        // One EXISTS over a JSON array parameter, not one OR per text: SQLite limits how deep an expression may nest.
        return textCondition(operand, "EXISTS (SELECT 1 FROM json_each(?) AS needle WHERE instr(" + value(operand)
                + ", needle.value) > 0)", jsonArray(texts));
    }

    private static String jsonArray(List<String> texts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        texts.forEach(array::add);
        return array.toString();
    }

    @Override
    public SqlFragment startsWith(Operand operand, String text) {
        return textCondition(operand, "instr(" + value(operand) + ", ?) = 1", text);
    }

    @Override
    public SqlFragment endsWith(Operand operand, String text) {
        return textCondition(operand, value(operand) + " GLOB ?", "*" + escapeGlob(text));
    }

    @Override
    public SqlFragment isEmpty(Operand operand) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of("COALESCE(" + value(operand) + ", '') = ''");
        }
        String type = type(operand);
        String value = value(operand);
        return SqlFragment.of("(COALESCE(" + type + ", 'null') = 'null' OR (" + type + " = 'text' AND " + value
                + " = '') OR (" + type + " IN ('array', 'object') AND " + value + " IN ('[]', '{}')))");
    }

    @Override
    public SqlFragment isArray(Operand operand) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.FALSE;
        }
        return SqlFragment.of("(" + type(operand) + " = 'array')");
    }

    @Override
    public SqlFragment anyElement(Operand operand, String alias, Function<Operand, SqlFragment> elementPredicate) {
        String source = switch (operand) {
            case Operand.JsonField field -> "json_each(e." + field.column() + ", '$.\"" + Identifiers.checked(field.key()) + "\"')";
            case Operand.JsonColumn column -> "json_each(e." + column.column() + ")";
            default -> throw new IllegalStateException("not a JSON array operand: " + operand);
        };
        return elementPredicate.apply(new Operand.Element(alias))
                .wrap("EXISTS (SELECT 1 FROM " + source + " AS " + alias + " WHERE ", ")");
    }

    /**
     * By rowid: SQLite does not look the keys of a row-value {@code IN} up one by one, it tests each row
     * of the blueprint against them (200,000 rows read for a page of a {@code relatedTo} matching one
     * entity in a thousand); a rowid list it looks up. {@code CROSS JOIN} makes SQLite take the keys
     * first and look each up, rather than scan the whole primary key against them.
     */
    @Override
    public String entityAmong(String with, String keys) {
        return "e.rowid IN (" + with + " SELECT k.rowid FROM (" + keys
                + ") AS among CROSS JOIN entities k ON k.blueprint = among.b AND k.identifier = among.i)";
    }

    private static SqlFragment textCondition(Operand operand, String condition, String parameter) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of("(" + condition + ")", parameter);
        }
        return SqlFragment.of("(" + type(operand) + " = 'text' AND " + condition + ")", parameter);
    }

    private static String value(Operand operand) {
        return switch (operand) {
            case Operand.JsonField field -> jsonValue("e." + field.column(), field.key());
            case Operand.JsonColumn column -> "e." + column.column();
            case Operand.Element element -> element.alias() + ".value";
            case Operand.TextColumn column -> "e." + column.column();
        };
    }

    private static String type(Operand operand) {
        return switch (operand) {
            case Operand.JsonField field -> jsonType("e." + field.column(), field.key());
            case Operand.JsonColumn column -> "json_type(e." + column.column() + ")";
            case Operand.Element element -> element.alias() + ".type";
            case Operand.TextColumn column -> "'text'";
        };
    }

    /** SQLite compares an integer or real with an integer or real numerically; a BigDecimal would be bound as text. */
    private static Object number(JsonNode number) {
        return number.isIntegralNumber() && number.canConvertToLong() ? (Object) number.asLong() : (Object) number.asDouble();
    }

    /** In GLOB, {@code *}, {@code ?} and {@code [} are special; each is matched literally inside brackets. */
    static String escapeGlob(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*', '?', '[' -> out.append('[').append(c).append(']');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
